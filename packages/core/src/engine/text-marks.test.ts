import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { printProse } from "./prose-relations.js";

/**
 * The sentence, item and clause starts and the bracket depth of printed prose, checked against a plain reading of
 * their definitions at every offset: the prose keeps only the positions of the marks and searches them.
 */
const SENTENCE_ENDS = "。！？!?\n\r";
const ITEM_ENDS = `${SENTENCE_ENDS}；;`;
const CLAUSE_ENDS = `${ITEM_ENDS}，：、,:（）()“”《》`;

/** Where the run of text holding `offset` starts: just after the last of `ends` before it. */
function startBefore(text: string, offset: number, ends: string): number {
  for (let i = Math.min(offset, text.length); i > 0; i--) if (ends.includes(text[i - 1]!)) return i;
  return 0;
}

function depthBefore(text: string, offset: number): number {
  let depth = 0;
  for (let i = 0; i < Math.min(offset, text.length); i++) {
    const char = text[i]!;
    if (char === "（" || char === "(") depth++;
    else if ((char === "）" || char === ")") && depth > 0) depth--;
    else if (char === "\n" || char === "\r") depth = 0;
  }
  return depth;
}

describe("printed prose marks", () => {
  const text = fc.array(fc.constantFrom(..."，。；：、！？,;:!?（）()“”《》\n\r其中件1a "), { maxLength: 60 }).map((chars) => chars.join(""));

  it("answer as the definitions do, at every offset and beyond the ends", () => {
    fc.assert(
      fc.property(text, (value) => {
        const prose = printProse({ path: ["sections", 0, "text"], text: value, kind: "section-text" }, new Map());
        for (let offset = -1; offset <= value.length + 1; offset++) {
          const at = Math.max(0, offset);
          expect(prose.sentenceStart(offset)).toBe(startBefore(value, at, SENTENCE_ENDS));
          expect(prose.itemStart(offset)).toBe(startBefore(value, at, ITEM_ENDS));
          expect(prose.clauseStart(offset)).toBe(startBefore(value, at, CLAUSE_ENDS));
          expect(prose.depthAt(offset)).toBe(depthBefore(value, at));
        }
      }),
      { numRuns: 2000 },
    );
  });

  it("reads brackets nested and closed, and a line break ending them all", () => {
    const value = "甲（乙（丙）丁\n戊）己";
    const prose = printProse({ path: ["sections", 0, "text"], text: value, kind: "section-text" }, new Map());
    expect([...value].map((_, i) => prose.depthAt(i + 1))).toEqual([0, 1, 1, 2, 2, 1, 1, 0, 0, 0, 0]);
    expect(prose.sentenceStart(value.indexOf("戊"))).toBe(value.indexOf("戊"));
    expect(prose.clauseStart(value.indexOf("丁"))).toBe(value.indexOf("丁"));
  });
});
