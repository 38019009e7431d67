/**
 * Heading numbers as reports write them (GB/T 9704-2012, 7.3.3): 一、 （一） 1. （1）, and the half-width or
 * variant forms drafters also use: (一), 1．, 1、, (1).
 */

export type HeadingStyle = "part" | "chinese" | "paren-chinese" | "arabic" | "paren-arabic";

/**
 * Nesting order of the styles. A "part" is an unnumbered heading above the 一、 level, such as 2021年工作回顾 in a
 * 政府工作报告.
 */
export const STYLE_RANK: Readonly<Record<HeadingStyle, number>> = {
  part: 0,
  chinese: 1,
  "paren-chinese": 2,
  arabic: 3,
  "paren-arabic": 4,
};

export interface NumberedHeading {
  readonly style: Exclude<HeadingStyle, "part">;
  /** The number as written, without the space after it: `一、`, `(一)`, `1.`. */
  readonly number: string;
  readonly ordinal: number;
  /** What follows the number, leading spaces removed. */
  readonly rest: string;
}

const CHINESE_DIGITS: Readonly<Record<string, number>> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** 一 → 1, 十 → 10, 十二 → 12, 二十 → 20, 二十三 → 23; anything else → undefined. */
export function smallChineseNumber(text: string): number | undefined {
  if (/^[一二三四五六七八九]$/.test(text)) return CHINESE_DIGITS[text];
  const match = /^([一二三四五六七八九]?)十([一二三四五六七八九]?)$/.exec(text);
  if (!match) return undefined;
  const tens = match[1] ? (CHINESE_DIGITS[match[1]] ?? 0) : 1;
  const ones = match[2] ? (CHINESE_DIGITS[match[2]] ?? 0) : 0;
  return tens * 10 + ones;
}

const PATTERNS: ReadonlyArray<{ style: NumberedHeading["style"]; pattern: RegExp; chinese: boolean }> = [
  { style: "chinese", pattern: /^([一二三四五六七八九十]{1,3}\s*[、．])\s*/, chinese: true },
  { style: "paren-chinese", pattern: /^([（(]\s*[一二三四五六七八九十]{1,3}\s*[）)])\s*/, chinese: true },
  { style: "paren-arabic", pattern: /^([（(]\s*\d{1,2}\s*[）)])\s*/, chinese: false },
  { style: "arabic", pattern: /^(\d{1,2}\s*[.．、])\s*/, chinese: false },
];

/**
 * The heading number a paragraph starts with, if any. `1.14大…` could be the decimal 1.14 or the first item of a
 * list; it counts as a heading only when the next paragraph continues the list (`2.`), which `nextText` tells.
 */
export function matchNumberedHeading(text: string, nextText: string | undefined): NumberedHeading | undefined {
  for (const { style, pattern, chinese } of PATTERNS) {
    const match = pattern.exec(text);
    if (!match) continue;
    const number = (match[1] ?? "").trim();
    const digits = number.replace(/[^一二三四五六七八九十0-9]/g, "");
    const ordinal = chinese ? smallChineseNumber(digits) : Number(digits);
    if (ordinal === undefined || !Number.isInteger(ordinal) || ordinal < 1) continue;
    const rest = text.slice(match[0].length);
    if (rest.trim() === "") continue;
    if (style === "arabic" && /^\d/.test(rest) && !number.endsWith("、")) {
      const continues = nextText !== undefined && new RegExp(`^${ordinal + 1}\\s*[.．]`).test(nextText);
      if (!continues) continue;
    }
    return { style, number, ordinal, rest };
  }
  return undefined;
}

/** Sentence punctuation; a part heading (2021年工作回顾) has none. */
const SENTENCE_PUNCTUATION = /[，。；：！？,;:!?]/;
const POINT_MARKER_START = /^[一二三四五六七八九十]+是/;
export const MAX_PART_HEADING_LENGTH = 24;

/** Whether a paragraph, on its own, reads like an unnumbered heading: short, no sentence punctuation. */
export function looksLikePartHeading(text: string): boolean {
  return (
    Array.from(text).length <= MAX_PART_HEADING_LENGTH &&
    !SENTENCE_PUNCTUATION.test(text) &&
    !POINT_MARKER_START.test(text) &&
    /\p{Script=Han}/u.test(text)
  );
}
