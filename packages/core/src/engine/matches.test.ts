import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { matchesBeforeAnchors, matchesOf } from "./matches.js";

/** What `matchesOf` must equal: matchAll's matches, by place, text and groups. */
function viaMatchAll(pattern: RegExp, text: string) {
  return [...text.matchAll(pattern)].map((match) => ({ index: match.index, groups: [...match] }));
}

function viaMatchesOf(pattern: RegExp, text: string) {
  return matchesOf(pattern, text).map((match) => ({ index: match.index, groups: [...match] }));
}

describe("matchesOf", () => {
  const cases: Array<[RegExp, string]> = [
    [/今年|本年(?!度)|去年|上年(?!度)|明年/g, "今年和本年度，去年与上年、上年度，明年"],
    [/\{([^{}\s]{1,100})\}/g, "受理{a.b}件，{ x }，{}，{c}{d}"],
    [/x*/g, "axxbx"],
    [/(?:)/gu, "a😀b"],
    [/\d+/g, ""],
    [/[\u4e00-\u9fff]{2,8}(?:、[\u4e00-\u9fff]{2,8}){3,}/g, "职能科学、权责法定、执法严明、公开公正、智能高效、廉洁诚信、人民满意"],
  ];
  it.each(cases)("finds what matchAll finds for %s", (pattern, text) => {
    expect(viaMatchesOf(pattern, text)).toEqual(viaMatchAll(pattern, text));
    expect(pattern.lastIndex).toBe(0);
  });

  it("can be called again on the same pattern from where it left off", () => {
    const pattern = /a/g;
    expect(matchesOf(pattern, "aaa")).toHaveLength(3);
    expect(matchesOf(pattern, "ba")).toHaveLength(1);
  });
});

describe("matchesBeforeAnchors", () => {
  /** Lists of two-to-eight-character items joined by 、, as the official-formulation rule looks for them. */
  const list = "[\\u4e00-\\u9fff]{2,8}(?:、[\\u4e00-\\u9fff]{2,8}){3,}";
  const sticky = new RegExp(list, "y");
  const global = new RegExp(list, "g");
  const expected = (text: string) => [...text.matchAll(global)].map((match) => [match.index, match[0]]);
  const actual = (text: string) => matchesBeforeAnchors(sticky, text, "、", 2, 8).map((match) => [match.index, match[0]]);

  it("finds the lists a global search finds", () => {
    const text = "坚持职能科学、权责法定、执法严明、公开公正、智能高效、廉洁诚信、人民满意，做到一、二、三、四、五，和甲、乙；深入学习贯彻法治思想、依法行政、政务公开、基层治理";
    expect(actual(text)).toEqual(expected(text));
    expect(actual(text).length).toBeGreaterThan(0);
  });

  it("agrees with a global search on any text of items and separators", () => {
    // Lengths drawn evenly, so that items as long as the longest first item (eight) and longer come up often.
    const item = fc
      .integer({ min: 0, max: 10 })
      .chain((length) => fc.array(fc.constantFrom("法", "治", "一", "鿿", "法", "治", "一", "鿿", "㐀"), { minLength: length, maxLength: length }))
      .map((chars) => chars.join(""));
    const separator = fc.constantFrom("、", "、", "、", "、", "、", "、、", "，", "a", "");
    const text = fc
      .integer({ min: 0, max: 14 })
      .chain((count) => fc.array(fc.tuple(item, separator), { minLength: count, maxLength: count }))
      .map((parts) => parts.map(([a, b]) => a + b).join(""));
    fc.assert(
      fc.property(text, (value) => {
        expect(actual(value)).toEqual(expected(value));
      }),
      { numRuns: 3000 },
    );
  });
});

describe("patterns that would search for ever", () => {
  it("are refused, as matchAll refuses a pattern without g", () => {
    expect(() => matchesOf(/a/, "aaa")).toThrow(TypeError);
    expect(() => matchesBeforeAnchors(/a、/g, "a、", "、", 1, 1)).toThrow(TypeError);
    expect(() => matchesBeforeAnchors(/a/y, "abc", "", 1, 1)).toThrow(TypeError);
    expect(() => matchesBeforeAnchors(/a/y, "abc", "b", 0, 1)).toThrow(TypeError);
  });
});

describe("empty matches", () => {
  it("step over a whole character with the v flag too", () => {
    expect(matchesOf(new RegExp("(?:)", "gv"), "😀a").map((match) => match.index)).toEqual([0, 2, 3]);
  });
});
