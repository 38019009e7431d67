import { defineRule } from "../engine/rule.js";

/**
 * What: the report's date (`meta.date`) is after the deadline the profile sets — for 法治政府建设年度报告, 31 March of
 * the following year, since the regulation requires reports in the first quarter and publication before 1 April.
 * Why: a late report breaches the regulation, and a wrong date is a frequent copy error.
 * Fix: check the date; if the report really is late, the date must still be the true one.
 */
export const dateAfterDeadline = defineRule({
  meta: {
    id: "date-after-deadline",
    title: { zh: "成文日期晚于报送时限", en: "Dated after the deadline" },
    category: "time",
    severity: "error",
    docs: {
      what: { zh: "成文日期晚于报告规则规定的时限；法治政府建设年度报告为次年3月31日（第一季度报告，4月1日之前公开）。", en: "meta.date is after the profile's deadline (31 March of the next year for fazhi-annual)." },
      why: { zh: "逾期报送违反规定；日期写错也是常见的照抄错误。", en: "A late report breaches the regulation; a wrong date is a common copy error." },
      fix: { zh: "核对日期；确实逾期的，也要写真实日期。", en: "Check the date; if the report is late, keep the true date." },
    },
  },
  run(context) {
    const deadline = context.profile?.deadline;
    if (!deadline) return;
    const year = context.report.meta.year + deadline.yearOffset;
    const limit = `${year}-${String(deadline.month).padStart(2, "0")}-${String(deadline.day).padStart(2, "0")}`;
    const date = context.report.meta.date;
    if (date <= limit) return;
    const source = deadline.source;
    context.flag({
      at: { path: ["meta", "date"] },
      message: {
        zh: `成文日期 ${date} 晚于报送时限 ${year}年${deadline.month}月${deadline.day}日（${deadline.description}；依据${source.document}${source.article ?? ""}）`,
        en: `The date ${date} is after the deadline ${limit} (${source.document}${source.article ? ` ${source.article}` : ""})`,
      },
    });
  },
});
