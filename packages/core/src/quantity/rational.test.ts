import { describe, expect, it } from "vitest";
import {
  addRational,
  compareRational,
  divideRational,
  formatRational,
  integerRational,
  multiplyRational,
  parseDecimal,
  rational,
  rationalEquals,
  roundRational,
  subtractRational,
} from "./rational.js";

const dec = (text: string) => {
  const value = parseDecimal(text);
  if (!value) throw new Error(`not a decimal: ${text}`);
  return value;
};

describe("rational arithmetic", () => {
  it("is exact where binary floating point is not", () => {
    expect(0.1 + 0.2 === 0.3).toBe(false);
    expect(rationalEquals(addRational(dec("0.1"), dec("0.2")), dec("0.3"))).toBe(true);
    expect(rationalEquals(addRational(dec("185.76"), dec("14.29")), dec("200.05"))).toBe(true);
  });

  it("normalises sign and common factors", () => {
    expect(rational(2n, -4n)).toEqual({ numerator: -1n, denominator: 2n });
    expect(rational(0n, 7n)).toEqual({ numerator: 0n, denominator: 1n });
    expect(dec("12.50")).toEqual({ numerator: 25n, denominator: 2n });
  });

  it("refuses a zero denominator instead of throwing", () => {
    expect(rational(1n, 0n)).toBeUndefined();
    expect(divideRational(integerRational(1), integerRational(0))).toBeUndefined();
  });

  it("multiplies, divides, subtracts and compares", () => {
    expect(formatRational(multiplyRational(dec("1.5"), dec("-0.2")))).toBe("-0.3");
    expect(formatRational(divideRational(integerRational(1570), integerRational(1571))!, 4)).toBe("0.9994");
    expect(formatRational(subtractRational(dec("1"), dec("0.001")))).toBe("0.999");
    expect(compareRational(dec("0.9994"), dec("0.99936"))).toBe(1);
    expect(compareRational(dec("-1"), dec("1"))).toBe(-1);
    expect(compareRational(dec("2.0"), integerRational(2))).toBe(0);
  });

  it("reads only plain decimals", () => {
    expect(parseDecimal("-0.5")).toEqual({ numerator: -1n, denominator: 2n });
    for (const bad of ["", "1e5", "1,000", ".5", "5.", "abc", "0x10", " 1"]) expect(parseDecimal(bad)).toBeUndefined();
  });

  it("turns odd numbers into integers without throwing", () => {
    expect(integerRational(2.9)).toEqual({ numerator: 2n, denominator: 1n });
    expect(integerRational(Number.NaN)).toEqual({ numerator: 0n, denominator: 1n });
  });
});

describe("formatting and rounding", () => {
  it("writes terminating decimals exactly and others rounded", () => {
    expect(formatRational(rational(1n, 4n)!)).toBe("0.25");
    expect(formatRational(rational(1n, 3n)!)).toBe("0.333333");
    expect(formatRational(rational(2n, 3n)!, 2)).toBe("0.67");
    expect(formatRational(rational(-1n, 8n)!)).toBe("-0.125");
    expect(formatRational(integerRational(850000))).toBe("850000");
    expect(formatRational(rational(1n, 3n)!, -4)).toBe("0");
  });

  it("rounds halves away from zero, as report tables do", () => {
    expect(formatRational(roundRational(dec("2.5"), 0))).toBe("3");
    expect(formatRational(roundRational(dec("-2.5"), 0))).toBe("-3");
    expect(formatRational(roundRational(dec("89.845"), 2))).toBe("89.85");
    expect(formatRational(roundRational(dec("89.8449"), 2))).toBe("89.84");
  });
});
