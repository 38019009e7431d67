import { defineRule } from "../engine/rule.js";

/**
 * What: a figure whose value is not a quantity govreport can read (e.g. `一百多一点`, `105份份`, a value without a number).
 * Why: a figure that cannot be read cannot take part in any check, so a contradiction involving it goes unnoticed.
 * Fix: write the quantity as the report states it: a number (Arabic or Chinese), an optional approximation word
 * (余 多 近 约 左右 以上 超过 不足 以内) and a unit, e.g. `105份`, `8.7万余份`, `近10亿元`, `95%以上`.
 */
export const figureUnparsable = defineRule({
  meta: {
    id: "figure-unparsable",
    title: { zh: "数据项无法识别为数量", en: "Figure is not a readable quantity" },
    category: "figures",
    severity: "warning",
    docs: {
      what: { zh: "数据项的值不是可识别的数量表述（如“一百多一点”“105份份”，或没有数字）。", en: "A figure's value is not a quantity govreport can read." },
      why: { zh: "读不懂的数据项无法参与任何检查，与它有关的矛盾就查不出来。", en: "An unreadable figure takes part in no check, so contradictions involving it go unnoticed." },
      fix: { zh: "按报告原文写成“数字 + 约略词 + 单位”，如 105份、8.7万余份、近10亿元、95%以上。", en: "Write number, approximation word and unit, e.g. 105份, 8.7万余份, 近10亿元, 95%以上." },
    },
  },
  run(context) {
    for (const figure of context.model.figures.values()) {
      const parsed = figure.quantity;
      if (parsed.ok) continue;
      context.flag({
        at: { path: figure.valuePath, span: [parsed.start, Math.max(parsed.end, parsed.start + 1)] },
        message: { zh: `数据项“${figure.id}”的值“${figure.text}”无法识别：${parsed.message.zh}`, en: `Figure "${figure.id}" ("${figure.text}") cannot be read: ${parsed.message.en}` },
      });
    }
  },
});
