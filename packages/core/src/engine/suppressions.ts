import type { Diagnostic, SourceRange } from "../diagnostic.js";
import type { LineIndex } from "../document/line-index.js";

/**
 * Inline suppressions written as YAML comments:
 *   `# govreport-disable-next-line rule-a, rule-b` silences those rules on the next line (and, when that line opens
 *   a block scalar, on the whole block, because a comment cannot be written inside one);
 *   `# govreport-disable rule-a` silences a rule in the whole file.
 * With no rule names, every rule is silenced in that scope.
 */
export interface Suppression {
  readonly range: SourceRange;
  readonly rules: readonly string[] | "all";
  readonly scope: SourceRange;
  readonly fileLevel: boolean;
  used: boolean;
}

const DIRECTIVE = /#\s*govreport-(disable-next-line|disable)\b([^\n\r]*)/;

/** `linesOf` is asked only when the text has a directive at all, which few reports have. */
export function findSuppressions(text: string, linesOf: () => LineIndex): Suppression[] {
  if (!text.includes("govreport-disable")) return [];
  const lines = linesOf();
  const found: Suppression[] = [];
  for (let line = 0; line < lines.lineCount; line++) {
    const content = lines.lineText(line);
    const match = DIRECTIVE.exec(content);
    if (!match || !isComment(content, match.index)) continue;
    const start = lines.lineStart(line) + match.index;
    const names = (match[2] ?? "").split(/[\s,]+/).filter((name) => /^[a-z][a-z0-9-]*$/.test(name));
    const rules = names.length > 0 ? names : "all";
    if (match[1] === "disable") {
      found.push({ range: { start, end: start + match[0].length }, rules, scope: { start: 0, end: text.length }, fileLevel: true, used: false });
      continue;
    }
    const target = line + 1;
    let lastLine = target;
    const targetText = lines.lineText(target);
    if (/:\s*[>|][+-]?\d*\s*(#.*)?$|^\s*-\s*[>|][+-]?\d*\s*(#.*)?$/.test(targetText)) {
      const indent = /^\s*/.exec(targetText)?.[0].length ?? 0;
      while (lastLine + 1 < lines.lineCount) {
        const next = lines.lineText(lastLine + 1);
        if (next.trim() !== "" && (/^\s*/.exec(next)?.[0].length ?? 0) <= indent) break;
        lastLine++;
      }
    }
    const scopeEnd = lastLine + 1 < lines.lineCount ? lines.lineStart(lastLine + 1) : text.length;
    found.push({ range: { start, end: start + match[0].length }, rules, scope: { start: lines.lineStart(target), end: scopeEnd }, fileLevel: false, used: false });
  }
  return found;
}

/** A `#` starts a comment at line start or after whitespace, not inside a value such as `a#b`. */
function isComment(line: string, hashIndex: number): boolean {
  return hashIndex === 0 || /\s/.test(line[hashIndex - 1] ?? "");
}

export function isSuppressed(diagnostic: Diagnostic, suppressions: readonly Suppression[]): boolean {
  let suppressed = false;
  for (const suppression of suppressions) {
    const applies = suppression.rules === "all" || suppression.rules.includes(diagnostic.code);
    const inside = diagnostic.range.start >= suppression.scope.start && diagnostic.range.start < Math.max(suppression.scope.end, suppression.scope.start + 1);
    if (applies && inside) {
      suppression.used = true;
      suppressed = true;
    }
  }
  return suppressed;
}
