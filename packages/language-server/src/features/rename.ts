import { pick, type SourceRange } from "@govreport/core";
import { FIGURE_ID_PATTERN } from "@govreport/schema";
import { ErrorCodes, ResponseError, type Position, type Range, type TextEdit, type WorkspaceEdit } from "vscode-languageserver";
import { toOffset, toRange } from "../convert.js";
import { figureOccurrences, targetAt } from "../locate.js";
import { ui } from "../messages.js";
import type { Analysis } from "../workspace.js";

export function prepareRename(analysis: Analysis, position: Position): { range: Range; placeholder: string } {
  const { result, language } = analysis;
  const target = targetAt(result, toOffset(result.source.lineIndex, position));
  if (!target || target.kind !== "figure") throw new ResponseError(ErrorCodes.InvalidRequest, pick(ui.renameOnlyFigures, language));
  return { range: toRange(result.source.lineIndex, target.range), placeholder: target.id };
}

/** Renames a figure id in its key, in every `{reference}` and in every check, as one edit of this version. */
export function rename(analysis: Analysis, position: Position, newName: string, versioned: boolean): WorkspaceEdit {
  const { result, language, uri, version } = analysis;
  const target = targetAt(result, toOffset(result.source.lineIndex, position));
  if (!target || target.kind !== "figure") throw new ResponseError(ErrorCodes.InvalidRequest, pick(ui.renameOnlyFigures, language));
  const newId = newName.trim();
  if (!FIGURE_ID_PATTERN.test(newId)) throw new ResponseError(ErrorCodes.InvalidParams, pick(ui.invalidFigureId(newId), language));
  if (newId !== target.id && result.model?.figures.has(newId)) throw new ResponseError(ErrorCodes.InvalidParams, pick(ui.figureExists(newId), language));

  const { declaration, references } = figureOccurrences(result, target.id);
  const ranges: SourceRange[] = declaration ? [declaration, ...references] : references;
  const edits: TextEdit[] = [];
  for (const range of ranges) {
    // An id spelled with escapes cannot be replaced character for character; say so rather than garble it.
    if (result.source.textOf(range) !== target.id) throw new ResponseError(ErrorCodes.InvalidRequest, pick(ui.renameNotLiteral(target.id), language));
    edits.push({ range: toRange(result.source.lineIndex, range), newText: newId });
  }
  if (versioned && version !== null) return { documentChanges: [{ textDocument: { uri, version }, edits }] };
  return { changes: { [uri]: edits } };
}
