/**
 * The one place where core's model meets LSP's: UTF-16 offsets <-> line/character positions, core severities
 * <-> LSP numbers, core diagnostics and edits <-> LSP diagnostics and text edits. Feature handlers never do
 * position arithmetic of their own.
 */
import { pick, type Diagnostic as CoreDiagnostic, type Language, type LineIndex, type Severity, type SourceRange, type TextEdit as CoreTextEdit } from "@govreport/core";
import {
  DiagnosticSeverity,
  DiagnosticTag,
  type Diagnostic,
  type DiagnosticRelatedInformation,
  type Position,
  type Range,
  type TextEdit,
} from "vscode-languageserver";

/** Every rule's documentation page; the rule id is the last segment. */
export const RULE_DOCS_BASE_URL = "https://govreport.dev/rules/";

/** The `source` of every diagnostic the server publishes. */
export const DIAGNOSTIC_SOURCE = "govreport";

export function ruleDocsUrl(ruleId: string): string {
  return `${RULE_DOCS_BASE_URL}${encodeURIComponent(ruleId)}`;
}

export function toPosition(lines: LineIndex, offset: number): Position {
  const { line, character } = lines.positionAt(offset);
  return { line, character };
}

export function toOffset(lines: LineIndex, position: Position): number {
  return lines.offsetAt(position);
}

export function toRange(lines: LineIndex, range: SourceRange): Range {
  return { start: toPosition(lines, range.start), end: toPosition(lines, endOffset(range)) };
}

/** Where a range ends for the editor: a range that would end before it starts is taken as empty. */
function endOffset(range: SourceRange): number {
  return Math.max(range.start, range.end);
}

export function toSourceRange(lines: LineIndex, range: Range): SourceRange {
  const start = toOffset(lines, range.start);
  const end = toOffset(lines, range.end);
  return start <= end ? { start, end } : { start: end, end: start };
}

const LSP_SEVERITY: Readonly<Record<Severity, DiagnosticSeverity>> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

export function toLspSeverity(severity: Severity): DiagnosticSeverity {
  return LSP_SEVERITY[severity];
}

/** Whatever this reads from a core diagnostic, `convertsToSame` must compare as well. */
export function toLspDiagnostic(diagnostic: CoreDiagnostic, lines: LineIndex, uri: string, language: Language): Diagnostic {
  const notes = diagnostic.notes.map((note) => pick(note, language)).filter((note) => note.length > 0);
  const lsp: Diagnostic = {
    range: toRange(lines, diagnostic.range),
    severity: toLspSeverity(diagnostic.severity),
    code: diagnostic.code,
    codeDescription: { href: ruleDocsUrl(diagnostic.code) },
    source: DIAGNOSTIC_SOURCE,
    message: [pick(diagnostic.message, language), ...notes].join("\n"),
  };
  if (diagnostic.related.length > 0) {
    lsp.relatedInformation = diagnostic.related.map(
      (related): DiagnosticRelatedInformation => ({ location: { uri, range: toRange(lines, related.range) }, message: pick(related.message, language) }),
    );
  }
  if (diagnostic.tags.includes("unnecessary")) lsp.tags = [DiagnosticTag.Unnecessary];
  return lsp;
}

function samePosition(a: Position, b: Position): boolean {
  return a.line === b.line && a.character === b.character;
}

/** `toRange(lines, source)` equals `range`; `start` is where `source` starts, when the caller knows it already. */
function sameRange(range: Range, lines: LineIndex, source: SourceRange, start: Position = lines.positionAt(source.start)): boolean {
  if (!samePosition(range.start, start)) return false;
  const end = endOffset(source);
  return samePosition(range.end, end === source.start ? start : lines.positionAt(end));
}

/**
 * Whether `diagnostic` (in the text `lines` indexes; it starts at `start`) converts to `converted`, the LSP
 * form of `before` made for the same uri and language. It compares what `toLspDiagnostic` reads, field by
 * field, which costs far less than converting again and leaves `converted` free to be reused.
 */
export function convertsToSame(
  diagnostic: CoreDiagnostic,
  start: Position,
  lines: LineIndex,
  language: Language,
  before: CoreDiagnostic,
  converted: Diagnostic,
): boolean {
  if (diagnostic.code !== before.code || diagnostic.severity !== before.severity) return false;
  if (!sameRange(converted.range, lines, diagnostic.range, start)) return false;
  if (pick(diagnostic.message, language) !== pick(before.message, language)) return false;
  if (diagnostic.notes.length !== before.notes.length) return false;
  for (let i = 0; i < diagnostic.notes.length; i++) {
    if (pick(diagnostic.notes[i]!, language) !== pick(before.notes[i]!, language)) return false;
  }
  if (diagnostic.tags.includes("unnecessary") !== before.tags.includes("unnecessary")) return false;
  if (diagnostic.related.length !== before.related.length) return false;
  const relatedInformation = converted.relatedInformation ?? [];
  for (let i = 0; i < diagnostic.related.length; i++) {
    const related = diagnostic.related[i]!;
    const relatedBefore = before.related[i]!;
    const information = relatedInformation[i];
    if (!information || pick(related.message, language) !== pick(relatedBefore.message, language)) return false;
    if (!sameRange(information.location.range, lines, related.range)) return false;
  }
  return true;
}

export function toTextEdit(lines: LineIndex, edit: CoreTextEdit): TextEdit {
  return { range: toRange(lines, edit.range), newText: edit.newText };
}

export function rangesOverlap(a: SourceRange, b: SourceRange): boolean {
  if (a.start === a.end || b.start === b.end) return a.start <= b.end && b.start <= a.end;
  return a.start < b.end && b.start < a.end;
}

export function rangeContains(range: SourceRange, offset: number): boolean {
  return range.start <= offset && offset <= range.end;
}
