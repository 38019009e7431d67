import { figuresNamedBy, inSectionCovering, printedProse } from "../engine/prose-relations.js";
import { defineRule } from "../engine/rule.js";
import { isLiteralInSource } from "../engine/text-fields.js";

/**
 * What: a number written literally in prose that contradicts the declared figure bearing the same label: the figure
 * `mediation.cases` (全区调解案件) says 1570件 and the prose writes 调解案件1571件. The figure's label must equal the
 * words before the number or end with them, the units must measure the same thing, and the two intervals must be
 * disjoint (3100余人次 does not contradict 3150人次). Numbers about another period (上年, 同比), targets in the
 * plans section and parts of a 其中 breakdown are not compared.
 * Why: the same quantity stated twice with two values is a contradiction readers notice; it usually means one place
 * was updated and the other was not.
 * Fix: write the figure reference instead of the number (an offered fix), or correct whichever is wrong.
 */
export const proseFigureContradiction = defineRule({
  meta: {
    id: "prose-figure-contradiction",
    title: { zh: "正文数字与数据项矛盾", en: "A number in prose contradicts a figure" },
    category: "figures",
    severity: "error",
    docs: {
      what: {
        zh: "正文里直接写的数字与同名数据项的值矛盾，如数据项“全区调解案件”为 1570件，正文却写“调解案件1571件”。要求数据项的 label 与数字前的文字相同或以其结尾、单位可比，且两者的区间不相交；上年、同比等其他时期的数字，下一年度安排中的目标，以及“其中”分项不作比较。",
        en: "A literal number in prose that contradicts the figure with the same label (label equal to, or ending with, the words before the number; same dimension; disjoint intervals).",
      },
      why: {
        zh: "同一数量在两处写成两个值，读者一眼就能发现；通常是一处改了、另一处没改。",
        en: "The same quantity stated twice with two values is a visible contradiction; usually one place was updated and the other not.",
      },
      fix: {
        zh: "改为引用数据项（可使用提供的快速修复），或改正写错的一方。",
        en: "Reference the figure instead (quick fix offered), or correct whichever is wrong.",
      },
    },
  },
  run(context) {
    const { model } = context;
    for (const prose of printedProse(model)) {
      if (inSectionCovering(model, prose.field, "plans")) continue;
      for (const quantity of prose.quantities) {
        if (!quantity.literal || quantity.scanned.afterQizhong) continue;
        const matches = figuresNamedBy(quantity, model);
        if (matches.length === 0 || matches.some((match) => match.consistent)) continue;
        const { figure } = matches[0]!;
        const path = prose.field.path;
        const [start, end] = quantity.source;
        const canReplace = isLiteralInSource(context, path, start, end);
        context.flag({
          at: { path, span: quantity.source },
          message: {
            zh: `正文写的是 ${quantity.scanned.label}${quantity.quantity.text}，而数据项 ${figure.id}（${figure.label}）是 ${figure.text}`,
            en: `The prose says ${quantity.scanned.label} ${quantity.quantity.text}, but figure ${figure.id} (${figure.label}) is ${figure.text}`,
          },
          related: [{ at: { path: figure.valuePath }, message: { zh: `数据项 ${figure.id} = ${figure.text}`, en: `Figure ${figure.id} = ${figure.text}` } }],
          fixes: canReplace
            ? [{ title: { zh: `改为引用数据项 {${figure.id}}（${figure.text}）`, en: `Reference figure {${figure.id}} (${figure.text}) instead` }, edits: [context.replaceInString(path, start, end, `{${figure.id}}`)], safe: false }]
            : [],
        });
      }
    }
  },
});
