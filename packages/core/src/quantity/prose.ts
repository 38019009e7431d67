/**
 * Finding the literal quantities in a paragraph of report prose, for the rules that read prose: 45份 in
 * `105份（其中合同45份、文件60份）`, 100% in `调解成功率达100%`.
 *
 * The scanner is conservative. A number counts only with a unit (or a 万/亿 scale), so years, dates,
 * document numbers (〔2021〕8号), phone numbers, time of day and heading numbers never qualify. Chinese
 * numerals count only when followed by a unit and not inside quotes or book titles, which keeps out names
 * (十四五, “八五”普法), slogans (“一件事一次办”) and words (一体化, 统一, 一批). One pass over the text, no
 * backtracking: a 100 KB paragraph costs a few milliseconds.
 */
import { CHINESE_NUMERALS, isChineseNumeralCode, isDigit } from "./numerals.js";
import { isInlineSpace, PREFIX_WORDS, type Quantity, readQuantityAt, withText } from "./parse.js";
import type { Unit } from "./units.js";

export interface ProseQuantity {
  /** UTF-16 offsets of the quantity in the scanned text, qualifier words included (近10亿元, 95%以上). */
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly quantity: Quantity;
  /**
   * The words directly before the quantity within its clause, without linking words such as 达 or 共:
   * `调解成功率` for 调解成功率达100%, `受理行政复议案件` for 受理行政复议案件45件. Empty when the clause
   * starts with the quantity.
   */
  readonly label: string;
  readonly labelStart: number;
  /** The words directly after the quantity within its clause: `区级部门` for 38个区级部门. */
  readonly following: string;
  /** Whether 其中 comes earlier in the same sentence (and, inside parentheses, within the same parentheses). */
  readonly afterQizhong: boolean;
  /** Offset of that 其中, or `null`. */
  readonly qizhongStart: number | null;
}

/** Characters that end a clause, by code: labels and following words stop at them. */
const CLAUSE_BOUNDARY = new Uint8Array(0x10000);
for (const char of "，。；：、！？,;:!?（）()“”‘’「」『』《》【】〔〕[]{}\n\r") CLAUSE_BOUNDARY[char.charCodeAt(0)] = 1;

/** Linking words between a label and its number: 调解成功率达100%, 共主动公开政府信息14492条. */
const TRAILING_LINKS = ["分别为", "分别", "达到", "共计", "合计", "累计", "总计", "约为", "达", "为", "是", "共", "计", "有", "了", "约"];
/** The last characters of the linking words: a label ending in none of them has no link to strip. */
const LINK_ENDINGS = new Set(TRAILING_LINKS.map((link) => link.charCodeAt(link.length - 1)));

const MAX_LABEL = 30;
const MAX_FOLLOWING = 16;

/** Characters that make a following 约, 近 or 超 part of a word (签约, 最近, 赶超) rather than a qualifier. */
const WORD_BEFORE: Readonly<Record<string, string>> = {
  约: "节制合条公签预履违特邀契相失集简婚要解毁践如爽续立定赴应誓盟",
  近: "最附靠临邻亲就贴远",
  超: "赶高追",
};

/** Fixed political formulas that start with a numeral and a measure word but count nothing. */
const FORMULAS = [
  "两个维护", "两个确立", "两个毫不动摇", "两个一百年", "两个大局", "四个意识", "四个自信", "四个全面",
  "四个最严", "三个代表", "三个务必", "五位一体", "三个没想到", "四个伟大", "两个结合", "八项规定",
];

const FIGURE_REFERENCE = /\{[a-z][a-z0-9_]*(?:\.[a-z0-9_]+)*\}/y;

function isAsciiLetter(code: number): boolean {
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}

function previousNonSpace(text: string, index: number): number {
  let k = index - 1;
  while (k >= 0 && isInlineSpace(text.charCodeAt(k))) k--;
  return k;
}

/** The last characters of the prefix words: most numbers follow none of them, and need no word compared. */
const PREFIX_ENDINGS = new Set(PREFIX_WORDS.map(([word]) => word.charCodeAt(word.length - 1)));

function findPrefix(text: string, index: number): { word: string; kind: (typeof PREFIX_WORDS)[number][1]; start: number; end: number } | undefined {
  const end = previousNonSpace(text, index) + 1;
  if (end === 0 || !PREFIX_ENDINGS.has(text.charCodeAt(end - 1))) return undefined;
  for (const [word, kind] of PREFIX_WORDS) {
    const start = end - word.length;
    if (start < 0 || !text.startsWith(word, start)) continue;
    const guard = WORD_BEFORE[word];
    if (guard && start > 0 && guard.includes(text[start - 1]!)) continue;
    return { word, kind, start, end };
  }
  return undefined;
}

function stripLabel(raw: string): string {
  let label = raw.trim();
  if (label.startsWith("其中")) label = label.slice(2).trim();
  for (let changed = true; changed; ) {
    changed = false;
    if (!LINK_ENDINGS.has(label.charCodeAt(label.length - 1))) break;
    for (const link of TRAILING_LINKS) {
      if (label.endsWith(link)) {
        label = label.slice(0, -link.length).trimEnd();
        changed = true;
        break;
      }
    }
  }
  return label;
}

interface Found {
  start: number;
  end: number;
  quantity: Quantity;
  qizhongStart: number | null;
}

/** Whether a reading of a Chinese numeral is a count and not part of a word or a name. */
function acceptChinese(text: string, start: number, length: number, unit: Unit, positional: boolean, end: number): boolean {
  if (positional) return false;
  if (text.startsWith("百分之", start)) return true;
  const first = text[start];
  // 一批, 一件事, 二次供水: a lone 一 or 二 before a measure word is nearly always a word, not a count.
  if (length === 1 && (first === "一" || first === "二")) return false;
  // Reports write measures, rates and multiples in digits; 九米 and the like are names.
  if (unit.kind !== "count" && unit.kind !== "money") return false;
  // 二期, 三期工程 name phases; 一届人大四次会议, 七届六次全会 number sessions.
  if (unit.text === "期") return false;
  if (unit.text === "次" && (text[end] === "会" || text[end] === "全")) return false;
  for (const formula of FORMULAS) if (text.startsWith(formula, start)) return false;
  return true;
}

/**
 * Characters the scanner must look at: punctuation that changes its state, digits, Chinese numerals, 其 and `{`.
 * Everything else, most of a paragraph, is passed over with one table lookup.
 */
const NOTABLE = new Uint8Array(0x10000);
for (const char of "\n\r。！？!?“‘「『”’」』《》（(）)其{") NOTABLE[char.charCodeAt(0)] = 1;
// Digits, ASCII and full-width, and the Chinese numerals; marked by range rather than by asking of every code, which
// a one-report run would do in the interpreter at start-up.
NOTABLE.fill(1, 0x30, 0x3a);
NOTABLE.fill(1, 0xff10, 0xff1a);
for (const char of CHINESE_NUMERALS) NOTABLE[char.charCodeAt(0)] = 1;

/**
 * The literal quantities of a paragraph, in order, with their labels and their place relative to 其中.
 * Never throws; offsets are UTF-16 offsets into `text`.
 */
export function scanProse(text: string): ProseQuantity[] {
  const found: Found[] = [];
  let quoteDepth = 0;
  let bookDepth = 0;
  let parenDepth = 0;
  let qizhong: { start: number; depth: number } | null = null;

  let i = 0;
  const length = text.length;
  const readOptions = { strict: false, end: length, requireUnitOrScale: true };
  while (i < length) {
    const code = text.charCodeAt(i);
    if (NOTABLE[code] === 0) {
      i++;
      continue;
    }
    switch (code) {
      case 10: // \n
      case 13: // \r
        quoteDepth = bookDepth = parenDepth = 0;
        qizhong = null;
        i++;
        continue;
      case 0x3002: // 。
      case 0xff01: // ！
      case 0xff1f: // ？
      case 33: // !
      case 63: // ?
        qizhong = null;
        i++;
        continue;
      case 0x201c: // “
      case 0x2018: // ‘
      case 0x300c: // 「
      case 0x300e: // 『
        quoteDepth++;
        i++;
        continue;
      case 0x201d: // ”
      case 0x2019: // ’
      case 0x300d: // 」
      case 0x300f: // 』
        quoteDepth = Math.max(0, quoteDepth - 1);
        i++;
        continue;
      case 0x300a: // 《
        bookDepth++;
        i++;
        continue;
      case 0x300b: // 》
        bookDepth = Math.max(0, bookDepth - 1);
        i++;
        continue;
      case 0xff08: // （
      case 40: // (
        parenDepth++;
        i++;
        continue;
      case 0xff09: // ）
      case 41: // )
        parenDepth = Math.max(0, parenDepth - 1);
        if (qizhong && parenDepth < qizhong.depth) qizhong = null;
        i++;
        continue;
      case 0x5176: // 其
        if (text.charCodeAt(i + 1) === 0x4e2d /* 中 */) qizhong = { start: i, depth: parenDepth };
        i++;
        continue;
      case 123: {
        // {figure.id}: a reference, not a literal.
        FIGURE_REFERENCE.lastIndex = i;
        i = FIGURE_REFERENCE.test(text) ? FIGURE_REFERENCE.lastIndex : i + 1;
        continue;
      }
    }

    const arabic = isDigit(code);
    const chinese = !arabic && isChineseNumeralCode(code);
    if (!arabic && !chinese) {
      i++;
      continue;
    }

    // The whole run of digits or numerals is one candidate; a failed reading skips all of it.
    let runEnd = i + 1;
    while (runEnd < length && (arabic ? isDigit(text.charCodeAt(runEnd)) : isChineseNumeralCode(text.charCodeAt(runEnd)))) runEnd++;

    const before = previousNonSpace(text, i);
    const beforeCode = before >= 0 ? text.charCodeAt(before) : Number.NaN;
    const adjacent = i > 0 ? text.charCodeAt(i - 1) : Number.NaN;
    const blocked =
      bookDepth > 0 ||
      beforeCode === 0x7b2c /* 第 */ ||
      (arabic && (isAsciiLetter(adjacent) || adjacent === 46 || adjacent === 44 || adjacent === 95 || adjacent === 45 || isDigit(adjacent))) ||
      (chinese && (quoteDepth > 0 || isChineseNumeralCode(adjacent) || isAsciiLetter(beforeCode)));
    if (blocked) {
      i = runEnd;
      continue;
    }

    const lastEnd = found.length > 0 ? found[found.length - 1]!.end : 0;
    const candidatePrefix = findPrefix(text, i);
    const prefix = candidatePrefix && candidatePrefix.start >= lastEnd ? candidatePrefix : undefined;
    const read = readQuantityAt(text, i, readOptions, prefix);
    if (read.ok) {
      const unit = read.quantity.unit;
      let accepted = unit !== null || (read.hasScale && !read.number.chinese);
      if (accepted && read.number.chinese) {
        accepted = unit !== null && acceptChinese(text, i, read.number.length, unit, read.number.positional, read.end);
      }
      // 两位数, 6位数: digits of a number, not people.
      if (accepted && unit?.text === "位" && text[read.end] === "数") accepted = false;
      // 前三名, 前5位: a ranking, not a count.
      if (accepted && beforeCode === 0x524d /* 前 */ && (unit?.text === "名" || unit?.text === "位")) accepted = false;
      if (accepted) {
        const start = prefix ? prefix.start : i;
        const qizhongStart = qizhong && qizhong.start < start ? qizhong.start : null;
        found.push({
          start,
          end: read.end,
          quantity: withText(text.slice(start, read.end), read.quantity),
          qizhongStart,
        });
        i = read.end;
        continue;
      }
    }
    i = runEnd;
  }

  return found.map((item, index) => {
    const previousEnd = index > 0 ? found[index - 1]!.end : 0;
    const nextStart = index + 1 < found.length ? found[index + 1]!.start : length;
    let labelStart = item.start;
    while (
      labelStart > previousEnd &&
      item.start - labelStart < MAX_LABEL &&
      CLAUSE_BOUNDARY[text.charCodeAt(labelStart - 1)] === 0
    ) {
      labelStart--;
    }
    const rawLabel = text.slice(labelStart, item.start);
    const label = stripLabel(rawLabel);
    const labelOffset = label ? labelStart + rawLabel.indexOf(label) : item.start;
    let followingEnd = item.end;
    while (
      followingEnd < nextStart &&
      followingEnd - item.end < MAX_FOLLOWING &&
      CLAUSE_BOUNDARY[text.charCodeAt(followingEnd)] === 0
    ) {
      followingEnd++;
    }
    return {
      start: item.start,
      end: item.end,
      text: item.quantity.text,
      quantity: item.quantity,
      label,
      labelStart: labelOffset,
      following: text.slice(item.end, followingEnd).trim(),
      afterQizhong: item.qizhongStart !== null,
      qizhongStart: item.qizhongStart,
    };
  });
}
