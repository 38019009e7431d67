import { defineRule } from "../engine/rule.js";

/**
 * What: last year's report named by `previous:` cannot be read, is not valid report-data, or is not about the year
 * before this one.
 * Why: last year's report is what this year's is compared with (its plans, its figures); pointing at the wrong year's
 * file makes every comparison meaningless, and a broken path hides them silently.
 * Fix: correct the path in `previous:` (relative to this file), or fix last year's file.
 */
export const previousReport = defineRule({
  meta: {
    id: "previous-report",
    title: { zh: "上一年度报告有误", en: "Previous report problem" },
    category: "input",
    severity: "warning",
    docs: {
      what: { zh: "previous 指定的上一年度报告读取不到、格式有误，或者不是上一年度的报告。", en: "The `previous:` report cannot be read, is invalid, or is not about the year before." },
      why: { zh: "本年度报告要与上一年度对照（安排的落实、数据的变化）；指错了年份，对照就失去意义，路径错了则会悄悄失效。", en: "This year's report is compared with last year's; the wrong file makes comparisons meaningless." },
      fix: { zh: "改正 previous 的路径（相对于本文件），或修正上一年度的文件。", en: "Correct the path (relative to this file) or fix last year's file." },
    },
  },
  run(context) {
    const previous = context.previous;
    if (!previous) return;
    const at = { path: ["previous"] };
    if (previous.status === "unreadable") {
      context.flag({ at, message: { zh: `读取不到上一年度报告“${previous.reference}”`, en: `Cannot read the previous report "${previous.reference}"` } });
    } else if (previous.status === "invalid") {
      context.flag({ at, message: { zh: `上一年度报告“${previous.reference}”格式有误：${previous.detail}`, en: `The previous report "${previous.reference}" is invalid: ${previous.detail}` } });
    } else if (previous.status === "ok" && previous.report.meta.year !== context.report.meta.year - 1) {
      context.flag({
        at,
        message: {
          zh: `上一年度报告“${previous.reference}”写的是 ${previous.report.meta.year} 年度，应为 ${context.report.meta.year - 1} 年度`,
          en: `The previous report "${previous.reference}" is about ${previous.report.meta.year}, not ${context.report.meta.year - 1}`,
        },
      });
    }
  },
});
