import { defineRule } from "../engine/rule.js";
import { describeFailure } from "../quantity/index.js";
import { relatedFigures } from "./check-mismatch.js";

/**
 * What: a declared check that adds or compares figures of different units, e.g. 件 + 人, or 份 compared with 项.
 * Money converts (元, 万元, 亿元) and a count divided by a count of the same unit is a ratio comparable with %.
 * Why: such a check cannot be decided, and usually means a figure was picked by mistake or a unit was mistyped.
 * Fix: check that the check names the intended figures, and that each figure's unit is the one the text states.
 */
export const checkUnitMismatch = defineRule({
  meta: {
    id: "check-unit-mismatch",
    title: { zh: "检查关系单位不一致", en: "Unit mismatch in a check" },
    category: "figures",
    severity: "error",
    docs: {
      what: { zh: "检查关系中相加或比较的数据项单位不同，如“件 + 人”“份”与“项”比较。元、万元、亿元可互相换算；同单位的计数相除得到比率，可与百分数比较。", en: "A check adds or compares figures of different units; money converts, and count/count is a ratio." },
      why: { zh: "单位不同无法判断关系是否成立，通常是选错了数据项或单位写错了。", en: "Such a check cannot be decided; usually a wrong figure or a mistyped unit." },
      fix: { zh: "核对检查关系引用的是否是想要的数据项，以及各数据项的单位是否与原文一致。", en: "Check the figures named and their units." },
    },
  },
  run(context) {
    for (const relation of context.model.relations) {
      if (relation.result?.status !== "unit-mismatch") continue;
      const mismatch = relation.result.mismatch;
      context.flag({
        at: mismatch ? { path: relation.path, span: [mismatch.start, mismatch.end] } : { path: relation.path },
        message: describeFailure(relation.result),
        related: relatedFigures(context, relation),
      });
    }
  },
});
