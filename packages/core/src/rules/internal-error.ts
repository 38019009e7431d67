import type { BuiltinRule } from "../engine/rule.js";

/**
 * What: a check failed inside govreport itself, so its findings are missing.
 * Why: a silent failure would look like a clean report; saying so keeps the result honest.
 * Fix: nothing in the report; report the problem with the file attached.
 */
export const internalError: BuiltinRule = {
  meta: {
    id: "internal-error",
    title: { zh: "检查程序内部错误", en: "Internal error in a check" },
    category: "input",
    severity: "warning",
    docs: {
      what: { zh: "govreport 的某项检查自身出错，其结果缺失。", en: "A check failed inside govreport, so its findings are missing." },
      why: { zh: "如果悄悄失败，报告会看起来没有问题；明确说出来才诚实。", en: "A silent failure would look like a clean report." },
      fix: { zh: "报告本身无需修改；请附上文件反馈问题。", en: "Nothing to change in the report; please report the problem with the file." },
    },
  },
};
