import { declaredTogether, figureIdsOf, findRateReadings, printedProse } from "../engine/prose-relations.js";
import { defineRule } from "../engine/rule.js";
import { compareRational, describeValue, integerRational, valueOfQuantity } from "../quantity/index.js";

const ONE = integerRational(1);
const ZERO = integerRational(0);

/**
 * What: a rate written beside the counts it is computed from that the counts do not give, read from the prose with
 * nothing declared: 调解1571件，成功1570件，调解成功率100% (1570/1571 is 99.94%). A rate rounded honestly passes
 * (89.85% from 5810 of 6466); 100% and 0% are claims of all and none, not roundings.
 * Why: a rate that contradicts its own counts is a visible error, and a 100% that is not all overstates the work.
 * Fix: recompute the rate from the counts (write 99.94% or 99.9%), or correct the count that is wrong.
 */
export const proseRateContradictsCounts = defineRule({
  meta: {
    id: "prose-rate-contradicts-counts",
    title: { zh: "比率与正文中的计数不符", en: "A rate contradicts the counts beside it" },
    category: "figures",
    severity: "error",
    docs: {
      what: {
        zh: "正文中的比率与紧挨着写出的计数算不出来，如“调解1571件，成功1570件，调解成功率100%”（1570÷1571 = 99.94%）。如实四舍五入的比率不报告（6466项中5810项为89.85%）；100% 和 0% 表示全部和没有，不是四舍五入的结果。",
        en: "A rate beside the counts it is computed from that the counts do not give, e.g. 调解1571件，成功1570件，调解成功率100% (99.94%). Honest rounding passes; 100% and 0% are claims, not roundings.",
      },
      why: {
        zh: "比率与自身计数矛盾是显眼的错误；不是全部却写 100%，会夸大工作成效。",
        en: "A rate that contradicts its own counts is a visible error; a 100% that is not all overstates the work.",
      },
      fix: {
        zh: "按计数重新计算比率（如写 99.94% 或 99.9%），或改正写错的计数。",
        en: "Recompute the rate from the counts (write 99.94% or 99.9%), or correct the wrong count.",
      },
    },
  },
  run(context) {
    for (const prose of printedProse(context.model)) {
      for (const reading of findRateReadings(prose)) {
        if (reading.consistent) continue;
        const { rate, numerator, denominator } = reading;
        const ids = figureIdsOf([rate, numerator, denominator]);
        if (ids && declaredTogether(context.model, ids)) continue;
        const computed = describeValue({ ...valueOfQuantity(rate.quantity), low: reading.computed.low, high: reading.computed.high });
        const claim = rate.quantity.qualifier === "exact" && rate.quantity.high !== null && compareRational(rate.quantity.low, rate.quantity.high) === 0
          && (compareRational(rate.quantity.low, ONE) === 0 || compareRational(rate.quantity.low, ZERO) === 0);
        const path = prose.field.path;
        const numeratorText = `${numerator.scanned.label}${numerator.quantity.text}`;
        const denominatorText = `${denominator.scanned.label}${denominator.quantity.text}`;
        context.flag({
          at: { path, span: rate.source },
          message: {
            zh: `按 ${numeratorText} ÷ ${denominatorText} 计算为 ${computed.zh}，而${rate.scanned.label}写的是 ${rate.quantity.text}`,
            en: `${numeratorText} ÷ ${denominatorText} gives ${computed.en}, but ${rate.scanned.label} says ${rate.quantity.text}`,
          },
          notes: claim
            ? [{ zh: "写 100%（或 0%）表示全部（或一个也没有），不是四舍五入的结果；请核对计数或改写比率。", en: "100% (or 0%) claims all (or none); it is not a rounding. Check the counts or restate the rate." }]
            : [{ zh: "比率已按书写精度的四舍五入区间计算，仍然对不上。", en: "The rate was taken as the interval its rounding allows, and still does not match." }],
          related: [
            { at: { path, span: numerator.source }, message: { zh: `分子：${numeratorText}`, en: `Numerator: ${numeratorText}` } },
            { at: { path, span: denominator.source }, message: { zh: `分母：${denominatorText}`, en: `Denominator: ${denominatorText}` } },
          ],
        });
      }
    }
  },
});
