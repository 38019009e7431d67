/**
 * Reading one number, in Arabic digits or in Chinese numerals, with what its written form says about its
 * precision: the place value of its last written digit and of its last nonzero digit.
 */
import type { Message } from "../diagnostic.js";
import { integerRational, powerOfTen, type Rational, rational } from "./rational.js";

export interface NumberRead {
  readonly start: number;
  readonly end: number;
  /** The number as written, before any scale word or unit. */
  readonly value: Rational;
  /** Place value of the last written digit: 1 for `1500`, 0.01 for `89.85`. */
  readonly step: Rational;
  /** Place value of the last nonzero digit: 100 for `1500`; `null` when the number is zero. */
  readonly nonzeroStep: Rational | null;
  readonly decimal: boolean;
  readonly chinese: boolean;
  /** Chinese digits written one by one, like a year: 二〇二一. */
  readonly positional: boolean;
  /** A Chinese numeral that contains 万 or 亿, which round the way 85万 does. */
  readonly scaled: boolean;
  /** The number of characters the numeral spans, when it is Chinese. */
  readonly length: number;
}

export interface NumberError {
  readonly error: Message;
  readonly start: number;
  readonly end: number;
}

/** No written quantity is longer; capping keeps absurd input (a 100 KB digit run) cheap to reject. */
export const MAX_NUMBER_LENGTH = 40;

function tooLong(start: number, end: number): NumberError {
  return {
    error: { zh: "数字过长，不像是一个数量", en: "The number is too long to be a quantity" },
    start,
    end,
  };
}

export function isAsciiDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

/** ASCII or full-width digit. */
export function isDigit(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 0xff10 && code <= 0xff19);
}

function computePlaceValue(exponent: number): Rational {
  return exponent >= 0 ? integerRational(powerOfTen(exponent)) : rational(1n, powerOfTen(-exponent))!;
}

/** Place values of the digits a number may have, made once: every number read needs one or two. */
const PLACE_VALUES: readonly Rational[] = Array.from({ length: 2 * MAX_NUMBER_LENGTH + 1 }, (_, k) => computePlaceValue(k - MAX_NUMBER_LENGTH));

function placeValue(exponent: number): Rational {
  return PLACE_VALUES[exponent + MAX_NUMBER_LENGTH] ?? computePlaceValue(exponent);
}

/** Digits (ASCII only) as a BigInt; through a double when that is exact, which is much faster than parsing text. */
function bigIntOfDigits(digits: string): bigint {
  return digits.length <= 15 ? BigInt(Number(digits)) : BigInt(digits);
}

/** Digits as ASCII; full-width digits are rare, so only they pay for conversion. */
function digitsOf(text: string, from: number, to: number): string {
  const raw = text.slice(from, to);
  return /[０-９]/u.test(raw) ? raw.replace(/[０-９]/gu, (d) => String(d.charCodeAt(0) - 0xff10)) : raw;
}

/**
 * Reads Arabic digits at `index`, with `,` thousands separators and a decimal point. In strict mode a
 * malformed separator is an error; otherwise the number simply ends before it (prose uses commas freely).
 */
export function readArabicNumber(
  text: string,
  index: number,
  strict: boolean,
  limit: number = text.length,
): NumberRead | NumberError | null {
  const at = (k: number): number => (k < limit ? text.charCodeAt(k) : Number.NaN);
  let j = index;
  while (j < limit && isDigit(text.charCodeAt(j))) j++;
  if (j === index) return null;
  if (j - index > MAX_NUMBER_LENGTH) return tooLong(index, j);
  let whole = digitsOf(text, index, j);
  const firstGroupLength = whole.length;
  while (at(j) === 44 /* , */) {
    const groupOk = isDigit(at(j + 1)) && isDigit(at(j + 2)) && isDigit(at(j + 3)) && !isDigit(at(j + 4));
    if (!groupOk || firstGroupLength > 3) {
      if (strict) {
        return {
          error: {
            zh: "千分位逗号的位置不对：逗号应每隔三位数字出现，如 1,234",
            en: "Misplaced thousands separator: commas go between groups of three digits, as in 1,234",
          },
          start: j,
          end: j + 1,
        };
      }
      break;
    }
    whole += digitsOf(text, j + 1, j + 4);
    j += 4;
    if (j - index > MAX_NUMBER_LENGTH) return tooLong(index, j);
  }
  let fractionDigits = "";
  const point = at(j);
  if ((point === 46 /* . */ || point === 0xff0e /* ． */) && isDigit(at(j + 1))) {
    const fractionStart = ++j;
    while (j < limit && isDigit(text.charCodeAt(j))) j++;
    if (j - index > MAX_NUMBER_LENGTH) return tooLong(index, j);
    fractionDigits = digitsOf(text, fractionStart, j);
  }
  const all = whole + fractionDigits;
  const value = rational(bigIntOfDigits(all), powerOfTen(fractionDigits.length))!;
  let lastNonzero = -1;
  for (let k = all.length - 1; k >= 0; k--) {
    if (all[k] !== "0") {
      lastNonzero = k;
      break;
    }
  }
  return {
    start: index,
    end: j,
    value,
    step: placeValue(-fractionDigits.length),
    nonzeroStep: lastNonzero < 0 ? null : placeValue(whole.length - 1 - lastNonzero),
    decimal: fractionDigits.length > 0,
    chinese: false,
    positional: false,
    scaled: false,
    length: j - index,
  };
}

const CHINESE_DIGITS: ReadonlyMap<string, number> = new Map([
  ["〇", 0], ["零", 0], ["一", 1], ["二", 2], ["两", 2], ["三", 3], ["四", 4],
  ["五", 5], ["六", 6], ["七", 7], ["八", 8], ["九", 9],
]);

const SMALL_UNITS: ReadonlyMap<string, bigint> = new Map([["十", 10n], ["百", 100n], ["千", 1000n]]);

/** A lookup table over the Basic Multilingual Plane: the prose scanner asks this for every character. */
const NUMERAL_TABLE = new Uint8Array(0x10000);
/** Every character that can be part of a Chinese numeral. */
export const CHINESE_NUMERALS = "〇零一二两三四五六七八九十百千万亿";
for (const char of CHINESE_NUMERALS) NUMERAL_TABLE[char.charCodeAt(0)] = 1;

export function isChineseNumeralCode(code: number): boolean {
  return NUMERAL_TABLE[code] === 1;
}

export function isChineseNumeralChar(char: string): boolean {
  return char.length === 1 && NUMERAL_TABLE[char.charCodeAt(0)] === 1;
}

function malformed(text: string, start: number, end: number, detail?: Message): NumberError {
  const written = text.slice(start, end);
  return {
    error: detail ?? {
      zh: `中文数字“${written}”的写法有误`,
      en: `The Chinese numeral “${written}” is malformed`,
    },
    start,
    end,
  };
}

/** Adjacent digits such as 三五 or 七八 are a vague "three or five", which no check can use. */
function vaguePair(text: string, start: number, end: number): NumberError {
  const written = text.slice(start, end);
  return malformed(text, start, end, {
    zh: `“${written}”是约数，无法换算为确定的数值；请写成范围，如 3—5个`,
    en: `“${written}” is a vague "this or that" number; write a range such as 3—5个 instead`,
  });
}

/**
 * Reads a run of Chinese numeral characters at `index`. `allowBareLeading` accepts a leading 百/千/万/亿 with
 * no digit before it (百余人), which in running prose is usually part of a word (千家万户) instead.
 */
export function readChineseNumber(
  text: string,
  index: number,
  allowBareLeading: boolean,
  limit: number = text.length,
): NumberRead | NumberError | null {
  let end = index;
  while (end < limit && NUMERAL_TABLE[text.charCodeAt(end)] === 1) end++;
  if (end === index) return null;
  if (end - index > MAX_NUMBER_LENGTH) return tooLong(index, end);

  if (end - index === 1 && CHINESE_DIGITS.get(text[index]!) === 0) {
    const zero = integerRational(0);
    return { start: index, end, value: zero, step: integerRational(1), nonzeroStep: null, decimal: false,
      chinese: true, positional: false, scaled: false, length: 1 };
  }
  let digitsOnly = true;
  for (let k = index; k < end; k++) if (!CHINESE_DIGITS.has(text[k]!)) digitsOnly = false;
  if (digitsOnly && end - index >= 2) return readPositional(text, index, end);

  let total = 0n;
  let section = 0n;
  let small = 0n;
  let digit: bigint | null = null;
  let lastSmallUnit = 10_000n;
  let lastPlace = 1n;
  let seenWan = false;
  let seenYi = false;
  let afterZero = false;
  let previousUnit = 0n;
  let scaled = false;
  let nonzeroWritten = false;

  for (let k = index; k < end; k++) {
    const char = text[k]!;
    const d = CHINESE_DIGITS.get(char);
    if (d !== undefined) {
      if (d === 0) {
        if (digit !== null || k === index || k === end - 1) return malformed(text, index, end);
        afterZero = true;
        continue;
      }
      if (digit !== null) return vaguePairOrMalformed(text, index, end);
      digit = BigInt(d);
      lastPlace = 1n;
      nonzeroWritten = true;
      continue;
    }
    const smallUnit = SMALL_UNITS.get(char);
    if (smallUnit !== undefined) {
      if (smallUnit >= lastSmallUnit) return malformed(text, index, end);
      const bare = digit === null;
      if (bare && smallUnit !== 10n && !(k === index && allowBareLeading)) return malformed(text, index, end);
      small += (digit ?? 1n) * smallUnit;
      digit = null;
      lastSmallUnit = smallUnit;
      lastPlace = smallUnit;
      previousUnit = smallUnit;
      afterZero = false;
      nonzeroWritten = true;
      continue;
    }
    // 万 or 亿
    const isWan = char === "万";
    const scale = isWan ? 10_000n : 100_000_000n;
    let group = isWan ? small + (digit ?? 0n) : section + small + (digit ?? 0n);
    if (group === 0n) {
      if (!(k === index && allowBareLeading)) return malformed(text, index, end);
      group = 1n;
      lastPlace = 1n;
      nonzeroWritten = true;
    }
    if (isWan ? seenWan : seenYi) return malformed(text, index, end);
    if (isWan) {
      section = group * scale;
      seenWan = true;
    } else {
      total = group * scale;
      section = 0n;
      seenYi = true;
      seenWan = false;
    }
    small = 0n;
    digit = null;
    lastSmallUnit = 10_000n;
    lastPlace *= scale;
    previousUnit = scale;
    afterZero = false;
    scaled = true;
  }

  let tail = digit ?? 0n;
  if (digit !== null && !afterZero && previousUnit >= 100n) {
    // 一万五 is 15000 and 三千二 is 3200: a digit right after a unit counts at the next place down.
    const place = previousUnit / 10n;
    tail = digit * place;
    lastPlace = place;
  }
  const value = total + section + small + tail;
  const placeRational = integerRational(lastPlace);
  return {
    start: index,
    end,
    value: integerRational(value),
    step: placeRational,
    nonzeroStep: nonzeroWritten && value !== 0n ? placeRational : null,
    decimal: false,
    chinese: true,
    positional: false,
    scaled,
    length: end - index,
  };
}

function vaguePairOrMalformed(text: string, start: number, end: number): NumberError {
  return end - start === 2 || /[一二两三四五六七八九]{2}[十百千万亿]/u.test(text.slice(start, end))
    ? vaguePair(text, start, end)
    : malformed(text, start, end);
}

/** 二〇二一: digits written one by one. Two plain digits (三五) are a vague pair, not a number. */
function readPositional(text: string, start: number, end: number): NumberRead | NumberError {
  const written = text.slice(start, end);
  if (written.includes("两")) return vaguePairOrMalformed(text, start, end);
  if (end - start === 2 && !written.includes("〇") && !written.includes("零")) return vaguePair(text, start, end);
  let digits = "";
  for (const char of written) digits += String(CHINESE_DIGITS.get(char) ?? 0);
  const value = BigInt(digits);
  let lastNonzero = -1;
  for (let k = digits.length - 1; k >= 0; k--) {
    if (digits[k] !== "0") {
      lastNonzero = k;
      break;
    }
  }
  return {
    start,
    end,
    value: integerRational(value),
    step: integerRational(1),
    nonzeroStep: lastNonzero < 0 ? null : integerRational(powerOfTen(digits.length - 1 - lastNonzero)),
    decimal: false,
    chinese: true,
    positional: true,
    scaled: false,
    length: end - start,
  };
}
