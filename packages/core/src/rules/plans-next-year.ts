import { defineRule } from "../engine/rule.js";
import { matchRequirements } from "../engine/requirements.js";

/**
 * What: the section on next year's plans does not name the next year in its heading (e.g. 下一步工作打算 instead of
 * 2022年度推进法治政府建设的主要安排).
 * Why: the regulation asks for 下一年度 plans; naming the year ties them to the right year and lets next year's report
 * be checked against them.
 * Fix: put the year into the heading, as the quick fix does.
 */
export const plansNextYear = defineRule({
  meta: {
    id: "plans-next-year",
    title: { zh: "下一年度安排未写明年份", en: "Plans do not name the next year" },
    category: "time",
    severity: "warning",
    docs: {
      what: { zh: "下一年度工作安排的标题没有写明下一年的年份（如只写“下一步工作打算”）。", en: "The plans heading does not name the next year." },
      why: { zh: "规定要求报告下一年度的主要安排，写明年份才能对得上年度，也便于下一年对照检查。", en: "Naming the year ties the plans to it and lets next year's report be checked against them." },
      fix: { zh: "在标题中写明年份（快速修复可代劳）。", en: "Put the year into the heading (quick fix)." },
    },
  },
  run(context) {
    const { report, model, profile } = context;
    if (!profile) return;
    const next = report.meta.year + 1;
    for (const match of matchRequirements(report, model, profile)) {
      if (match.requirement.names !== "next-year") continue;
      for (const part of match.parts) {
        const title = part.section?.section.title;
        if (title === undefined || /(?<![0-9])\d{4}\s*年/.test(title)) continue;
        const suggestion = `${next}年度推进法治政府建设的主要安排`;
        const path = [...part.path, "title"];
        context.flag({
          at: { path },
          message: { zh: `下一年度安排的标题应写明“${next}年”，如“${suggestion}”`, en: `The plans heading should name ${next}, e.g. "${suggestion}"` },
          fixes: [{ title: { zh: `改为“${suggestion}”`, en: `Change to "${suggestion}"` }, edits: [context.replaceInString(path, 0, title.length, suggestion)], safe: false }],
        });
      }
    }
  },
});
