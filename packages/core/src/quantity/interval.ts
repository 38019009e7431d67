/**
 * Closed intervals of exact rationals with optional unbounded ends: the meaning of every written quantity
 * and of every expression over quantities. Arithmetic is the usual interval arithmetic: the result of an
 * operation contains the result of the operation on any members of the operands.
 */
import {
  addRational,
  compareRational,
  divideRational,
  multiplyRational,
  negateRational,
  ONE,
  type Rational,
  signOfRational,
  ZERO,
} from "./rational.js";

export interface Interval {
  /** `null`: unbounded below (−∞). */
  readonly low: Rational | null;
  /** `null`: unbounded above (+∞). */
  readonly high: Rational | null;
}

export function pointInterval(value: Rational): Interval {
  return { low: value, high: value };
}

/** `low <= x` with `null` meaning −∞. */
function lowAtMost(low: Rational | null, x: Rational): boolean {
  return low === null || compareRational(low, x) <= 0;
}

/** `x <= high` with `null` meaning +∞. */
function highAtLeast(high: Rational | null, x: Rational): boolean {
  return high === null || compareRational(x, high) <= 0;
}

export function intervalContains(interval: Interval, x: Rational): boolean {
  return lowAtMost(interval.low, x) && highAtLeast(interval.high, x);
}

export function intervalsIntersect(a: Interval, b: Interval): boolean {
  const aLowBelowBHigh = a.low === null || b.high === null || compareRational(a.low, b.high) <= 0;
  const bLowBelowAHigh = b.low === null || a.high === null || compareRational(b.low, a.high) <= 0;
  return aLowBelowBHigh && bLowBelowAHigh;
}

export function isPoint(interval: Interval): boolean {
  return interval.low !== null && interval.high !== null && compareRational(interval.low, interval.high) === 0;
}

export function addIntervals(a: Interval, b: Interval): Interval {
  return {
    low: a.low === null || b.low === null ? null : addRational(a.low, b.low),
    high: a.high === null || b.high === null ? null : addRational(a.high, b.high),
  };
}

export function negateInterval(a: Interval): Interval {
  return {
    low: a.high === null ? null : negateRational(a.high),
    high: a.low === null ? null : negateRational(a.low),
  };
}

export function subtractIntervals(a: Interval, b: Interval): Interval {
  return addIntervals(a, negateInterval(b));
}

/** An extended real for endpoint products: a finite value or an infinity of a sign. */
type Extended = { readonly finite: Rational } | { readonly infinite: 1 | -1 };

function signOf(x: Extended): -1 | 0 | 1 {
  return "finite" in x ? signOfRational(x.finite) : x.infinite;
}

/**
 * Endpoint product where 0 × ∞ = 0: endpoints of closed intervals of reals are only approached by finite
 * members, and a zero factor keeps every such product at zero.
 */
function multiplyExtended(a: Extended, b: Extended): Extended {
  if ("finite" in a && "finite" in b) return { finite: multiplyRational(a.finite, b.finite) };
  const sign = signOf(a) * signOf(b);
  if (sign === 0) return { finite: ZERO };
  return { infinite: sign > 0 ? 1 : -1 };
}

function compareExtended(a: Extended, b: Extended): number {
  if ("finite" in a && "finite" in b) return compareRational(a.finite, b.finite);
  const rank = (x: Extended): number => ("finite" in x ? 0 : x.infinite);
  return rank(a) - rank(b);
}

const lowEnd = (x: Rational | null): Extended => (x === null ? { infinite: -1 } : { finite: x });
const highEnd = (x: Rational | null): Extended => (x === null ? { infinite: 1 } : { finite: x });

export function multiplyIntervals(a: Interval, b: Interval): Interval {
  const products = [
    multiplyExtended(lowEnd(a.low), lowEnd(b.low)),
    multiplyExtended(lowEnd(a.low), highEnd(b.high)),
    multiplyExtended(highEnd(a.high), lowEnd(b.low)),
    multiplyExtended(highEnd(a.high), highEnd(b.high)),
  ];
  let least = products[0]!;
  let greatest = products[0]!;
  for (const p of products) {
    if (compareExtended(p, least) < 0) least = p;
    if (compareExtended(p, greatest) > 0) greatest = p;
  }
  return {
    low: "finite" in least ? least.finite : null,
    high: "finite" in greatest ? greatest.finite : null,
  };
}

/** The interval is exactly {0}: nothing can be divided by it. */
export function isZeroInterval(a: Interval): boolean {
  return a.low !== null && a.high !== null && signOfRational(a.low) === 0 && signOfRational(a.high) === 0;
}

/**
 * `a / b` over the members of `b` other than zero. `undefined` when `b` is exactly {0}. When zero lies
 * strictly inside `b` the quotients cover the whole line.
 */
export function divideIntervals(a: Interval, b: Interval): Interval | undefined {
  if (isZeroInterval(b)) return undefined;
  const lowSign = b.low === null ? -1 : signOfRational(b.low);
  const highSign = b.high === null ? 1 : signOfRational(b.high);
  if (lowSign < 0 && highSign > 0) return { low: null, high: null };
  // b lies within [0, +∞] or [−∞, 0]; the reciprocals of its nonzero members form one interval.
  const reciprocal = (x: Rational | null): Rational | null => (x === null ? ZERO : (divideRational(ONE, x) ?? null));
  let inverse: Interval;
  if (lowSign >= 0) {
    // b ⊆ [0, +∞): 1/b = [1/high, 1/low], with 1/0⁺ = +∞.
    inverse = { low: reciprocal(b.high), high: lowSign === 0 ? null : reciprocal(b.low) };
  } else {
    // b ⊆ (−∞, 0]: 1/b = [1/high, 1/low], with 1/0⁻ = −∞.
    inverse = { low: highSign === 0 ? null : reciprocal(b.high), high: reciprocal(b.low) };
  }
  return multiplyIntervals(a, inverse);
}
