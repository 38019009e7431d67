import { matchesBeforeAnchors } from "../engine/matches.js";
import { defineRule } from "../engine/rule.js";

/**
 * What: an official formulation quoted with a wrong part, e.g. 职能高效 in the list 职能科学、权责法定、执法严明、公开公正、
 * 智能高效、廉洁诚信、人民满意 (the goal of 法治政府建设实施纲要（2021－2025年）).
 * Why: these formulations are quoted verbatim in official writing; a changed word reads as a misquotation of the
 * central document.
 * Fix: use the official wording given in the message (a quick fix).
 */
/** The length of an item, in Chinese characters, of a list the rule compares with the formulations. */
const ITEM_MIN = 2;
const ITEM_MAX = 8;
const ITEM = `[\\u4e00-\\u9fff]{${ITEM_MIN},${ITEM_MAX}}`;
// Sticky: it is tried only at the places a list can start (see `matchesBeforeAnchors`).
const LIST_ITEM = new RegExp(`${ITEM}(?:、${ITEM}){3,}`, "y");

export const formulationMisquoted = defineRule({
  meta: {
    id: "formulation-misquoted",
    title: { zh: "规范表述引用有误", en: "Official formulation misquoted" },
    category: "wording",
    severity: "warning",
    docs: {
      what: { zh: "引用规范表述时个别词写错，如把“智能高效”写成“职能高效”。", en: "An official formulation is quoted with a wrong part." },
      why: { zh: "规范表述应原文引用，改动一个词就成了错引中央文件。", en: "Official formulations are quoted verbatim; a changed word is a misquotation." },
      fix: { zh: "按提示改为规范表述（可用快速修复）。", en: "Use the official wording (quick fix)." },
    },
  },
  run(context) {
    const formulations = context.profile?.formulations ?? [];
    if (formulations.length === 0) return;
    for (const field of context.model.prose) {
      // A list's first item ends at a 、 two to eight characters on, so the pattern need only be tried before each 、.
      for (const list of matchesBeforeAnchors(LIST_ITEM, field.text, "、", ITEM_MIN, ITEM_MAX)) {
        const items = list[0].split("、");
        for (const formulation of formulations) {
          const parts = formulation.parts ?? formulation.text.split("、");
          const known = items.filter((item) => parts.some((part) => item.endsWith(part) || item.startsWith(part)));
          if (known.length < Math.max(3, Math.ceil(parts.length / 2))) continue;
          const missing = parts.filter((part) => !items.some((item) => item.includes(part)));
          let offset = list.index;
          for (const item of items) {
            const isKnown = parts.some((part) => item.includes(part));
            const replacement = isKnown ? undefined : missing.find((part) => part.length === item.length && sharedChars(part, item) >= part.length / 2);
            if (replacement) {
              context.flag({
                at: { path: field.path, span: [offset, offset + item.length] },
                message: { zh: `“${item}”应为“${replacement}”（规范表述：${formulation.text}，见${formulation.source.document}）`, en: `"${item}" should be "${replacement}" (official wording: ${formulation.text}, ${formulation.source.document})` },
                fixes: [{ title: { zh: `改为“${replacement}”`, en: `Change to "${replacement}"` }, edits: [context.replaceInString(field.path, offset, offset + item.length, replacement)], safe: false }],
              });
            }
            offset += item.length + 1;
          }
        }
      }
    }
  },
});

function sharedChars(a: string, b: string): number {
  let count = 0;
  for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] === b[i]) count++;
  return count;
}
