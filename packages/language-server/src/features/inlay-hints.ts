import type { InlayHint, Range } from "vscode-languageserver";
import { toPosition, toSourceRange } from "../convert.js";
import type { Analysis } from "../workspace.js";

/** After each `{id}` in prose, the figure's value as it will be printed, so the drafter reads the sentence whole. */
export function inlayHints(analysis: Analysis, range: Range): InlayHint[] {
  const { result } = analysis;
  const model = result.model;
  if (!model) return [];
  const lines = result.source.lineIndex;
  const wanted = toSourceRange(lines, range);
  const hints: InlayHint[] = [];
  for (const reference of model.references) {
    if (reference.inCheck) continue;
    const figure = model.figures.get(reference.id);
    if (!figure) continue;
    const at = result.source.rangeInString(reference.path, reference.start, reference.end);
    if (at.end < wanted.start || at.end > wanted.end) continue;
    const hint: InlayHint = { position: toPosition(lines, at.end), label: figure.text, paddingLeft: true };
    if (figure.label) hint.tooltip = figure.label;
    hints.push(hint);
  }
  return hints;
}
