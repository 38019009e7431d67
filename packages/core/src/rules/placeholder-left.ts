import { matchesOf } from "../engine/matches.js";
import { defineRule } from "../engine/rule.js";
import { printedTextFields } from "../engine/text-fields.js";

/**
 * What: a placeholder left in text that will be printed: ××, XX, ○○, TODO, TBD, 待补充, 待填写.
 * Why: a published report with a placeholder in it is an embarrassment that review should never let through.
 * Fix: write the real content.
 */
const PATTERN = /×{2,}|[XＸ]{2,}|x{2,}|○{2,}|\bTODO\b|\bFIXME\b|\bTBD\b|待补充|待填写|待填报/g;

export const placeholderLeft = defineRule({
  meta: {
    id: "placeholder-left",
    title: { zh: "残留占位符", en: "Placeholder left in" },
    category: "form",
    severity: "error",
    docs: {
      what: { zh: "要印出的文字里还留着占位符：××、XX、○○、TODO、待补充、待填写。", en: "A placeholder (××, XX, TODO, 待补充, …) is left in printed text." },
      why: { zh: "带着占位符公开的报告会成为笑话，审核时绝不能放过。", en: "A published report with a placeholder is an embarrassment." },
      fix: { zh: "填写实际内容。", en: "Write the real content." },
    },
  },
  run(context) {
    for (const field of printedTextFields(context)) {
      for (const match of matchesOf(PATTERN, field.text)) {
        const start = match.index;
        context.flag({
          at: { path: field.path, span: [start, start + match[0].length] },
          message: { zh: `残留占位符“${match[0]}”，请填写实际内容`, en: `Placeholder "${match[0]}" left in; write the real content` },
        });
      }
    }
  },
});
