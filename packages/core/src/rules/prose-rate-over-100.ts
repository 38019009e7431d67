import { isShareLabel, printedProse } from "../engine/prose-relations.js";
import { defineRule } from "../engine/rule.js";
import { compareRational, integerRational } from "../quantity/index.js";

const ONE = integerRational(1);

/**
 * What: a share written in prose as a literal percentage above 100%: 调解成功率达101%, 占比120%. Growth (增长120%),
 * completion of a target (完成率) and returns are not shares and are not checked; rates kept as figures are checked
 * by rate-out-of-range.
 * Why: a share of a whole cannot exceed the whole; the number is a typo or a wrong computation, and stands out in print.
 * Fix: recompute the rate from its counts.
 */
export const proseRateOver100 = defineRule({
  meta: {
    id: "prose-rate-over-100",
    title: { zh: "正文中的比率超过 100%", en: "A rate in prose above 100%" },
    category: "figures",
    severity: "error",
    docs: {
      what: {
        zh: "正文中直接写出的“……率”“占比”超过 100%，如“调解成功率达101%”。增长（增长120%）、任务完成率、收益率等不是占比，不在此列；用数据项写的比率由 rate-out-of-range 检查。",
        en: "A share written literally in prose above 100%, e.g. 调解成功率达101%. Growth, completion of a target and returns are not shares; rates kept as figures are checked by rate-out-of-range.",
      },
      why: {
        zh: "部分不可能超过整体；这样的数字不是笔误就是算错了，印出来非常显眼。",
        en: "A share of a whole cannot exceed the whole; such a number is a typo or a wrong computation.",
      },
      fix: { zh: "根据计数重新计算比率。", en: "Recompute the rate from its counts." },
    },
  },
  run(context) {
    for (const prose of printedProse(context.model)) {
      for (const quantity of prose.quantities) {
        if (!quantity.literal || quantity.quantity.unit?.kind !== "ratio") continue;
        if (compareRational(quantity.quantity.low, ONE) <= 0 || !isShareLabel(quantity.scanned.label)) continue;
        context.flag({
          at: { path: prose.field.path, span: quantity.source },
          message: {
            zh: `${quantity.scanned.label}写的是 ${quantity.quantity.text}，超过了 100%`,
            en: `${quantity.scanned.label} is ${quantity.quantity.text}, above 100%`,
          },
        });
      }
    }
  },
});
