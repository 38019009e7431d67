import { type HeadingStyle, looksLikePartHeading, matchNumberedHeading } from "./headings.js";
import { endsSentence, type SourceLine, usesIndentedParagraphs } from "./source-text.js";

export interface HeadingInfo {
  readonly style: HeadingStyle;
  /** As written; `""` for an unnumbered part heading. */
  readonly number: string;
  readonly title: string;
}

export interface Paragraph {
  readonly text: string;
  /** 1-based source line where the paragraph starts. */
  readonly line: number;
  readonly heading?: HeadingInfo | undefined;
}

/** Latin words broken at a line end get their space back when the lines are joined. */
function isAsciiWordChar(char: string | undefined): boolean {
  return char !== undefined && /[A-Za-z0-9]/.test(char);
}

/**
 * The body lines as paragraphs, each heading its own paragraph. See source-text.ts for the joining rule.
 */
export function toParagraphs(lines: readonly SourceLine[]): Paragraph[] {
  const indented = usesIndentedParagraphs(lines);
  // Pieces are joined at the end: growing one string line by line and reading its last character each time
  // would copy the whole paragraph per line.
  const building: Array<{ paragraph: Paragraph; pieces: string[]; lastLine: string }> = [];
  lines.forEach((line, index) => {
    const next = lines[index + 1];
    const numbered = matchNumberedHeading(line.text, next?.text);
    const previous = building.at(-1);
    const continues =
      previous !== undefined &&
      previous.paragraph.heading === undefined &&
      numbered === undefined &&
      !line.markdownHeading &&
      !endsSentence(previous.lastLine) &&
      !(indented && line.indented);
    if (continues) {
      previous.pieces.push(isAsciiWordChar(previous.lastLine.at(-1)) && isAsciiWordChar(line.text[0]) ? ` ${line.text}` : line.text);
      previous.lastLine = line.text;
      return;
    }
    let heading: HeadingInfo | undefined;
    if (numbered) heading = { style: numbered.style, number: numbered.number, title: numbered.rest };
    else if (
      line.markdownHeading ||
      (next !== undefined &&
        looksLikePartHeading(line.text) &&
        // A run of short unpunctuated lines is a list or page chrome, not a heading over the next one.
        !(looksLikePartHeading(next.text) && matchNumberedHeading(next.text, lines[index + 2]?.text) === undefined) &&
        // A part heading follows a finished paragraph (or opens the body); right under another heading it
        // would leave that heading empty, so a short line there is the first line of a paragraph.
        (previous === undefined || (previous.paragraph.heading === undefined && endsSentence(previous.lastLine))))
    ) {
      heading = { style: "part", number: "", title: line.text };
    }
    building.push({ paragraph: { text: line.text, line: line.line, heading }, pieces: [line.text], lastLine: line.text });
  });
  return building.map(({ paragraph, pieces }) => ({ ...paragraph, text: pieces.join("") }));
}
