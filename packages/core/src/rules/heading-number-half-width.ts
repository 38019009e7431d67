import { defineRule } from "../engine/rule.js";

/**
 * What: a heading number written with half-width parentheses, `(一)` instead of `（一）`.
 * Why: GB/T 9704 numbers second-level headings with full-width parentheses; mixing the two in one report is a
 * visible form error.
 * Fix: use full-width parentheses (a safe quick fix), or drop `number:` and let the number be generated.
 */
export const headingNumberHalfWidth = defineRule({
  meta: {
    id: "heading-number-half-width",
    title: { zh: "标题序号使用了半角括号", en: "Half-width parentheses in a heading number" },
    category: "form",
    severity: "warning",
    safeFix: true,
    docs: {
      what: { zh: "标题序号用了半角括号，如“(一)”而不是“（一）”。", en: "A heading number uses half-width parentheses: (一) instead of （一）." },
      why: { zh: "GB/T 9704 规定二级标题序号用全角括号；同一份报告里混用两种括号是明显的格式错误。", en: "GB/T 9704 uses full-width parentheses; mixing both is a visible form error." },
      fix: { zh: "改用全角括号（可安全地自动修复），或删去 number 让序号自动生成。", en: "Use full-width parentheses (safe fix), or drop `number:` to generate it." },
    },
  },
  run(context) {
    for (const info of context.model.sections) {
      const number = info.section.number;
      if (number === undefined || !/[()]/.test(number)) continue;
      const fixed = number.replaceAll("(", "（").replaceAll(")", "）").trim();
      const path = [...info.path, "number"];
      context.flag({
        at: { path },
        message: { zh: `标题序号“${number}”用了半角括号，应为“${fixed}”`, en: `Heading number "${number}" uses half-width parentheses; write "${fixed}"` },
        fixes: [{ title: { zh: `改为“${fixed}”`, en: `Change to "${fixed}"` }, edits: [context.replaceInString(path, 0, number.length, fixed)], safe: true }],
      });
    }
  },
});
