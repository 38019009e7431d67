import type { Diagnostic, TextEdit } from "../diagnostic.js";

/**
 * Applies edits to a text. Overlapping edits are dropped (the later one loses) rather than merged, so applying
 * fixes can never garble text; a second pass picks up whatever was dropped.
 */
export function applyEdits(text: string, edits: readonly TextEdit[]): { text: string; applied: number; skipped: number } {
  const sorted = [...edits].sort((a, b) => a.range.start - b.range.start || a.range.end - b.range.end);
  let out = "";
  let cursor = 0;
  let applied = 0;
  let skipped = 0;
  for (const edit of sorted) {
    if (edit.range.start < cursor || edit.range.end < edit.range.start || edit.range.end > text.length) {
      skipped++;
      continue;
    }
    out += text.slice(cursor, edit.range.start) + edit.newText;
    cursor = edit.range.end;
    applied++;
  }
  return { text: out + text.slice(cursor), applied, skipped };
}

/** The text with the first safe fix of every diagnostic applied. */
export function applySafeFixes(text: string, diagnostics: readonly Diagnostic[]): { text: string; applied: number; skipped: number } {
  const edits = diagnostics.flatMap((diagnostic) => diagnostic.fixes.find((fix) => fix.safe)?.edits ?? []);
  return applyEdits(text, edits);
}
