/**
 * Property tests: the laws the quantity engine must keep for every input, not just the examples.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { evaluateRelation, type FigureLookup } from "./evaluate.js";
import {
  addIntervals,
  divideIntervals,
  type Interval,
  intervalContains,
  multiplyIntervals,
  subtractIntervals,
} from "./interval.js";
import { parseQuantity, type Quantity } from "./parse.js";
import { scanProse } from "./prose.js";
import {
  addRational,
  compareRational,
  divideRational,
  formatRational,
  integerRational,
  multiplyRational,
  type Rational,
  rational,
  roundRational,
  subtractRational,
} from "./rational.js";
import { parseRelation } from "./relation.js";

function parsed(text: string): Quantity {
  const result = parseQuantity(text);
  if (!result.ok) throw new Error(`${text}: ${result.message.en}`);
  return result.quantity;
}

function contains(quantity: Quantity, x: Rational): boolean {
  return intervalContains(quantity, x);
}

/** Writes a rational with exactly `places` decimals, rounding halves away from zero. */
function fixed(value: Rational, places: number): string {
  const text = formatRational(roundRational(value, places), places);
  if (places === 0) return text;
  const [whole, fraction = ""] = text.split(".");
  return `${whole}.${fraction.padEnd(places, "0")}`;
}

const smallRational = fc
  .tuple(fc.bigInt({ min: -1_000_000n, max: 1_000_000n }), fc.bigInt({ min: 1n, max: 1000n }))
  .map(([n, d]) => rational(n, d)!);

const interval = fc
  .tuple(smallRational, smallRational)
  .map(([a, b]): Interval => (compareRational(a, b) <= 0 ? { low: a, high: b } : { low: b, high: a }));

/** A member of an interval: low + λ·(high − low) for λ in [0, 1]. */
function member(i: Interval, lambda: Rational): Rational {
  return addRational(i.low!, multiplyRational(lambda, subtractRational(i.high!, i.low!)));
}

const unitFraction = fc.tuple(fc.integer({ min: 0, max: 100 })).map(([k]) => rational(BigInt(k), 100n)!);

describe("interval arithmetic contains every result of its members", () => {
  it("for +, −, × and ÷", () => {
    fc.assert(
      fc.property(interval, interval, unitFraction, unitFraction, (a, b, la, lb) => {
        const x = member(a, la);
        const y = member(b, lb);
        expect(intervalContains(addIntervals(a, b), addRational(x, y))).toBe(true);
        expect(intervalContains(subtractIntervals(a, b), subtractRational(x, y))).toBe(true);
        expect(intervalContains(multiplyIntervals(a, b), multiplyRational(x, y))).toBe(true);
        const quotient = divideRational(x, y);
        const intervalQuotient = divideIntervals(a, b);
        if (quotient && intervalQuotient) expect(intervalContains(intervalQuotient, quotient)).toBe(true);
      }),
    );
  });
});

describe("a written figure contains what it was written from", () => {
  const units = ["件", "元", "%", "人次", "平方公里"] as const;

  it("decimals rounded to their last digit", () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 0n, max: 10n ** 12n }),
        fc.integer({ min: 2, max: 6 }),
        fc.integer({ min: 1, max: 3 }),
        fc.constantFrom(...units),
        (numerator, shift, places, unit) => {
          const truth = rational(numerator, 10n ** BigInt(shift))!;
          const quantity = parsed(`${fixed(truth, places)}${unit}`);
          const factor = unit === "%" ? rational(1n, 100n)! : unit === "平方公里" ? integerRational(1_000_000) : integerRational(1);
          expect(contains(quantity, multiplyRational(truth, factor))).toBe(true);
        },
      ),
    );
  });

  it("amounts with 万 and 亿", () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 1n, max: 10n ** 13n }),
        fc.constantFrom(["万", 10_000n] as const, ["亿", 100_000_000n] as const),
        fc.integer({ min: 0, max: 4 }),
        (yuan, [word, scale], places) => {
          const truth = integerRational(yuan);
          const written = `${fixed(rational(yuan, scale)!, places)}${word}元`;
          expect(contains(parsed(written), truth)).toBe(true);
        },
      ),
    );
  });

  it("X余 starts at X, excludes X − 1, and reaches past X", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000_000 }), fc.constantFrom("余", "多"), (x, word) => {
        const quantity = parsed(`${x}${word}件`);
        expect(compareRational(quantity.low, integerRational(x))).toBe(0);
        expect(contains(quantity, integerRational(x - 1))).toBe(false);
        expect(compareRational(quantity.high!, integerRational(x))).toBe(1);
      }),
    );
  });

  it("ranges are ordered, and a reversed range is refused", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100_000 }), fc.integer({ min: 0, max: 100_000 }), fc.constantFrom("—", "-", "至", "~"), (a, b, sep) => {
        const [low, high] = a <= b ? [a, b] : [b, a];
        const quantity = parsed(`${low}${sep}${high}件`);
        expect(compareRational(quantity.low, quantity.high!)).toBeLessThanOrEqual(0);
        expect(compareRational(quantity.low, integerRational(low))).toBe(0);
        expect(compareRational(quantity.high!, integerRational(high))).toBe(0);
        if (low < high) expect(parseQuantity(`${high}${sep}${low}件`).ok).toBe(false);
      }),
    );
  });
});

/** Standard Chinese numerals, written independently of the parser: 10005 → 一万零五, 15 → 十五. */
function toChinese(n: number): string {
  const digits = "零一二三四五六七八九";
  const places = ["", "十", "百", "千"];
  const section = (value: number, leading: boolean): string => {
    let out = "";
    let zero = false;
    for (let place = 3; place >= 0; place--) {
      const d = Math.floor(value / 10 ** place) % 10;
      if (d === 0) {
        if (out !== "") zero = true;
        continue;
      }
      if (zero) out += "零";
      zero = false;
      out += d === 1 && place === 1 && out === "" && leading ? "十" : digits[d]! + places[place]!;
    }
    return out;
  };
  if (n === 0) return "零";
  const yi = Math.floor(n / 1e8);
  const wan = Math.floor(n / 1e4) % 1e4;
  const rest = n % 1e4;
  let out = "";
  if (yi) out += `${section(yi, true)}亿`;
  if (wan) {
    if (out && wan < 1000) out += "零";
    out += `${section(wan, out === "")}万`;
  } else if (out && rest) {
    out += "零";
  }
  if (rest) {
    if (wan && rest < 1000) out += "零";
    out += section(rest, out === "");
  }
  return out;
}

describe("Chinese numerals", () => {
  it("the independent writer agrees with known forms", () => {
    expect(toChinese(1571)).toBe("一千五百七十一");
    expect(toChinese(14)).toBe("十四");
    expect(toChinese(10005)).toBe("一万零五");
    expect(toChinese(100000005)).toBe("一亿零五");
    expect(toChinese(115000)).toBe("十一万五千");
  });

  it("read back to the number they write", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 999_999_999_999 }), (n) => {
        const quantity = parsed(`${toChinese(n)}件`);
        expect(formatRational(quantity.nominal)).toBe(String(n));
        expect(contains(quantity, integerRational(n))).toBe(true);
        if (n < 10_000) expect(quantity.qualifier).toBe("exact");
      }),
    );
  });
});

function lookupOf(figures: Record<string, string>): FigureLookup {
  return (id) => (Object.hasOwn(figures, id) ? parseQuantity(figures[id]!) : undefined);
}

function status(source: string, figures: Record<string, string>): string {
  const relation = parseRelation(source);
  if (!relation.ok) throw new Error(relation.message.en);
  return evaluateRelation(relation.relation, lookupOf(figures)).status;
}

describe("checks never raise false alarms and never miss exact contradictions", () => {
  it("an honestly rounded rate agrees with its counts", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000_000 }), fc.integer({ min: 0, max: 1_000_000 }), fc.integer({ min: 0, max: 3 }), (total, raw, places) => {
        const success = raw % (total + 1);
        const rate = rational(BigInt(success) * 100n, BigInt(total))!;
        const written = fixed(rate, places);
        // An integer 0% or 100% is a claim of none or all, so an honest writer only uses it when it is exact.
        const claim = places === 0 && (written === "0" || written === "100");
        fc.pre(!claim || success === 0 || success === total);
        expect(status("r = s / t", { r: `${written}%`, s: `${success}件`, t: `${total}件` })).toBe("holds");
      }),
    );
  });

  it("an exact sum holds, and fails when the total is off by one", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 1_000_000 }), { minLength: 1, maxLength: 6 }), fc.constantFrom(-1, 1), (parts, delta) => {
        const sum = parts.reduce((a, b) => a + b, 0);
        const figures: Record<string, string> = {};
        parts.forEach((value, k) => (figures[`p.x${k}`] = `${value}份`));
        const source = `p.total = ${parts.map((_, k) => `p.x${k}`).join(" + ")}`;
        expect(status(source, { ...figures, "p.total": `${sum}份` })).toBe("holds");
        fc.pre(sum + delta >= 0);
        expect(status(source, { ...figures, "p.total": `${sum + delta}份` })).toBe("fails");
      }),
    );
  });

  it("money in 元 adds up to its total in 万元, to the 元", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100_000_000 }), fc.integer({ min: 0, max: 100_000_000 }), (a, b) => {
        const total = (yuan: number) => `${fixed(rational(BigInt(yuan), 10_000n)!, 4)}万元`;
        const figures = { "m.a": `${a}元`, "m.b": `${b}元` };
        expect(status("m.t = m.a + m.b", { ...figures, "m.t": total(a + b) })).toBe("holds");
        expect(status("m.t = m.a + m.b", { ...figures, "m.t": total(a + b + 1) })).toBe("fails");
      }),
    );
  });

  it("a bound holds for every count under it", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100_000 }), fc.integer({ min: 0, max: 100_000 }), (a, b) => {
        expect(status("a <= b", { a: `${a}人`, b: `${b}人` })).toBe(a <= b ? "holds" : "fails");
        expect(status("a > b", { a: `${a}人`, b: `${b}人` })).toBe(a > b ? "holds" : "fails");
      }),
    );
  });
});

describe("prose", () => {
  const filler = fc
    .array(fc.constantFrom(..."推进法治政府建设工作扎实开展全面加强", "，", "。"), { maxLength: 20 })
    .map((chars) => chars.join(""));

  it("finds a count written after its label, with the label", () => {
    fc.assert(
      fc.property(filler, fc.integer({ min: 0, max: 10_000_000 }), filler, (before, n, after) => {
        const text = `${before}，受理案件${n}件，${after}`;
        const found = scanProse(text).filter((q) => q.text === `${n}件`);
        expect(found).toHaveLength(1);
        expect(found[0]!.label).toBe("受理案件");
        expect(text.slice(found[0]!.start, found[0]!.end)).toBe(`${n}件`);
      }),
    );
  });
});

describe("no input makes the engine throw", () => {
  const alphabet = [..."0123456789０１.,，、。%％‰—-~至余多约近超过以上不足左右万亿千百十一二两三〇零件份人次元个百分点第年月日号（）()“”《》{}.ab其中 \n"];
  const text = fc.array(fc.constantFrom(...alphabet), { maxLength: 40 }).map((chars) => chars.join(""));

  it("parseQuantity, parseRelation and scanProse are total", () => {
    fc.assert(
      fc.property(text, (input) => {
        expect(() => parseQuantity(input)).not.toThrow();
        expect(() => parseRelation(input)).not.toThrow();
        const found = scanProse(input);
        let previousEnd = 0;
        for (const q of found) {
          expect(input.slice(q.start, q.end)).toBe(q.text);
          expect(q.start).toBeGreaterThanOrEqual(previousEnd);
          previousEnd = q.end;
        }
      }),
      { numRuns: 500 },
    );
  });

  it("also on arbitrary Unicode", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), (input) => {
        expect(() => parseQuantity(input)).not.toThrow();
        expect(() => parseRelation(input)).not.toThrow();
        expect(() => scanProse(input)).not.toThrow();
      }),
      { numRuns: 300 },
    );
  });
});
