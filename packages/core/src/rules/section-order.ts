import { defineRule } from "../engine/rule.js";
import { matchRequirements } from "../engine/requirements.js";

/**
 * What: the top-level sections that fulfil the profile's requirements are not in the profile's order (e.g. the plans
 * for next year come before the shortcomings).
 * Why: the regulation lists the items in a fixed order and reviewers read reports side by side in that order.
 * Fix: move the marked section after the one named in the message.
 */
export const sectionOrder = defineRule({
  meta: {
    id: "section-order",
    title: { zh: "必备内容顺序不对", en: "Required sections out of order" },
    category: "structure",
    severity: "warning",
    docs: {
      what: { zh: "满足必备内容的一级标题没有按报告规则规定的顺序排列（如“下一年度主要安排”写在“存在的不足”之前）。", en: "Top-level sections fulfilling the requirements are not in the profile's order." },
      why: { zh: "规定按固定顺序列出各项内容，审阅时也按这个顺序对照。", en: "The regulation lists the items in a fixed order; reviewers compare reports in that order." },
      fix: { zh: "把标出的部分移到提示中所说部分的后面。", en: "Move the marked section after the one the message names." },
    },
  },
  run(context) {
    const { profile, report, model } = context;
    if (!profile?.ordered) return;
    let previous: { index: number; title: string } | undefined;
    for (const match of matchRequirements(report, model, profile)) {
      if (match.requirement.placement === "anywhere") continue;
      const first = match.parts.filter((part) => part.level === 1).map((part) => Number(part.path[1])).sort((a, b) => a - b)[0];
      if (first === undefined) continue;
      if (previous && first < previous.index) {
        context.flag({
          at: { path: ["sections", first, "title"] },
          message: {
            zh: `“${match.requirement.title}”应排在“${previous.title}”之后`,
            en: `"${match.requirement.title}" should come after "${previous.title}"`,
          },
        });
        continue;
      }
      previous = { index: first, title: match.requirement.title };
    }
  },
});
