import type { Location, Position } from "vscode-languageserver";
import { toOffset, toRange } from "../convert.js";
import { figureOccurrences, targetAt } from "../locate.js";
import { fileNameToUri, type Analysis } from "../workspace.js";

/** From a `{reference}` or a figure id in a check to the figure's key; from `previous:` to last year's report. */
export function definition(analysis: Analysis, position: Position): Location[] | null {
  const { result, uri } = analysis;
  const target = targetAt(result, toOffset(result.source.lineIndex, position));
  if (!target) return null;
  if (target.kind === "figure") {
    const { declaration } = figureOccurrences(result, target.id);
    return declaration ? [{ uri, range: toRange(result.source.lineIndex, declaration) }] : null;
  }
  if (target.kind === "previous" && analysis.previous?.file && analysis.previous.exists) {
    return [{ uri: fileNameToUri(analysis.previous.file), range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } }];
  }
  return null;
}

/** Every use of the figure under the cursor, in prose and in checks, and its key when asked for. */
export function references(analysis: Analysis, position: Position, includeDeclaration: boolean): Location[] | null {
  const { result, uri } = analysis;
  const target = targetAt(result, toOffset(result.source.lineIndex, position));
  if (!target || target.kind !== "figure") return null;
  const { declaration, references: uses } = figureOccurrences(result, target.id);
  const ranges = includeDeclaration && declaration ? [declaration, ...uses] : uses;
  return ranges.map((range) => ({ uri, range: toRange(result.source.lineIndex, range) }));
}
