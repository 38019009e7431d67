import type { SectionData } from "@govreport/schema";
import { defineRule } from "../engine/rule.js";
import { matchRequirements } from "../engine/requirements.js";

/**
 * What: a section that fulfils a profile requirement has a heading but no content: no text, no points, no subsections
 * with content.
 * Why: a heading alone does not fulfil the requirement; an empty section usually means the draft was sent too early.
 * Fix: write the content, or remove the heading.
 */
export const sectionEmpty = defineRule({
  meta: {
    id: "section-empty",
    title: { zh: "必备内容为空", en: "Required section is empty" },
    category: "structure",
    severity: "error",
    docs: {
      what: { zh: "满足某项必备内容的部分只有标题，没有正文、要点或有内容的下级标题。", en: "A section fulfilling a requirement has a heading but no text, points or subsections with content." },
      why: { zh: "只有标题并不算写了这项内容；空的部分通常说明稿子还没写完。", en: "A heading alone does not fulfil the requirement; an empty section usually means an unfinished draft." },
      fix: { zh: "补写内容，或删去这个标题。", en: "Write the content or remove the heading." },
    },
  },
  run(context) {
    const { profile, report, model } = context;
    if (!profile) return;
    for (const match of matchRequirements(report, model, profile)) {
      for (const part of match.parts) {
        if (!part.section || hasContent(part.section.section)) continue;
        context.flag({
          at: { path: [...part.path, "title"] },
          message: { zh: `“${part.section.section.title}”只有标题没有内容（应写明：${match.requirement.title}）`, en: `"${part.section.section.title}" has a heading but no content (it should state: ${match.requirement.title})` },
        });
      }
    }
  },
});

function hasContent(section: SectionData): boolean {
  if (section.text && section.text.trim() !== "") return true;
  if (section.points?.some((point) => (point.text ?? "").trim() !== "" || (point.lead ?? "").trim() !== "")) return true;
  return section.sections?.some(hasContent) ?? false;
}
