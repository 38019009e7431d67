import { pick, type Diagnostic, type Language } from "../diagnostic.js";
import type { LineIndex } from "../document/line-index.js";

/** East Asian wide characters take two columns in a terminal; carets must line up under them. */
export function displayWidth(text: string): number {
  let width = 0;
  for (let i = 0; i < text.length; i++) {
    let code = text.charCodeAt(i);
    // A surrogate pair is one character; a lone surrogate counts as one narrow character.
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      const low = text.charCodeAt(i + 1);
      if (low >= 0xdc00 && low <= 0xdfff) {
        code = 0x10000 + ((code - 0xd800) << 10) + (low - 0xdc00);
        i++;
      }
    }
    width += isWide(code) ? 2 : code === 9 ? 4 : 1;
  }
  return width;
}

function isWide(code: number): boolean {
  return (
    (code >= 0x1100 && code <= 0x115f) ||
    (code >= 0x2e80 && code <= 0xa4cf) ||
    (code >= 0xac00 && code <= 0xd7a3) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0xfe30 && code <= 0xfe4f) ||
    (code >= 0xff00 && code <= 0xff60) ||
    (code >= 0xffe0 && code <= 0xffe6) ||
    (code >= 0x20000 && code <= 0x3fffd)
  );
}

/**
 * The source lines a diagnostic covers, with a gutter and carets under the covered characters, e.g.
 *   12 |   text: 今年共接受公证咨询
 *      |         ^^^^
 */
export function codeFrame(lines: LineIndex, diagnostic: Diagnostic, contextLines = 1): string {
  const start = lines.positionAt(diagnostic.range.start);
  const end = lines.positionAt(Math.max(diagnostic.range.start, diagnostic.range.end));
  const first = Math.max(0, start.line - contextLines);
  const last = Math.min(end.line, start.line + 4, lines.lineCount - 1);
  const gutterWidth = String(last + 1).length;
  // Report prose sits on long lines; every line of the frame shows the same window of columns around the finding.
  const findingEnd = end.line === start.line ? end.character : start.character + 1;
  const windowStart = findingEnd <= WINDOW ? 0 : start.character - LEAD;
  const out: string[] = [];
  for (let line = first; line <= last; line++) {
    const full = lines.lineText(line).replace(/\t/g, "    ");
    const shown = full.slice(windowStart, windowStart + WINDOW);
    const prefix = windowStart > 0 && full.length > windowStart ? "…" : "";
    const suffix = full.length > windowStart + WINDOW ? "…" : "";
    out.push(`${String(line + 1).padStart(gutterWidth)} | ${prefix}${shown}${suffix}`);
    if (line < start.line) continue;
    const from = Math.max(0, (line === start.line ? start.character : full.length - full.trimStart().length) - windowStart);
    const to = Math.min(shown.length, (line === end.line ? Math.max(end.character, start.character + 1) : full.length) - windowStart);
    const pad = displayWidth(prefix) + displayWidth(shown.slice(0, from));
    const width = Math.max(1, displayWidth(shown.slice(from, Math.max(from + 1, to))));
    out.push(`${" ".repeat(gutterWidth)} | ${" ".repeat(pad)}${"^".repeat(width)}`);
  }
  return out.join("\n");
}

/** Characters shown before the finding, and the width of the window, in UTF-16 units. */
const LEAD = 30;
const WINDOW = 80;

export function formatLocation(fileName: string, lines: LineIndex, diagnostic: Diagnostic): string {
  const position = lines.positionAt(diagnostic.range.start);
  return `${fileName}:${position.line + 1}:${position.character + 1}`;
}

const SEVERITY_LABEL: Record<Language, Record<Diagnostic["severity"], string>> = {
  zh: { error: "错误", warning: "警告", info: "提示", hint: "建议" },
  en: { error: "error", warning: "warning", info: "info", hint: "hint" },
};

export function severityLabel(severity: Diagnostic["severity"], language: Language): string {
  return SEVERITY_LABEL[language][severity];
}

/** One diagnostic as a human reads it in a terminal: location, severity, message, rule id, code frame, notes. */
export function formatDiagnostic(fileName: string, lines: LineIndex, diagnostic: Diagnostic, language: Language): string {
  // The severity word stays English so CI problem matchers can read it whatever the message language.
  const head = `${formatLocation(fileName, lines, diagnostic)}  ${diagnostic.severity}  ${pick(diagnostic.message, language)}  ${diagnostic.code}`;
  const notes = diagnostic.notes.map((note) => `  = ${pick(note, language)}`);
  return [head, codeFrame(lines, diagnostic), ...notes].join("\n");
}
