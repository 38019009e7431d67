import { FIGURE_ID_PATTERN } from "@govreport/schema/lite";
import { editDistance } from "../engine/edit-distance.js";
import { defineRule } from "../engine/rule.js";

/**
 * What: `{id}` in prose, or an id in a check, that names no figure in `figures:`.
 * Why: the printed report would show `{id}` instead of a number, and a check on a missing figure proves nothing.
 * Fix: correct the id (the closest existing ids are suggested) or add the figure.
 */
export const figureUnknownReference = defineRule({
  meta: {
    id: "figure-unknown-reference",
    title: { zh: "引用了不存在的数据项", en: "Unknown figure reference" },
    category: "figures",
    severity: "error",
    docs: {
      what: { zh: "正文中的 {编号} 或检查关系中的编号在 figures 中不存在。", en: "A `{id}` in prose or an id in a check names no figure." },
      why: { zh: "印出的报告会直接显示 {编号} 而不是数字；引用不存在的数据项，检查也就无从谈起。", en: "The printed report would show `{id}`; a check on a missing figure proves nothing." },
      fix: { zh: "改正编号（会提示最接近的编号），或在 figures 中补上这个数据项。", en: "Correct the id (the closest ids are suggested) or add the figure." },
    },
  },
  run(context) {
    const { figures } = context.model;
    for (const reference of context.model.references) {
      if (figures.has(reference.id)) continue;
      const valid = FIGURE_ID_PATTERN.test(reference.id);
      const closest = closestIds(reference.id, [...figures.keys()]);
      const idStart = reference.inCheck ? reference.start : reference.start + 1;
      const idEnd = reference.inCheck ? reference.end : reference.end - 1;
      context.flag({
        at: { path: reference.path, span: [reference.start, reference.end] },
        message: valid
          ? { zh: `数据项“${reference.id}”不存在${closest.length > 0 ? `，是否指“${closest.join("”或“")}”？` : ""}`, en: `No figure "${reference.id}"${closest.length > 0 ? `; did you mean "${closest.join('" or "')}"?` : ""}` }
          : { zh: `“{${reference.id}}”不是合法的数据项编号（小写字母、数字、下划线和点）`, en: `"{${reference.id}}" is not a valid figure id` },
        fixes: closest.map((id) => ({
          title: { zh: `改为“${id}”`, en: `Change to "${id}"` },
          edits: [context.replaceInString(reference.path, idStart, idEnd, id)],
          safe: false,
        })),
      });
    }
  },
});

function closestIds(id: string, candidates: readonly string[]): string[] {
  const limit = Math.max(2, Math.floor(id.length / 4));
  return candidates
    // Ids far apart in length cannot be typos of each other; skipping them keeps thousands of figures cheap.
    .filter((candidate) => Math.abs(candidate.length - id.length) <= limit)
    .map((candidate) => ({ candidate, distance: editDistance(id, candidate) }))
    .filter((entry) => entry.distance <= limit)
    .sort((a, b) => a.distance - b.distance || a.candidate.localeCompare(b.candidate))
    .slice(0, 2)
    .map((entry) => entry.candidate);
}
