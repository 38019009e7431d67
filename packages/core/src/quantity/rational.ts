/**
 * Exact rational numbers over BigInt. Report figures are decimal (200.05 = 185.76 + 14.29 must hold), so no
 * value of this module ever passes through binary floating point.
 *
 * A `Rational` is always normalised: the denominator is positive and shares no factor with the numerator,
 * so two equal numbers have equal fields and `compareRational` never needs to normalise.
 */
export interface Rational {
  readonly numerator: bigint;
  readonly denominator: bigint;
}

function gcd(a: bigint, b: bigint): bigint {
  let x = a < 0n ? -a : a;
  let y = b < 0n ? -b : b;
  while (y !== 0n) {
    const t = x % y;
    x = y;
    y = t;
  }
  return x;
}

/** `numerator / denominator`, normalised; `undefined` when the denominator is zero. */
export function rational(numerator: bigint, denominator: bigint = 1n): Rational | undefined {
  if (denominator === 0n) return undefined;
  return normalise(numerator, denominator);
}

/** Callers guarantee a nonzero denominator. */
function normalise(numerator: bigint, denominator: bigint): Rational {
  let n = numerator;
  let d = denominator;
  if (d < 0n) {
    n = -n;
    d = -d;
  }
  if (d === 1n) return { numerator: n, denominator: 1n };
  const g = gcd(n, d);
  return g === 1n ? { numerator: n, denominator: d } : { numerator: n / g, denominator: d / g };
}

/** An integer as a rational. A number that is not an integer is truncated toward zero; NaN and ±∞ give 0. */
export function integerRational(value: bigint | number): Rational {
  if (typeof value === "number") value = Number.isFinite(value) ? BigInt(Math.trunc(value)) : 0n;
  return { numerator: value, denominator: 1n };
}

/** Decimal places as a small non-negative integer, whatever the caller passes. */
function clampPlaces(places: number): number {
  return Number.isFinite(places) ? Math.min(100, Math.max(0, Math.trunc(places))) : 0;
}

export const ZERO: Rational = integerRational(0);
export const ONE: Rational = integerRational(1);

export function addRational(a: Rational, b: Rational): Rational {
  if (a.denominator === b.denominator) return normalise(a.numerator + b.numerator, a.denominator);
  return normalise(a.numerator * b.denominator + b.numerator * a.denominator, a.denominator * b.denominator);
}

export function subtractRational(a: Rational, b: Rational): Rational {
  return addRational(a, negateRational(b));
}

export function negateRational(a: Rational): Rational {
  return { numerator: -a.numerator, denominator: a.denominator };
}

export function multiplyRational(a: Rational, b: Rational): Rational {
  // Scaling by 1 is the common case (a count unit, no scale word); skip the gcd.
  if (b.denominator === 1n && b.numerator === 1n) return a;
  if (a.denominator === 1n && a.numerator === 1n) return b;
  return normalise(a.numerator * b.numerator, a.denominator * b.denominator);
}

/** `a / b`; `undefined` when `b` is zero. */
export function divideRational(a: Rational, b: Rational): Rational | undefined {
  if (b.numerator === 0n) return undefined;
  return normalise(a.numerator * b.denominator, a.denominator * b.numerator);
}

/** Negative, zero or positive as `a` is below, equal to or above `b`. */
export function compareRational(a: Rational, b: Rational): -1 | 0 | 1 {
  const left = a.numerator * b.denominator;
  const right = b.numerator * a.denominator;
  return left < right ? -1 : left > right ? 1 : 0;
}

export function rationalEquals(a: Rational, b: Rational): boolean {
  return a.numerator === b.numerator && a.denominator === b.denominator;
}



export function signOfRational(a: Rational): -1 | 0 | 1 {
  return a.numerator < 0n ? -1 : a.numerator > 0n ? 1 : 0;
}


const SMALL_POWERS: readonly bigint[] = Array.from({ length: 41 }, (_, k) => 10n ** BigInt(k));

export function powerOfTen(exponent: number): bigint {
  return SMALL_POWERS[exponent] ?? 10n ** BigInt(exponent);
}

const DECIMAL_PATTERN = /^([+-]?)(\d+)(?:\.(\d+))?$/;

/**
 * Reads a plain decimal such as `-12.50` (ASCII digits, no grouping, no exponent) exactly;
 * `undefined` for anything else.
 */
export function parseDecimal(text: string): Rational | undefined {
  const match = DECIMAL_PATTERN.exec(text);
  if (!match) return undefined;
  const fraction = match[3] ?? "";
  const magnitude = BigInt((match[2] ?? "0") + fraction);
  const value = normalise(magnitude, powerOfTen(fraction.length));
  return match[1] === "-" ? negateRational(value) : value;
}

/** True when the value has a finite decimal expansion (its denominator has no prime factor but 2 and 5). */
export function isTerminatingDecimal(a: Rational): boolean {
  let d = a.denominator;
  while (d % 2n === 0n) d /= 2n;
  while (d % 5n === 0n) d /= 5n;
  return d === 1n;
}

/**
 * Rounds to `decimals` places, halves away from zero (the way report tables round), and returns the
 * rounded value.
 */
export function roundRational(a: Rational, decimals: number): Rational {
  const scale = powerOfTen(clampPlaces(decimals));
  const scaled = a.numerator * scale;
  const negative = scaled < 0n;
  const magnitude = negative ? -scaled : scaled;
  const quotient = magnitude / a.denominator;
  const remainder = magnitude % a.denominator;
  const rounded = remainder * 2n >= a.denominator ? quotient + 1n : quotient;
  return normalise(negative ? -rounded : rounded, scale);
}

/**
 * Writes a terminating decimal exactly, or any other value rounded to `maxDecimals` places (halves away from
 * zero). Trailing zeros are dropped: `1/4` → `0.25`, `1/3` → `0.333333` with the default.
 */
export function formatRational(a: Rational, maxDecimals = 6): string {
  const places = clampPlaces(maxDecimals);
  const value = isTerminatingDecimal(a) && decimalPlaces(a) <= places ? a : roundRational(a, places);
  const shown = decimalPlaces(value);
  const scaled = (value.numerator * powerOfTen(shown)) / value.denominator;
  const negative = scaled < 0n;
  const digits = (negative ? -scaled : scaled).toString().padStart(shown + 1, "0");
  const whole = digits.slice(0, digits.length - shown);
  const fraction = digits.slice(digits.length - shown);
  return (negative ? "-" : "") + whole + (shown > 0 ? "." + fraction : "");
}

/** The number of decimal places of a terminating decimal (the smallest k with value × 10^k an integer). */
export function decimalPlaces(a: Rational): number {
  if (!isTerminatingDecimal(a)) return Number.POSITIVE_INFINITY;
  let places = 0;
  let scale = 1n;
  while ((a.numerator * scale) % a.denominator !== 0n) {
    places++;
    scale *= 10n;
  }
  return places;
}
