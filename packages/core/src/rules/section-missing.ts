import { defineRule } from "../engine/rule.js";
import { citeSource, matchRequirements } from "../engine/requirements.js";
import { insertSequenceItem, yamlString } from "../engine/yaml-edits.js";

/**
 * What: a required item of the profile (for 法治政府建设年度报告, e.g. 存在的不足和原因) is not covered by any section
 * or point — neither by `covers:` nor by a heading the profile knows for it.
 * Why: the regulation fixes what the annual report must contain; a report without a required item is sent back.
 * Fix: add a section for it (the quick fix inserts one with the profile's wording), or mark the part that already
 * covers it with `covers: <id>`.
 */
export const sectionMissing = defineRule({
  meta: {
    id: "section-missing",
    title: { zh: "缺少必备内容", en: "Required section missing" },
    category: "structure",
    severity: "error",
    docs: {
      what: { zh: "报告规则要求的某项内容（如“存在的不足和原因”）没有任何部分满足：既没有 covers 标明，也没有可识别的标题。", en: "A required item of the profile is covered by no section or point, neither by `covers:` nor by a known heading." },
      why: { zh: "年度报告的内容由规定明确列出，缺项的报告会被退回。", en: "The regulation fixes what the report must contain; a report missing an item is sent back." },
      fix: { zh: "补写这一部分（快速修复会按规定表述插入标题），或在已写到的部分加上 covers。", en: "Add the section (the quick fix inserts one with the official wording), or mark the part that covers it with `covers:`." },
    },
  },
  run(context) {
    const { profile, report, model, source } = context;
    if (!profile) return;
    const matches = matchRequirements(report, model, profile);
    matches.forEach((match, order) => {
      if (!match.requirement.required || match.parts.length > 0) return;
      const requirement = match.requirement;
      // Insert before the first top-level section that fulfils a later requirement, so the order stays right.
      const later = matches.slice(order + 1).flatMap((m) => m.parts.filter((p) => p.level === 1).map((p) => Number(p.path[1])));
      const insertAt = later.length > 0 ? Math.min(...later) : report.sections.length;
      const heading = (requirement.headings[0] ?? requirement.title).replaceAll("{year}", String(report.meta.year)).replaceAll("{next}", String(report.meta.year + 1));
      const edit = insertSequenceItem(source, ["sections"], insertAt, [`title: ${yamlString(heading)}`, `covers: ${requirement.id}`, "text: 待补充"]);
      context.flag({
        at: { path: ["sections"], key: true },
        message: {
          zh: `缺少必备内容：“${requirement.title}”（依据${citeSource(requirement.source)}）`,
          en: `Required item missing: "${requirement.title}" (${requirement.id}; per ${citeSource(requirement.source)})`,
        },
        notes: [{ zh: `补写这一部分，或在已写到的部分加上 covers: ${requirement.id}。`, en: `Add the section, or add covers: ${requirement.id} to the part that covers it.` }],
        fixes: edit ? [{ title: { zh: `添加“${heading}”部分`, en: `Add the "${heading}" section` }, edits: [edit], safe: false }] : [],
      });
    });
  },
});
