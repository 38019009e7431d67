import type { BuiltinRule } from "../engine/rule.js";

/**
 * What: the file is larger than the 4 MB a report-data file can reasonably be.
 * Why: such a file is almost certainly not a report (a log, an export); refusing it keeps editors and CI fast.
 * Fix: check that the right file is named; split generated data out of the report.
 */
export const inputTooLarge: BuiltinRule = {
  meta: {
    id: "input-too-large",
    title: { zh: "文件过大", en: "File too large" },
    category: "input",
    severity: "error",
    docs: {
      what: { zh: "文件超过 4 MB。", en: "The file is larger than 4 MB." },
      why: { zh: "这么大的文件几乎不可能是一份报告；拒绝检查可以让编辑器和 CI 保持响应。", en: "A file this large is almost certainly not a report; refusing it keeps editors and CI responsive." },
      fix: { zh: "确认检查的是正确的文件。", en: "Check that the right file is named." },
    },
  },
};
