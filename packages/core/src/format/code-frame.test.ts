import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { displayWidth } from "./code-frame.js";

/** The width by code points, one at a time: wide East Asian characters 2, a tab 4, anything else 1. */
function widthByCodePoints(text: string): number {
  let width = 0;
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    const wide = (code >= 0x2e80 && code <= 0xa4cf) || (code >= 0xff00 && code <= 0xff60) || (code >= 0x20000 && code <= 0x3fffd);
    width += wide ? 2 : code === 9 ? 4 : 1;
  }
  return width;
}

describe("displayWidth", () => {
  it("counts a surrogate pair as one character and a lone surrogate as a narrow one", () => {
    expect(displayWidth("𠀀")).toBe(2);
    expect(displayWidth("😀")).toBe(1);
    expect(displayWidth("\ud800a")).toBe(2);
    expect(displayWidth("a\udc00")).toBe(2);
    expect(displayWidth("年\t1")).toBe(7);
  });

  it("agrees with a reading by code points", () => {
    const piece = fc.constantFrom("a", "1", "法", "，", "\t", "𠀀", "😀", "\ud800", "\udc00", " ", "Ａ");
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }), (pieces) => {
        const text = pieces.join("");
        expect(displayWidth(text)).toBe(widthByCodePoints(text));
      }),
      { numRuns: 1000 },
    );
  });
});
