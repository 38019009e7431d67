import { isMap, isPair, isScalar, isSeq, type Node } from "yaml";
import { FoldingRangeKind, type FoldingRange } from "vscode-languageserver";
import type { Analysis } from "../workspace.js";

/**
 * Folding follows the YAML structure (a key folds its nested mapping, list or multi-line text) plus runs of
 * comment lines. It works on whatever the parser made of the text, so a half-typed file still folds.
 */
export function foldingRanges(analysis: Analysis, limit = 5000): FoldingRange[] {
  const source = analysis.result.source;
  const lines = source.lineIndex;
  const ranges: FoldingRange[] = [];
  const lastLineOf = (end: number): number => {
    const position = lines.positionAt(end);
    // A block ends after its line break; the fold ends on the line before.
    return position.character === 0 && position.line > 0 ? position.line - 1 : position.line;
  };
  const add = (startOffset: number, endOffset: number, kind?: FoldingRangeKind): void => {
    if (ranges.length >= limit) return;
    const startLine = lines.positionAt(startOffset).line;
    const endLine = lastLineOf(endOffset);
    if (endLine > startLine) ranges.push(kind ? { startLine, endLine, kind } : { startLine, endLine });
  };

  const visit = (node: Node | null | undefined, foldFrom: number | undefined, depth: number): void => {
    if (!node || depth > 100 || ranges.length >= limit) return;
    const range = node.range;
    if (range && foldFrom !== undefined && (isMap(node) || isSeq(node) || (isScalar(node) && typeof node.value === "string"))) add(foldFrom, range[1]);
    if (isMap(node)) {
      for (const item of node.items) {
        if (!isPair(item)) continue;
        const key = item.key as Node | null;
        visit(item.value as Node | null, key?.range?.[0], depth + 1);
      }
    } else if (isSeq(node)) {
      for (const item of node.items) {
        const child = item as Node | null;
        visit(child, child?.range?.[0], depth + 1);
      }
    }
  };
  visit(source.nodeAt([]) as Node | undefined, undefined, 0);

  let commentStart = -1;
  for (let line = 0; line <= lines.lineCount; line++) {
    const isComment = line < lines.lineCount && /^\s*#/.test(lines.lineText(line));
    if (isComment && commentStart < 0) commentStart = line;
    if (!isComment && commentStart >= 0) {
      if (line - 1 > commentStart && ranges.length < limit) ranges.push({ startLine: commentStart, endLine: line - 1, kind: FoldingRangeKind.Comment });
      commentStart = -1;
    }
  }
  return ranges;
}
