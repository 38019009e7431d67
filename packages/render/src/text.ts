import type { FigureEntry, Point, ReportData, SectionData } from "@govreport/schema";

/**
 * Plain-text rendering of report-data, laid out the way an official report reads (GB/T 9704-2012):
 * letterhead, title, recipient, body with generated heading numbers, signature, date and contact.
 * Everything here is pure: the same data always gives the same text, and no input makes it throw.
 */

export interface TextRenderOptions {
  /** Put between two blocks (lines of the letterhead, headings, paragraphs). Default: a blank line, "\n\n". */
  blockSeparator?: string;
  /** Printed before every body paragraph, e.g. two ideographic spaces "　　" for the usual first-line indent. Default: none. */
  paragraphIndent?: string;
}

const DIGITS = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"] as const;
const SMALL_UNITS = ["", "十", "百", "千"] as const;
const CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳";

/**
 * A positive integer in Chinese numerals as headings and point markers write it: 1 → 一, 10 → 十, 11 → 十一,
 * 21 → 二十一, 101 → 一百零一. Numbers outside 1–9999 (or not integers) come back in Arabic numerals,
 * since no report has that many parts and a wrong character would be worse than a plain number.
 */
export function chineseNumeral(value: number): string {
  if (!Number.isInteger(value) || value < 1 || value > 9999) return String(value);
  const digits = String(value).split("").map(Number);
  let text = "";
  let pendingZero = false;
  digits.forEach((digit, position) => {
    const unit = SMALL_UNITS[digits.length - 1 - position] ?? "";
    if (digit === 0) {
      pendingZero = text !== "";
      return;
    }
    if (pendingZero) text += DIGITS[0];
    pendingZero = false;
    // 十一, not 一十一: a leading one before 十 is dropped, as everyone writes it.
    const omitOne = digit === 1 && unit === "十" && text === "";
    text += (omitOne ? "" : DIGITS[digit]) + unit;
  });
  return text;
}

/**
 * The number of a heading, from its level and its position among its siblings.
 * `level` counts from 1 (一级标题) and `index` from 0 (the first sibling), so a caller walking
 * `sections.forEach((s, i) => …)` passes `i` as it comes.
 *
 * Levels follow GB/T 9704-2012: 1 → 一、 2 → （一） 3 → 1. 4 → （1）. The standard stops at four levels;
 * deeper ones get circled numbers ①②… (then （1） again past ⑳), the common practice in reports.
 */
export function headingNumber(level: number, index: number): string {
  const ordinal = Number.isInteger(index) && index >= 0 ? index + 1 : 1;
  switch (level) {
    case 1:
      return `${chineseNumeral(ordinal)}、`;
    case 2:
      return `（${chineseNumeral(ordinal)}）`;
    case 3:
      return `${ordinal}.`;
    case 4:
      return `（${ordinal}）`;
    default:
      if (level < 1) return `${chineseNumeral(ordinal)}、`;
      return ordinal <= CIRCLED.length ? CIRCLED.charAt(ordinal - 1) : `（${ordinal}）`;
  }
}

/** The marker of a point from its position, counted from 0: 0 → 一是, 1 → 二是, 10 → 十一是. */
export function pointMarker(index: number): string {
  const ordinal = Number.isInteger(index) && index >= 0 ? index + 1 : 1;
  return `${chineseNumeral(ordinal)}是`;
}

/**
 * `2022-01-28` → `2022年1月28日`: a document date in Arabic numerals with year, month and day written out
 * and no leading zeros (GB/T 9704-2012, 7.3.5.1). Anything that is not such a date is returned unchanged,
 * so a half-typed date shows as typed instead of as a wrong one.
 */
export function chineseDate(isoDate: string): string {
  const match = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(isoDate.trim());
  if (!match) return isoDate;
  const [, year, month, day] = match;
  return `${year}年${Number(month)}月${Number(day)}日`;
}

const FIGURE_REFERENCE = /\{([^{}\s]+)\}/g;

/**
 * Replaces every `{id}` with the text of that figure. A reference to a figure that does not exist is left
 * as written, braces included, so the gap stays visible in the output instead of vanishing.
 */
export function resolveFigures(text: string, figures: Readonly<Record<string, FigureEntry>> | undefined): string {
  if (figures === undefined) return text;
  return text.replace(FIGURE_REFERENCE, (reference: string, id: string) => {
    if (!Object.hasOwn(figures, id)) return reference;
    const entry = figures[id];
    if (typeof entry === "string") return entry;
    return entry !== undefined && typeof entry.value === "string" ? entry.value : reference;
  });
}

/** Sentence-ending marks after which a lead needs no 。 of its own. */
const LEAD_TERMINATORS = new Set(["。", "！", "？", "；", "：", "…", "!", "?", ";", ":"]);

/**
 * A lead is written as a phrase (`加强领导压实责任`) and printed as a sentence (`加强领导压实责任。`), the way
 * 一是…… leads read in reports. A lead that already ends in a stop keeps it and gets no second one.
 */
function leadSentence(lead: string): string {
  const trimmed = lead.trim();
  if (trimmed === "") return "";
  const last = Array.from(trimmed).pop() ?? "";
  return LEAD_TERMINATORS.has(last) ? trimmed : `${trimmed}。`;
}

/** Prose to paragraphs: a line break starts a paragraph; blank lines separate nothing more. */
function paragraphsOf(prose: string | undefined): string[] {
  if (prose === undefined) return [];
  return prose
    .split(/\r\n|\r|\n/)
    .map((line) => line.trim())
    .filter((line) => line !== "");
}

/** One point as paragraphs: the marker and the lead open the first one; further lines of its text follow. */
function pointParagraphs(point: Point, index: number, resolve: (text: string) => string): string[] {
  const [first = "", ...rest] = paragraphsOf(point.text === undefined ? undefined : resolve(point.text));
  const lead = point.lead === undefined ? "" : leadSentence(resolve(point.lead));
  return [`${pointMarker(index)}${lead}${first}`, ...rest];
}

interface Block {
  kind: "line" | "paragraph";
  text: string;
}

function sectionBlocks(section: SectionData, level: number, index: number, resolve: (text: string) => string): Block[] {
  const blocks: Block[] = [];
  const number = section.number ?? headingNumber(level, index);
  blocks.push({ kind: "line", text: `${number}${resolve(section.title)}` });

  const paragraphs = paragraphsOf(section.text === undefined ? undefined : resolve(section.text));
  const points = section.points ?? [];
  if ((section.layout ?? "paragraphs") === "run-in" && points.length > 0) {
    // Run-in points continue the paragraph the section text ends with ("主要表现在：一是……二是……").
    let current = paragraphs.pop() ?? "";
    points.forEach((point, pointIndex) => {
      const [first = "", ...rest] = pointParagraphs(point, pointIndex, resolve);
      current += first;
      if (rest.length > 0) {
        paragraphs.push(current, ...rest.slice(0, -1));
        current = rest[rest.length - 1] ?? "";
      }
    });
    paragraphs.push(current);
  } else {
    points.forEach((point, pointIndex) => paragraphs.push(...pointParagraphs(point, pointIndex, resolve)));
  }
  blocks.push(...paragraphs.map((text): Block => ({ kind: "paragraph", text })));

  (section.sections ?? []).forEach((child, childIndex) => blocks.push(...sectionBlocks(child, level + 1, childIndex, resolve)));
  return blocks;
}

/** The contact line printed at the end of a report, as the seed and most reports write it. */
export function contactLine(contact: { name: string; phone: string }): string {
  return `（联系人：${contact.name}；联系电话：${contact.phone}）`;
}

/**
 * Renders a report as plain text. Figures referenced as `{id}` are replaced by their text, heading numbers
 * come from the structure unless a section gives its own `number` (printed as written; `""` prints none,
 * and its siblings keep the numbers of their positions), and points are numbered 一是、二是….
 * Points are laid out as separate paragraphs unless the section says `layout: run-in`.
 */
export function renderText(report: ReportData, options: TextRenderOptions = {}): string {
  const separator = options.blockSeparator ?? "\n\n";
  const indent = options.paragraphIndent ?? "";
  const resolve = (text: string): string => resolveFigures(text, report.figures);
  const { meta } = report;

  const blocks: Block[] = [];
  if (meta.letterhead !== undefined && meta.letterhead.trim() !== "") blocks.push({ kind: "line", text: meta.letterhead });
  blocks.push({ kind: "line", text: resolve(meta.title) });
  blocks.push({ kind: "line", text: `${meta.recipient}：` });
  blocks.push(...paragraphsOf(report.preamble === undefined ? undefined : resolve(report.preamble)).map((text): Block => ({ kind: "paragraph", text })));
  report.sections.forEach((section, index) => blocks.push(...sectionBlocks(section, 1, index, resolve)));
  blocks.push(...paragraphsOf(report.closing === undefined ? undefined : resolve(report.closing)).map((text): Block => ({ kind: "paragraph", text })));
  blocks.push({ kind: "line", text: meta.issuer });
  blocks.push({ kind: "line", text: chineseDate(meta.date) });
  if (meta.contact !== undefined) blocks.push({ kind: "line", text: contactLine(meta.contact) });

  return `${blocks.map((block) => (block.kind === "paragraph" ? indent + block.text : block.text)).join(separator)}\n`;
}
