import { matchesOf } from "../engine/matches.js";
import { defineRule } from "../engine/rule.js";
import { matchRequirements } from "../engine/requirements.js";

/**
 * What: the years a report states disagree: the title or the opening paragraph names another year than `meta.year`,
 * the plans section names a year other than the next one, or the report is dated before the year it reports on ends.
 * Why: last year's report copied forward is the commonest source of a wrong year, and a wrong year in the title is
 * the first thing a reader sees.
 * Fix: correct the year at the marked place (or `meta.year`, if that is the wrong one).
 */
const YEAR = /(?<![0-9])(19[5-9][0-9]|2[01][0-9][0-9])(?=\s*年)(?!\s*年[0-9]{1,2}月)/g;

export const yearMismatch = defineRule({
  meta: {
    id: "year-mismatch",
    title: { zh: "年份前后不一致", en: "Years disagree" },
    category: "time",
    severity: "error",
    docs: {
      what: { zh: "报告中的年份互相矛盾：标题或导语写的年份不是报告年度，下一年度安排写的不是下一年，或成文日期早于报告年度结束。", en: "The title or preamble names another year than meta.year, the plans name a year other than the next, or the date precedes the year's end." },
      why: { zh: "照搬上一年的报告是年份写错的最常见原因，标题里的错年份是读者第一眼就看到的。", en: "Copying last year's report is the commonest cause; a wrong year in the title is the first thing readers see." },
      fix: { zh: "改正标出的年份（如果错的是 meta.year，就改它）。", en: "Correct the marked year (or meta.year if that is wrong)." },
    },
  },
  run(context) {
    const { report, model, profile } = context;
    const year = report.meta.year;
    const flagYears = (path: readonly (string | number)[], text: string, expected: number, what: { zh: string; en: string }, firstOnly: boolean) => {
      for (const match of matchesOf(YEAR, text)) {
        const found = Number(match[1]);
        const start = match.index;
        if (found !== expected) {
          context.flag({
            at: { path, span: [start, start + 4] },
            message: { zh: `${what.zh}写的是 ${found} 年，应为 ${expected} 年（报告年度 meta.year 为 ${year}）`, en: `${what.en} says ${found}; expected ${expected} (meta.year is ${year})` },
            related: [{ at: { path: ["meta", "year"] }, message: { zh: "报告年度", en: "the reported year" } }],
          });
        }
        if (firstOnly) return;
      }
    };
    flagYears(["meta", "title"], report.meta.title, year, { zh: "标题", en: "The title" }, false);
    if (report.preamble !== undefined) flagYears(["preamble"], report.preamble, year, { zh: "导语开头", en: "The opening paragraph" }, true);
    if (profile) {
      for (const match of matchRequirements(report, model, profile)) {
        if (match.requirement.names !== "next-year") continue;
        for (const part of match.parts) {
          if (part.section) flagYears([...part.path, "title"], part.section.section.title, year + 1, { zh: "下一年度安排的标题", en: "The plans heading" }, false);
        }
      }
    }
    const date = report.meta.date;
    if (date < `${year}-12-01`) {
      context.flag({
        at: { path: ["meta", "date"] },
        message: { zh: `成文日期 ${date} 早于 ${year} 年度结束，年度报告应在年度结束后成文`, en: `The date ${date} is before the end of ${year}; an annual report is dated after the year ends` },
        related: [{ at: { path: ["meta", "year"] }, message: { zh: "报告年度", en: "the reported year" } }],
      });
    }
  },
});
