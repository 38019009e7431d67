import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { normalizeHeading } from "./requirements.js";

/** What normalizeHeading must always give: the heading without Unicode spaces, punctuation and symbols. */
const withoutPunctuation = (text: string) => text.replace(/[\s\p{P}\p{S}]/gu, "");

describe("normalizeHeading", () => {
  it("drops spaces and punctuation, Chinese and ASCII alike", () => {
    expect(normalizeHeading("二、存在的问题和困难")).toBe("二存在的问题和困难");
    expect(normalizeHeading("科学谋划“十四五”期间法治政府建设规划。")).toBe("科学谋划十四五期间法治政府建设规划");
    expect(normalizeHeading("2022 年度（一）主要安排: done!")).toBe("2022年度一主要安排done");
  });

  it("treats every character of the Basic Multilingual Plane as the Unicode classes do", () => {
    const differing: string[] = [];
    for (let code = 0; code <= 0xffff; code++) {
      const text = `甲${String.fromCharCode(code)}乙`;
      if (normalizeHeading(text) !== withoutPunctuation(text)) differing.push(code.toString(16));
    }
    expect(differing).toEqual([]);
  });

  it("gives what the Unicode classes give, whatever the characters, common or not", () => {
    const common = [..."一二法治年度2022abcXYZ ，。、：；（）“”‘’《》〈〉【】〔〕！？…—·,.:;()!?'\"-\t\n"];
    const rare = [..."＋＝％＄￥①Ⅱ※§☆→〜～＿｜＠＃ｱ０Ａ\u3000\u00a0😀𠀀"];
    const heading = fc.array(fc.constantFrom(...common, ...rare), { maxLength: 24 }).map((chars) => chars.join(""));
    const commonOnly = fc.array(fc.constantFrom(...common), { maxLength: 24 }).map((chars) => chars.join(""));
    fc.assert(fc.property(fc.oneof(heading, commonOnly, fc.string({ unit: "grapheme" })), (text) => normalizeHeading(text) === withoutPunctuation(text)), { numRuns: 5000 });
  });
});
