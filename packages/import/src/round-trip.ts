import { PAGE_NUMBER_LINE } from "./source-text.js";

/**
 * Whether a report's text and the text rendered from its imported data say the same thing. Whitespace does
 * not count (report-data keeps paragraphs, not the lines of a page), and neither do the things the import
 * takes out because they are not content (see source-text.ts): page-number lines, bold marks `**`, Markdown
 * heading marks `#`, and the half-width colon of the recipient line, which report-data stores as a name and the
 * renderer prints with the full-width colon. Every other character is compared as written.
 */

export interface TextDifference {
  /** 1-based line of the first difference in the source and in the rendered text. */
  readonly sourceLine: number;
  readonly renderedLine: number;
  /** Up to 30 characters either side, with ⟦ at the first difference. */
  readonly source: string;
  readonly rendered: string;
}

interface Comparable {
  readonly chars: string[];
  readonly lines: number[];
}

function comparable(text: string, normalizeLine: (line: string) => string | null): Comparable {
  const result: Comparable = { chars: [], lines: [] };
  text.split(/\r\n|\r|\n/).forEach((raw, index) => {
    const line = normalizeLine(raw);
    if (line === null) return;
    for (const char of line) {
      if (/\s/u.test(char)) continue;
      result.chars.push(char);
      result.lines.push(index + 1);
    }
  });
  return result;
}

/** The source as the comparison sees it: without the marks and lines the import drops. */
function normalizeSource(text: string, recipient: string | undefined): Comparable {
  return comparable(text.replace(/^\ufeff/, "").replace(/\f/g, "\n"), (line) => {
    if (PAGE_NUMBER_LINE.test(line)) return null;
    const content = line.replace(/^\s{0,3}#{1,6}\s+/, "").replaceAll("**", "");
    return recipient !== undefined && content.trim() === `${recipient}:` ? `${recipient}：` : content;
  });
}

function window(side: Comparable, at: number): string {
  return `${side.chars.slice(Math.max(0, at - 30), at).join("")}⟦${side.chars.slice(at, at + 30).join("")}`;
}

/** `null` when the texts agree; otherwise where they first differ. */
export function compareTexts(source: string, rendered: string, options: { recipient?: string | undefined } = {}): TextDifference | null {
  const expected = normalizeSource(source, options.recipient);
  const actual = comparable(rendered, (line) => line);
  const length = Math.min(expected.chars.length, actual.chars.length);
  let at = 0;
  while (at < length && expected.chars[at] === actual.chars[at]) at++;
  if (at === expected.chars.length && at === actual.chars.length) return null;
  const lineOf = (side: Comparable): number => side.lines[at] ?? side.lines[side.lines.length - 1] ?? 0;
  return { sourceLine: lineOf(expected), renderedLine: lineOf(actual), source: window(expected, at), rendered: window(actual, at) };
}

export function describeDifference(difference: TextDifference): string {
  return [
    `source line ${difference.sourceLine}, rendered line ${difference.renderedLine} (whitespace ignored; ⟦ marks the first difference)`,
    `  source:   ${difference.source}`,
    `  rendered: ${difference.rendered}`,
  ].join("\n");
}
