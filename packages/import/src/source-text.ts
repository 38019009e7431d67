import type { Message } from "@govreport/core";

/**
 * From the text of an existing report (plain text, Markdown, text extracted from a PDF or a Word file) to its
 * paragraphs. Exactly these things are taken out, because they are how the text was stored, not what the
 * report says:
 *
 * - Markdown marks: `#`…`######` before a heading line, and the bold marks `**`.
 * - Page furniture: a line holding only a page number — `— 3 —`, `- 3 -`, `第3页`, `第3页 共9页`, `3`.
 * - Line breaks inside a paragraph: a PDF breaks lines where the page runs out. A line that does not end a
 *   sentence (。！？；：…) is joined to the next one, unless either is a heading. When the source marks its
 *   paragraphs by indenting their first line (two ideographic spaces, as most web copies do), a line break
 *   before an indented line always starts a paragraph.
 * - Whitespace at the start and end of each line (the first-line indent). Spaces inside a line are kept as
 *   written, so `2021 年` stays `2021 年` and the checker can point at it.
 */

export interface SourceLine {
  readonly text: string;
  /** 1-based line number in the source. */
  readonly line: number;
  readonly indented: boolean;
  /** The line was a Markdown heading (`# …`). */
  readonly markdownHeading: boolean;
}

export interface CleanedSource {
  readonly lines: readonly SourceLine[];
  readonly notes: readonly Message[];
}

/** Lines that hold nothing but a page number, as PDF extraction leaves them. */
export const PAGE_NUMBER_LINE = /^\s*(?:[-—–－]\s*\d+\s*[-—–－]|第\s*\d+\s*页(?:\s*[,，]?\s*共\s*\d+\s*页)?|\d+)\s*$/;

const MARKDOWN_HEADING = /^\s{0,3}#{1,6}\s+/;
const INDENT = /^(?:\u3000|\t| {2,}|\u00a0{2,})/;
/** Whitespace JavaScript's trim() misses or that extraction leaves: ideographic space, no-break space, BOM. */
const EDGE_SPACE = /^[\s\u3000\u00a0\ufeff]+|[\s\u3000\u00a0\ufeff]+$/g;

export function trimEdges(text: string): string {
  return text.replace(EDGE_SPACE, "");
}

export function cleanSource(text: string): CleanedSource {
  const notes: Message[] = [];
  const lines: SourceLine[] = [];
  const pageNumbers: string[] = [];
  let boldMarks = 0;
  let markdownHeadings = 0;
  text
    .replace(/^\ufeff/, "")
    .replace(/\f/g, "\n")
    .split(/\r\n|\r|\n/)
    .forEach((raw, index) => {
      const indented = INDENT.test(raw);
      let content = raw;
      const markdownHeading = MARKDOWN_HEADING.test(content);
      if (markdownHeading) {
        content = content.replace(MARKDOWN_HEADING, "");
        markdownHeadings++;
      }
      if (content.includes("**")) {
        boldMarks += content.split("**").length - 1;
        content = content.replaceAll("**", "");
      }
      content = trimEdges(content);
      if (content === "") return;
      if (PAGE_NUMBER_LINE.test(content)) {
        pageNumbers.push(`${index + 1}: ${content}`);
        return;
      }
      lines.push({ text: content, line: index + 1, indented, markdownHeading });
    });
  if (pageNumbers.length > 0) {
    const shown = pageNumbers.slice(0, 5).join("；") + (pageNumbers.length > 5 ? "…" : "");
    notes.push({
      zh: `删去了 ${pageNumbers.length} 行页码（${shown}）`,
      en: `Removed ${pageNumbers.length} page-number line(s) (${shown})`,
    });
  }
  if (boldMarks > 0) notes.push({ zh: `删去了 ${boldMarks} 个加粗标记 **`, en: `Removed ${boldMarks} bold mark(s) **` });
  if (markdownHeadings > 0) notes.push({ zh: `删去了 ${markdownHeadings} 个 Markdown 标题符号 #`, en: `Removed ${markdownHeadings} Markdown heading mark(s) #` });
  return { lines, notes };
}

/** Marks that end a sentence, and so may end a paragraph. */
const SENTENCE_END = new Set(["。", "！", "？", "!", "?", "；", ";", "：", ":", "…"]);
const CLOSING_QUOTES = new Set(["”", "’", "」", "』", "）", ")", "】", "》"]);

/** Whether a line ends where a paragraph can end: after a sentence mark, possibly inside closing quotes. */
export function endsSentence(text: string): boolean {
  // From the end, one character at a time: the marks are all single UTF-16 units, and a paragraph being
  // joined from many lines is asked this once per line.
  let at = text.length - 1;
  while (at >= 0 && CLOSING_QUOTES.has(text[at] ?? "")) at--;
  return at >= 0 && SENTENCE_END.has(text[at] ?? "");
}

/** Whether most lines of the body mark paragraphs by indenting their first line. */
export function usesIndentedParagraphs(lines: readonly SourceLine[]): boolean {
  if (lines.length < 3) return false;
  const indented = lines.filter((line) => line.indented).length;
  return indented * 2 >= lines.length;
}
