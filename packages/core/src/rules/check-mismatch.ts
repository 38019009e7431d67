import type { RelationInfo } from "../engine/model.js";
import { defineRule, type RuleContext } from "../engine/rule.js";
import { describeFailure } from "../quantity/index.js";

/**
 * What: a declared check (`checks:`) that the figures contradict, e.g. `review.total = review.contracts +
 * review.documents` with 105份, 45份 and 61份. Rounded and approximate values (89.85%, 85万余元, 近10亿元) are
 * intervals, so a check fails only when no values the text allows can satisfy it.
 * Why: totals that do not add up and rates that contradict their counts are the errors reviewers and the public
 * notice first; they undermine every other number in the report.
 * Fix: find which figure is wrong (the message gives what the parts add up to and what the total says; every part is
 * listed as a related location) and correct it in `figures:`.
 */
export const checkMismatch = defineRule({
  meta: {
    id: "check-mismatch",
    title: { zh: "数据不一致", en: "Figures contradict a check" },
    category: "figures",
    severity: "error",
    docs: {
      what: { zh: "声明的检查关系不成立，如总数不等于各分项之和、比率与其计数不符。约数和四舍五入的数按区间计算，只有在原文允许的任何取值下都不成立时才报告。", en: "A declared check the figures contradict; approximate and rounded values count as intervals." },
      why: { zh: "合计对不上、比率和计数矛盾，是审阅者和公众最先发现的错误，会让报告里的每个数字都失去可信度。", en: "Totals that do not add up are the first errors readers notice; they undermine every number." },
      fix: { zh: "根据提示（各分项合计多少、总数写的是多少，各分项均标为相关位置）找出写错的数字，在 figures 中改正。", en: "Find the wrong figure (the message and related locations show each part) and correct it." },
    },
  },
  run(context) {
    for (const relation of context.model.relations) {
      if (relation.result?.status !== "fails" && relation.result?.status !== "division-by-zero") continue;
      context.flag({
        at: { path: relation.path },
        message: describeFailure(relation.result),
        notes: [{ zh: "约数（余、多、近、约）和四舍五入的数已按区间计算；仍不成立，说明至少有一个数字写错了。", en: "Approximate and rounded values were taken as intervals; the check still fails, so a figure is wrong." }],
        related: relatedFigures(context, relation),
      });
    }
  },
});

/** Each figure a check refers to, pointing at its value, so an editor lists every part of a failing sum. */
export function relatedFigures(context: RuleContext, relation: RelationInfo) {
  const seen = new Set<string>();
  const related = [];
  for (const reference of relation.result?.references ?? []) {
    const figure = context.model.figures.get(reference.id);
    if (!figure || seen.has(reference.id)) continue;
    seen.add(reference.id);
    related.push({ at: { path: figure.valuePath }, message: { zh: `${figure.id} = ${figure.text}${figure.label ? `（${figure.label}）` : ""}`, en: `${figure.id} = ${figure.text}` } });
  }
  return related;
}
