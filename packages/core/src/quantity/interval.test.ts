import { describe, expect, it } from "vitest";
import {
  addIntervals,
  divideIntervals,
  type Interval,
  intervalContains,
  intervalsIntersect,
  multiplyIntervals,
  negateInterval,
  subtractIntervals,
} from "./interval.js";
import { formatRational, parseDecimal, type Rational } from "./rational.js";

const r = (text: string): Rational => parseDecimal(text)!;
const iv = (low: string | null, high: string | null): Interval => ({
  low: low === null ? null : r(low),
  high: high === null ? null : r(high),
});
const show = (x: Interval | undefined) =>
  x === undefined ? "undefined" : `[${x.low ? formatRational(x.low) : "-∞"}, ${x.high ? formatRational(x.high) : "+∞"}]`;

describe("interval arithmetic", () => {
  it("adds and subtracts, keeping unbounded ends unbounded", () => {
    expect(show(addIntervals(iv("1", "2"), iv("10", "20")))).toBe("[11, 22]");
    expect(show(subtractIntervals(iv("10", "20"), iv("1", "2")))).toBe("[8, 19]");
    expect(show(addIntervals(iv("100", null), iv("5", "5")))).toBe("[105, +∞]");
    expect(show(subtractIntervals(iv("5", "5"), iv("100", null)))).toBe("[-∞, -95]");
    expect(show(negateInterval(iv("-1", "3")))).toBe("[-3, 1]");
  });

  it("multiplies across signs", () => {
    expect(show(multiplyIntervals(iv("2", "3"), iv("4", "5")))).toBe("[8, 15]");
    expect(show(multiplyIntervals(iv("-2", "3"), iv("4", "5")))).toBe("[-10, 15]");
    expect(show(multiplyIntervals(iv("-2", "-1"), iv("-3", "4")))).toBe("[-8, 6]");
    expect(show(multiplyIntervals(iv("0", "0"), iv("1", null)))).toBe("[0, 0]");
    expect(show(multiplyIntervals(iv("1", "2"), iv("3", null)))).toBe("[3, +∞]");
  });

  it("divides, and refuses only an exactly zero divisor", () => {
    expect(show(divideIntervals(iv("1", "2"), iv("4", "5")))).toBe("[0.2, 0.5]");
    expect(show(divideIntervals(iv("1", "2"), iv("-5", "-4")))).toBe("[-0.5, -0.2]");
    expect(show(divideIntervals(iv("1", "2"), iv("0", "0")))).toBe("undefined");
    expect(show(divideIntervals(iv("1", "2"), iv("-1", "1")))).toBe("[-∞, +∞]");
    expect(show(divideIntervals(iv("1", "2"), iv("0", "4")))).toBe("[0.25, +∞]");
    expect(show(divideIntervals(iv("1", "2"), iv("-4", "0")))).toBe("[-∞, -0.25]");
    expect(show(divideIntervals(iv("1", "2"), iv("4", null)))).toBe("[0, 0.5]");
  });

  it("tests membership and overlap with closed ends", () => {
    expect(intervalContains(iv("1", "2"), r("2"))).toBe(true);
    expect(intervalContains(iv("1", "2"), r("2.0001"))).toBe(false);
    expect(intervalContains(iv(null, "2"), r("-1000000"))).toBe(true);
    expect(intervalsIntersect(iv("1", "2"), iv("2", "3"))).toBe(true);
    expect(intervalsIntersect(iv("1", "2"), iv("2.01", null))).toBe(false);
    expect(intervalsIntersect(iv(null, null), iv("5", "5"))).toBe(true);
  });
});
