import type { BuiltinRule } from "../engine/rule.js";

/**
 * What: the data does not have the shape of a report-data file: a required field is missing, a field has the
 * wrong type, a field name is unknown, a value has the wrong form (a date not written YYYY-MM-DD).
 * Why: the structure is what every other check and the rendering rely on; an unknown field is usually a typo
 * whose content would silently be left out of the printed report.
 * Fix: follow docs/format.md; the message names the field and what it should be.
 */
export const schemaViolation: BuiltinRule = {
  meta: {
    id: "schema-violation",
    title: { zh: "数据结构不符合格式", en: "Data does not match the format" },
    category: "input",
    severity: "error",
    docs: {
      what: { zh: "缺少必填字段、字段类型不对、字段名不认识、取值写法不对（如日期不是 YYYY-MM-DD）。", en: "A required field is missing, a field has the wrong type or an unknown name, or a value has the wrong form." },
      why: { zh: "其他检查和排版都依赖数据结构；拼错的字段名会让内容在印出的报告里悄悄消失。", en: "Every other check and the rendering rely on the structure; a misspelt field silently drops content from the printed report." },
      fix: { zh: "按提示修改，格式说明见 docs/format.md。", en: "Follow the message; see docs/format.md." },
    },
  },
};
