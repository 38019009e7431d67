import type { Message } from "../diagnostic.js";
import { type Breakdown, declaredTogether, figureIdsOf, findBreakdowns, type PrintedProse, printedProse } from "../engine/prose-relations.js";
import { defineRule, type Finding } from "../engine/rule.js";
import { compareRational, describeValue, valueOfQuantity } from "../quantity/index.js";

/**
 * What: a total followed by a 其中 breakdown whose parts add up to more than the total, read from the prose itself
 * with nothing declared: 受理案件105件，其中合同45件、文件61件. Literal numbers and `{figure}` references count
 * alike; approximate and rounded numbers (余, 多, 约, 万) are intervals, so only a sum that must exceed is reported.
 * Why: parts that exceed their whole are an arithmetic error any reader can spot; it casts doubt on every number.
 * Fix: correct the total or the part that is wrong; if the parts overlap (one case counted twice), say so in the text.
 */
export const proseBreakdownExceedsTotal = defineRule({
  meta: {
    id: "prose-breakdown-exceeds-total",
    title: { zh: "“其中”各项之和超过总数", en: "A 其中 breakdown exceeds its total" },
    category: "figures",
    severity: "error",
    docs: {
      what: {
        zh: "正文中总数后面跟着“其中”分项，而各分项（同一单位）相加超过了总数，如“受理案件105件，其中合同45件、文件61件”。直接写的数字和引用的数据项同样检查；带“余”“多”“约”或四舍五入的数按区间计算，只有无论如何都超过时才报告。",
        en: "A total followed by a 其中 breakdown whose parts (same unit) add up to more than the total, e.g. 受理案件105件，其中合同45件、文件61件. Literal numbers and figure references alike; approximate values count as intervals.",
      },
      why: {
        zh: "分项之和大于总数是任何读者都能发现的算术错误，会让报告中的所有数字都受到质疑。",
        en: "Parts that exceed their whole are an arithmetic error any reader can spot; it casts doubt on every number.",
      },
      fix: {
        zh: "核对并改正总数或写错的分项；如果各分项有交叉（同一事项计入了两项），请在正文中说明。",
        en: "Correct the total or the wrong part; if the parts overlap, say so in the text.",
      },
    },
  },
  run(context) {
    for (const prose of printedProse(context.model)) {
      for (const breakdown of findBreakdowns(prose)) {
        const high = breakdown.total.quantity.high;
        if (high === null || breakdown.sum.low === null || compareRational(breakdown.sum.low, high) <= 0) continue;
        const ids = figureIdsOf([breakdown.total, ...breakdown.parts]);
        if (ids && declaredTogether(context.model, ids)) continue;
        context.flag(breakdownFinding(prose, breakdown, {
          zh: `“其中”各项合计 ${sumText(breakdown).zh}（${partsText(breakdown)}），超过了总数 ${breakdown.total.quantity.text}`,
          en: `The parts after 其中 add up to ${sumText(breakdown).en} (${partsText(breakdown)}), more than the total ${breakdown.total.quantity.text}`,
        }));
      }
    }
  },
});

/** `合同45件 + 文件61件`: each part with the words that name it. */
export function partsText(breakdown: Breakdown): string {
  return breakdown.parts.map((part) => `${part.scanned.label}${part.quantity.text}`).join(" + ");
}

export function sumText(breakdown: Breakdown): Message {
  return describeValue({ ...valueOfQuantity(breakdown.total.quantity), low: breakdown.sum.low, high: breakdown.sum.high });
}

/** The finding sits on the total; every part is a related location. */
export function breakdownFinding(prose: PrintedProse, breakdown: Breakdown, message: Message): Finding {
  const path = prose.field.path;
  return {
    at: { path, span: breakdown.total.source },
    message,
    notes: [{ zh: "约数（余、多、约、近）和四舍五入的数已按区间计算。", en: "Approximate and rounded values were taken as intervals." }],
    related: breakdown.parts.map((part) => ({
      at: { path, span: part.source },
      message: { zh: `分项：${part.scanned.label}${part.quantity.text}`, en: `Part: ${part.scanned.label}${part.quantity.text}` },
    })),
  };
}
