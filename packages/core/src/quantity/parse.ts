/**
 * One Chinese quantity expression (105份, 85万余元, 近10亿元, 3—5件, 95%以上) read into the closed interval it
 * denotes. docs/format.md ("Quantities") is the specification; this module implements it.
 */
import type { Message } from "../diagnostic.js";
import { isChineseNumeralChar, isDigit, type NumberError, type NumberRead, readArabicNumber, readChineseNumber } from "./numerals.js";
import {
  addRational,
  compareRational,
  integerRational,
  multiplyRational,
  negateRational,
  ONE,
  type Rational,
  rational,
  signOfRational,
  subtractRational,
  ZERO,
} from "./rational.js";
import { matchUnit, PERCENT, type Unit } from "./units.js";

/** How the written form qualifies the number; see docs/format.md for the interval each one denotes. */
export type Qualifier =
  /** 105份, 100%: exactly this. */
  | "exact"
  /** 89.85%, 17.46万元, 95%: rounded to the last written digit. */
  | "rounded"
  /** 约200人, 200人左右. */
  | "about"
  /** 85万余元, 30多场: more than the number, less than the next step of its last nonzero digit. */
  | "odd"
  /** 近10亿元: close to the number, not above it. */
  | "near"
  /** 95%以上, 超过100人. */
  | "at-least"
  /** 不足10%, 100人以内. */
  | "at-most"
  /** 3—5件. */
  | "range";

export interface Quantity {
  /** The expression as written. */
  readonly text: string;
  /** Lower end of the interval, in the base unit of the unit's dimension (元 for money, a fraction for %). */
  readonly low: Rational;
  /** Upper end; `null` when unbounded (超过100人). */
  readonly high: Rational | null;
  readonly unit: Unit | null;
  /** Written with an approximation word: 约, 左右, 余, 多, 近. */
  readonly approximate: boolean;
  readonly qualifier: Qualifier;
  /** The number as written (for a range, its first end), in base units: 85万余元 → 850000. */
  readonly nominal: Rational;
  /** The scale word written after the digits (万, 亿, …), so values can be shown the way the report writes them. */
  readonly scaleWord: string | null;
}

export type ParseResult =
  | { readonly ok: true; readonly quantity: Quantity }
  | { readonly ok: false; readonly message: Message; readonly start: number; readonly end: number };

type QualifierKind = "about" | "near" | "at-least" | "at-most";

interface WordMatch {
  readonly word: string;
  readonly kind: QualifierKind;
  readonly start: number;
  readonly end: number;
}

/** Words written before the number. Longer words first, so 超过 wins over 超. */
export const PREFIX_WORDS: readonly (readonly [string, QualifierKind])[] = [
  ["不少于", "at-least"],
  ["不低于", "at-least"],
  ["不超过", "at-most"],
  ["不高于", "at-most"],
  ["大约", "about"],
  ["约为", "about"],
  ["将近", "near"],
  ["接近", "near"],
  ["超过", "at-least"],
  ["多于", "at-least"],
  ["高于", "at-least"],
  ["至少", "at-least"],
  ["不足", "at-most"],
  ["不到", "at-most"],
  ["少于", "at-most"],
  ["低于", "at-most"],
  ["最多", "at-most"],
  ["约", "about"],
  ["近", "near"],
  ["超", "at-least"],
  ["逾", "at-least"],
];

/** Words written after the quantity. 上下 is left to strict parsing: in prose it starts words (上下游). */
const SUFFIX_WORDS: readonly (readonly [string, QualifierKind, boolean])[] = [
  ["左右", "about", true],
  ["上下", "about", false],
  ["以上", "at-least", true],
  ["以下", "at-most", true],
  ["以内", "at-most", true],
  ["之内", "at-most", true],
];

/** Scale words after Arabic digits, longest first so 千万 wins over 千. */
export const SCALE_WORDS: readonly (readonly [string, bigint])[] = [
  ["万亿", 10n ** 12n],
  ["千亿", 10n ** 11n],
  ["百亿", 10n ** 10n],
  ["千万", 10n ** 7n],
  ["百万", 10n ** 6n],
  ["亿", 10n ** 8n],
  ["万", 10n ** 4n],
  ["千", 10n ** 3n],
];

const RANGE_SEPARATORS: readonly string[] = ["——", "—", "–", "－", "-", "～", "~", "至", "到"];

/**
 * The first characters of the words in each list. Numbers are read wherever prose has digits, and most are followed
 * by none of these words; one lookup says so without comparing every word.
 */
function firstCodes(words: readonly string[]): ReadonlySet<number> {
  return new Set(words.map((word) => word.charCodeAt(0)));
}
const PREFIX_STARTS = firstCodes(PREFIX_WORDS.map(([word]) => word));
const SUFFIX_STARTS = firstCodes(SUFFIX_WORDS.map(([word]) => word));
const SCALE_STARTS = firstCodes(SCALE_WORDS.map(([word]) => word));
const RANGE_STARTS = firstCodes(RANGE_SEPARATORS);

export function isInlineSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 0x3000 || code === 0xa0;
}

function skipSpaces(text: string, index: number, end: number): number {
  let j = index;
  while (j < end && isInlineSpace(text.charCodeAt(j))) j++;
  return j;
}

function startsWithAt(text: string, index: number, word: string, end: number): boolean {
  return index + word.length <= end && text.startsWith(word, index);
}

export function matchPrefixWordAt(text: string, index: number, end: number): WordMatch | undefined {
  if (!PREFIX_STARTS.has(text.charCodeAt(index))) return undefined;
  for (const [word, kind] of PREFIX_WORDS) {
    if (startsWithAt(text, index, word, end)) return { word, kind, start: index, end: index + word.length };
  }
  return undefined;
}

/** A failure to read, with the offending span. */
interface ReadFailure {
  readonly ok: false;
  readonly message: Message;
  readonly start: number;
  readonly end: number;
}

function failure(message: Message, start: number, end: number): ReadFailure {
  return { ok: false, message, start, end };
}

const NO_UNIT: ReadFailure = failure({ zh: "缺少单位", en: "No unit" }, 0, 0);

function fromNumberError(error: NumberError): ReadFailure {
  return failure(error.error, error.start, error.end);
}

interface Amount {
  readonly start: number;
  readonly end: number;
  readonly number: NumberRead;
  readonly scale: { readonly word: string; readonly factor: bigint } | null;
  readonly odd: { readonly word: string; readonly start: number; readonly end: number } | null;
  readonly unit: { readonly unit: Unit; readonly start: number; readonly end: number } | null;
}

function matchScale(text: string, index: number, end: number): { word: string; factor: bigint } | undefined {
  // A unit that starts like a scale word (千米, 千瓦时, 百分点) is a unit, not a scale.
  if ((text[index] === "千" || text[index] === "百") && matchUnit(text, index, end)) return undefined;
  if (!SCALE_STARTS.has(text.charCodeAt(index))) return undefined;
  for (const [word, factor] of SCALE_WORDS) if (startsWithAt(text, index, word, end)) return { word, factor };
  return undefined;
}

function matchOdd(text: string, index: number, end: number): string | undefined {
  if (index >= end) return undefined;
  const char = text[index];
  if (char === "余") return char;
  // 多于 is a comparison word, not the 多 of 30多场.
  if (char === "多" && text[index + 1] !== "于") return char;
  return undefined;
}

/** 百余人, 千余份: a bare 百 or 千 before 余/多 is a count even in prose, where 百姓 or 千家万户 are words. */
function bareBeforeOdd(text: string, index: number, end: number): boolean {
  let k = index;
  while (k < end && isChineseNumeralChar(text[k]!)) k++;
  return k < end && k - index <= 2 && (text[k] === "余" || text[k] === "多");
}

export interface ReadOptions {
  /** Figures are strict: every character must be understood. Prose reads as far as a quantity goes. */
  readonly strict: boolean;
  /**
   * Give up early, without a message, when the number has neither unit nor scale word: prose counts only
   * those, and most numbers in prose (years, dates) are not quantities.
   */
  readonly requireUnitOrScale?: boolean;
  /** Where reading must stop. */
  readonly end: number;
}

function readAmount(text: string, index: number, options: ReadOptions, percentForm: boolean): Amount | ReadFailure {
  const { end, strict } = options;
  let number: NumberRead | NumberError | null = null;
  if (index < end && isDigit(text.charCodeAt(index))) number = readArabicNumber(text, index, strict, end);
  else if (index < end && isChineseNumeralChar(text[index]!)) {
    number = readChineseNumber(text, index, strict || percentForm || bareBeforeOdd(text, index, end), end);
  }
  if (number === null) {
    const shown = index < end ? text[index]! : "";
    return failure(
      shown
        ? { zh: `这里应是数字，却是“${shown}”`, en: `A number is expected here, not “${shown}”` }
        : { zh: "缺少数字", en: "A number is missing" },
      index,
      Math.min(end, index + 1),
    );
  }
  if ("error" in number) return fromNumberError(number);

  let consumedEnd = number.end;
  let scale: Amount["scale"] = null;
  let odd: Amount["odd"] = null;
  let unit: Amount["unit"] = null;

  // 85万余元 writes the scale before 余, 三十多万 after 多; Chinese numerals carry their own 万 and 亿.
  if (!number.chinese) {
    const k = skipSpaces(text, consumedEnd, end);
    const found = matchScale(text, k, end);
    if (found) {
      scale = found;
      consumedEnd = k + found.word.length;
    }
  }
  {
    const k = skipSpaces(text, consumedEnd, end);
    const found = matchOdd(text, k, end);
    if (found) {
      odd = { word: found, start: k, end: k + 1 };
      consumedEnd = k + 1;
      if (scale === null) {
        const m = skipSpaces(text, consumedEnd, end);
        const later = matchScale(text, m, end);
        if (later) {
          scale = later;
          consumedEnd = m + later.word.length;
        }
      }
    }
  }
  if (!percentForm) {
    const k = skipSpaces(text, consumedEnd, end);
    const found = k < end ? matchUnit(text, k, end) : undefined;
    if (found) {
      unit = { unit: found.unit, start: k, end: found.end };
      consumedEnd = found.end;
    }
  }
  return { start: index, end: consumedEnd, number, scale, odd, unit };
}

interface Bounds {
  readonly low: Rational;
  readonly high: Rational | null;
}

const HALF = rational(1n, 2n)!;
const NINE_TENTHS = rational(9n, 10n)!;

/** The factor that turns the written number into base units. */
function amountFactor(unit: Unit | null, scale: { factor: bigint } | null): Rational {
  const scaleFactor = integerRational(scale?.factor ?? 1n);
  return unit ? multiplyRational(scaleFactor, unit.factor) : scaleFactor;
}

/** Whether a ratio's written number is its "whole" (100%, 1000‰) or zero: claims, not roundings. */
function isWholeOrZeroRatio(written: Rational, unit: Unit): boolean {
  if (signOfRational(written) === 0) return true;
  return compareRational(multiplyRational(written, unit.factor), ONE) === 0;
}

interface AmountMeaning {
  readonly nominal: Rational;
  readonly bounds: Bounds;
  readonly rounded: boolean;
}

function amountMeaning(
  amount: Amount,
  unit: Unit | null,
  scale: { factor: bigint } | null,
  about: boolean,
  negative: boolean,
): AmountMeaning | ReadFailure {
  const factor = amountFactor(unit, scale);
  const written = negative ? negateRational(amount.number.value) : amount.number.value;
  const nominal = multiplyRational(written, factor);
  const step = multiplyRational(amount.number.step, factor);
  const isRatio = unit !== null && (unit.kind === "ratio" || unit.kind === "percentage-point");
  if (amount.odd) {
    if (amount.number.nonzeroStep === null) {
      return failure(
        { zh: `“${amount.odd.word}”要跟在非零的数后面`, en: `“${amount.odd.word}” must follow a nonzero number` },
        amount.start,
        amount.end,
      );
    }
    const oddStep = multiplyRational(amount.number.nonzeroStep, factor);
    return { nominal, bounds: { low: nominal, high: addRational(nominal, oddStep) }, rounded: false };
  }
  if (about) {
    const aboutStep = isRatio || amount.number.nonzeroStep === null ? step : multiplyRational(amount.number.nonzeroStep, factor);
    const half = multiplyRational(aboutStep, HALF);
    return { nominal, bounds: { low: subtractRational(nominal, half), high: addRational(nominal, half) }, rounded: false };
  }
  const rounded =
    amount.number.decimal ||
    scale !== null ||
    amount.number.scaled ||
    (unit !== null && unit.kind === "ratio" && !isWholeOrZeroRatio(written, unit));
  if (!rounded) return { nominal, bounds: { low: nominal, high: nominal }, rounded: false };
  const half = multiplyRational(step, HALF);
  return { nominal, bounds: { low: subtractRational(nominal, half), high: addRational(nominal, half) }, rounded: true };
}

export interface QuantityRead {
  readonly ok: true;
  readonly start: number;
  readonly end: number;
  readonly quantity: Omit<Quantity, "text">;
  /** The first number, for callers that filter by how it is written. */
  readonly number: NumberRead;
  readonly hasScale: boolean;
}

function matchSuffix(text: string, index: number, end: number, strict: boolean): WordMatch | undefined {
  if (!SUFFIX_STARTS.has(text.charCodeAt(index))) return undefined;
  for (const [word, kind, inProse] of SUFFIX_WORDS) {
    if ((strict || inProse) && startsWithAt(text, index, word, end)) return { word, kind, start: index, end: index + word.length };
  }
  return undefined;
}

function conflict(a: WordMatch, b: { word: string; start: number; end: number }): ReadFailure {
  return failure(
    { zh: `“${a.word}”和“${b.word}”不能同时使用`, en: `“${a.word}” and “${b.word}” cannot be used together` },
    Math.min(a.start, b.start),
    Math.max(a.end, b.end),
  );
}

/**
 * Reads one quantity starting at `index`. In strict mode a prefix word (约, 近, 超过, …) or a minus sign may
 * start it; in prose the caller finds the prefix itself and passes it.
 */
export function readQuantityAt(
  text: string,
  index: number,
  options: ReadOptions,
  givenPrefix?: WordMatch,
): QuantityRead | ReadFailure {
  const { end, strict } = options;
  let j = index;
  let prefix = givenPrefix;
  let negative = false;
  if (strict) {
    const code = text.charCodeAt(j);
    if (code === 45 /* - */ || code === 0x2212 /* − */ || text[j] === "负") {
      negative = true;
      j = skipSpaces(text, j + 1, end);
    } else {
      prefix = matchPrefixWordAt(text, j, end);
      if (prefix) j = skipSpaces(text, prefix.end, end);
    }
  }
  let percentForm = false;
  if (startsWithAt(text, j, "百分之", end)) {
    percentForm = true;
    j += 3;
  }

  const first = readAmount(text, j, options, percentForm);
  if ("ok" in first) return first;
  let last = first;
  let second: Amount | null = null;
  {
    const k = skipSpaces(text, first.end, end);
    const separator = RANGE_STARTS.has(text.charCodeAt(k)) ? RANGE_SEPARATORS.find((sep) => startsWithAt(text, k, sep, end)) : undefined;
    if (separator !== undefined && !percentForm) {
      const m = skipSpaces(text, k + separator.length, end);
      const code = text.charCodeAt(m);
      const startsNumber = isDigit(code) || (m < end && isChineseNumeralChar(text[m]!));
      if (startsNumber) {
        const read = readAmount(text, m, options, false);
        if (!("ok" in read)) second = read;
        else if (strict) return read;
      } else if (strict) {
        return failure(
          { zh: `“${separator}”后面缺少范围的终点`, en: `The range has no upper end after “${separator}”` },
          k,
          k + separator.length,
        );
      }
    }
  }

  if (second) {
    const firstUnit = first.unit?.unit ?? null;
    const secondUnit = second.unit?.unit ?? null;
    const mismatch =
      (firstUnit && !secondUnit) ||
      (firstUnit && secondUnit && (firstUnit.dimension !== secondUnit.dimension || firstUnit.kind !== secondUnit.kind));
    if (mismatch) {
      if (strict) {
        return failure(
          {
            zh: `范围两端的单位不一致：“${firstUnit?.text ?? ""}”与“${secondUnit?.text ?? "无单位"}”`,
            en: `The two ends of the range have different units: “${firstUnit?.text ?? ""}” and “${secondUnit?.text ?? "none"}”`,
          },
          first.start,
          second.end,
        );
      }
      second = null;
    } else {
      last = second;
    }
  }

  if (
    options.requireUnitOrScale &&
    !percentForm &&
    !first.unit &&
    !second?.unit &&
    !first.scale &&
    !second?.scale &&
    !first.number.scaled
  ) {
    return NO_UNIT;
  }

  let suffix: WordMatch | undefined;
  {
    const k = skipSpaces(text, last.end, end);
    suffix = matchSuffix(text, k, end, strict);
  }

  // Which qualifier words apply, and do they agree?
  if (prefix && suffix && !(prefix.kind === "about" && suffix.kind === "about")) return conflict(prefix, suffix);
  const kind = prefix?.kind ?? suffix?.kind ?? null;
  const wordMatch = prefix ?? suffix;
  const odd = first.odd ?? second?.odd ?? null;
  if (odd && wordMatch && kind !== "about") return conflict(wordMatch, odd);
  if (second && wordMatch && kind !== "about") {
    return failure(
      { zh: `范围不能再加“${wordMatch.word}”`, en: `A range cannot also take “${wordMatch.word}”` },
      wordMatch.start,
      wordMatch.end,
    );
  }
  if (negative && (kind !== null || odd)) {
    return failure(
      { zh: "负数不能带“约”“余”“以上”等词", en: "A negative number cannot take 约, 余, 以上 or similar words" },
      index,
      last.end,
    );
  }

  const unit: Unit | null = percentForm ? PERCENT : (second?.unit?.unit ?? first.unit?.unit ?? null);
  const secondScale = second?.scale ?? null;
  // 2—3万元: the first end borrows the scale of the second when it has neither scale nor unit of its own.
  const firstScale = first.scale ?? (second && !first.unit && !first.number.chinese ? secondScale : null);
  const about = kind === "about";
  const firstMeaning = amountMeaning(first, first.unit?.unit ?? unit, firstScale, about, negative);
  if (!("nominal" in firstMeaning)) return firstMeaning;

  let low = firstMeaning.bounds.low;
  let high: Rational | null = firstMeaning.bounds.high;
  let qualifier: Qualifier = firstMeaning.rounded ? "rounded" : "exact";
  const nominal = firstMeaning.nominal;

  if (second) {
    const secondMeaning = amountMeaning(second, unit, secondScale, about, false);
    if (!("nominal" in secondMeaning)) return secondMeaning;
    if (compareRational(firstMeaning.nominal, secondMeaning.nominal) > 0) {
      return failure(
        {
          zh: `范围的起点大于终点：“${text.slice(first.start, first.end)}”在“${text.slice(second.start, second.end)}”之后`,
          en: `The range starts above its end: “${text.slice(first.start, first.end)}” is more than “${text.slice(second.start, second.end)}”`,
        },
        first.start,
        second.end,
      );
    }
    // A range already says how precise it is: its written ends are its ends, not widened by rounding.
    if (firstMeaning.rounded) low = firstMeaning.nominal;
    high = secondMeaning.rounded ? secondMeaning.nominal : secondMeaning.bounds.high;
    qualifier = "range";
  } else if (odd) {
    qualifier = "odd";
  } else if (kind === "about") {
    qualifier = "about";
  } else if (kind === "near") {
    if (signOfRational(nominal) <= 0) {
      return failure({ zh: "“近”要跟在正数前面", en: "“近” must come before a positive number" }, index, last.end);
    }
    low = multiplyRational(nominal, NINE_TENTHS);
    high = nominal;
    qualifier = "near";
  } else if (kind === "at-least") {
    low = nominal;
    // A rate cannot pass 100%, so 95%以上 is [95%, 100%]; a growth rate such as 超过150% stays open.
    high = unit?.kind === "ratio" && compareRational(nominal, ONE) <= 0 ? ONE : null;
    qualifier = "at-least";
  } else if (kind === "at-most") {
    if (signOfRational(nominal) < 0) {
      return failure({ zh: "上限不能是负数", en: "An upper bound cannot be negative" }, index, last.end);
    }
    low = ZERO;
    high = nominal;
    qualifier = "at-most";
  }

  const endOffset = suffix ? suffix.end : last.end;
  return {
    ok: true,
    start: index,
    end: endOffset,
    quantity: {
      low,
      high,
      unit,
      approximate: odd !== null || kind === "about" || kind === "near",
      qualifier,
      nominal,
      scaleWord: (second?.scale ?? first.scale)?.word ?? null,
    },
    number: first.number,
    hasScale: first.scale !== null || first.number.scaled || secondScale !== null,
  };
}

/**
 * Parses one quantity expression as written in a report: `105份`, `89.85%`, `85万余元`, `近10亿元`,
 * `一千五百七十一件`, `3—5件`, `95%以上`. Spaces between the parts are accepted (`16 件`). Never throws.
 * Offsets in a failure are UTF-16 offsets into `text`.
 */
export function parseQuantity(text: string): ParseResult {
  let start = 0;
  let end = text.length;
  while (start < end && /\s/u.test(text[start]!)) start++;
  while (end > start && /\s/u.test(text[end - 1]!)) end--;
  if (start === end) {
    return { ok: false, message: { zh: "数量为空", en: "The quantity is empty" }, start: 0, end: text.length };
  }
  const read = readQuantityAt(text, start, { strict: true, end });
  if (!read.ok) return read;
  const rest = skipSpaces(text, read.end, end);
  if (rest < end) {
    const extra = text.slice(rest, end);
    const noUnitYet = read.quantity.unit === null && /^[\p{Script=Han}]/u.test(extra);
    return {
      ok: false,
      message: noUnitYet
        ? {
            zh: `无法识别的单位“${extra}”；可用的单位如 件、份、人次、元、%、个百分点`,
            en: `Unknown unit “${extra}”; units such as 件, 份, 人次, 元, %, 个百分点 are understood`,
          }
        : { zh: `数量后面多出了“${extra}”`, en: `Unexpected “${extra}” after the quantity` },
      start: rest,
      end,
    };
  }
  return { ok: true, quantity: withText(text.slice(start, end), read.quantity) };
}

/**
 * A read quantity with the text it was read from. Spelled out rather than spread: the prose scanner makes one for
 * every number in a report, and copying by spread is several times slower.
 */
export function withText(text: string, quantity: QuantityRead["quantity"]): Quantity {
  return {
    text,
    low: quantity.low,
    high: quantity.high,
    unit: quantity.unit,
    approximate: quantity.approximate,
    qualifier: quantity.qualifier,
    nominal: quantity.nominal,
    scaleWord: quantity.scaleWord,
  };
}
