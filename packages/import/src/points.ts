import type { Point } from "@govreport/schema";
import { chineseNumeral } from "@govreport/render";

/**
 * 一是……二是…… lists in a section's paragraphs. A list is a run of markers numbered from 一是 without a gap,
 * each at the start of a clause: at the start of a paragraph or after 。；：！？ or a comma. A marker
 * either follows the previous one in the same paragraph or opens the next paragraph.
 */

export interface SectionBody {
  /** Paragraphs before the first marker; the last one may end with the words that lead into the list. */
  readonly text: string[];
  readonly points: Point[];
  readonly layout: "paragraphs" | "run-in" | undefined;
}

/** A lead is the first sentence of a point when it is short enough to be one; longer ones are text. */
export const MAX_LEAD_LENGTH = 60;

const CLAUSE_START_BEFORE = new Set(["。", "；", ";", "：", ":", "！", "？", "!", "?", "，", ","]);

interface Marker {
  readonly paragraph: number;
  readonly start: number;
  readonly end: number;
}

function isClauseStart(text: string, index: number): boolean {
  let k = index - 1;
  while (k >= 0 && /\s/.test(text[k] ?? "")) k--;
  return k < 0 || CLAUSE_START_BEFORE.has(text[k] ?? "");
}

function findMarker(text: string, ordinal: number, from: number): number | undefined {
  const marker = `${chineseNumeral(ordinal)}是`;
  for (let at = text.indexOf(marker, from); at >= 0; at = text.indexOf(marker, at + 1)) {
    // 十一是 is not 一是: the character before a marker is never a numeral.
    if (isClauseStart(text, at)) return at;
  }
  return undefined;
}

function findList(paragraphs: readonly string[]): Marker[] {
  for (let first = 0; first < paragraphs.length; first++) {
    const start = findMarker(paragraphs[first] ?? "", 1, 0);
    if (start === undefined) continue;
    const markers: Marker[] = [{ paragraph: first, start, end: start + 2 }];
    for (;;) {
      const previous = markers[markers.length - 1]!;
      const ordinal = markers.length + 1;
      const marker = `${chineseNumeral(ordinal)}是`;
      const sameParagraph = findMarker(paragraphs[previous.paragraph] ?? "", ordinal, previous.end);
      if (sameParagraph !== undefined) {
        markers.push({ paragraph: previous.paragraph, start: sameParagraph, end: sameParagraph + marker.length });
        continue;
      }
      const nextParagraph = paragraphs[previous.paragraph + 1];
      if (nextParagraph !== undefined && nextParagraph.startsWith(marker)) {
        markers.push({ paragraph: previous.paragraph + 1, start: 0, end: marker.length });
        continue;
      }
      break;
    }
    if (markers.length >= 2) return markers;
  }
  return [];
}

/** Splits a point's words into the lead (its first sentence, without the 。 the renderer adds back) and the text. */
export function splitLead(content: string): Point {
  const stop = content.indexOf("。");
  const after = stop >= 0 ? content.slice(stop + 1).trim() : "";
  if (stop > 0 && Array.from(content.slice(0, stop)).length <= MAX_LEAD_LENGTH && after !== "" && !/[“‘《（(]/.test(openBrackets(content.slice(0, stop)))) {
    return { lead: content.slice(0, stop).trim(), text: after };
  }
  const text = content.trim();
  return text === "" ? {} : { text };
}

/** The brackets still open at the end of a text, so a 。 inside quotes is not taken for the end of a lead. */
function openBrackets(text: string): string {
  const pairs: Record<string, string> = { "”": "“", "’": "‘", "》": "《", "）": "（", ")": "(" };
  const stack: string[] = [];
  for (const char of text) {
    if ("“‘《（(".includes(char)) stack.push(char);
    else if (pairs[char] !== undefined && stack.at(-1) === pairs[char]) stack.pop();
  }
  return stack.join("");
}

/**
 * The text and the points of one section's paragraphs. Paragraphs after the paragraph of the last marker are
 * kept as further paragraphs of the last point when every point opens a paragraph; when the list runs in, such
 * paragraphs show the list is only part of the section, and it stays prose.
 */
export function splitPoints(paragraphs: readonly string[]): SectionBody {
  const markers = findList(paragraphs);
  if (markers.length === 0) return { text: [...paragraphs], points: [], layout: undefined };
  const first = markers[0]!;
  const last = markers[markers.length - 1]!;
  const runIn = markers.some((marker) => marker.start > 0);
  const trailing = paragraphs.slice(last.paragraph + 1);
  if (runIn && trailing.length > 0) return { text: [...paragraphs], points: [], layout: undefined };

  const text = paragraphs.slice(0, first.paragraph);
  const lead = (paragraphs[first.paragraph] ?? "").slice(0, first.start).trim();
  if (lead !== "") text.push(lead);

  const points = markers.map((marker, index) => {
    const next = markers[index + 1];
    const paragraph = paragraphs[marker.paragraph] ?? "";
    const end = next !== undefined && next.paragraph === marker.paragraph ? next.start : paragraph.length;
    const content = paragraph.slice(marker.end, end).trim();
    const point = splitLead(content);
    if (index === markers.length - 1 && trailing.length > 0) {
      const body = [point.text ?? "", ...trailing].filter((part) => part !== "");
      return { ...point, text: body.join("\n") };
    }
    return point;
  });
  return { text, points, layout: runIn ? "run-in" : "paragraphs" };
}
