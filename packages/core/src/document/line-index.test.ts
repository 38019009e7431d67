import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { LineIndex } from "./line-index.js";

/** Where lines start, read one character at a time: \n, \r\n and a lone \r each end a line. */
function lineStartsOf(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    if (text[i] === "\r" && text[i + 1] === "\n") i++;
    if (text[i] === "\n" || text[i] === "\r") starts.push(i + 1);
  }
  return starts;
}

describe("LineIndex", () => {
  it("finds the same lines with any mix of line ends, and maps every offset to its line", () => {
    const text = fc.array(fc.constantFrom("a", "法", "\n", "\r\n", "\r", " "), { maxLength: 40 }).map((parts) => parts.join(""));
    fc.assert(
      fc.property(text, (source) => {
        const index = new LineIndex(source);
        const starts = lineStartsOf(source);
        expect(index.lineCount).toBe(starts.length);
        starts.forEach((start, line) => expect(index.lineStart(line)).toBe(start));
        for (let offset = 0; offset <= source.length; offset++) {
          let line = 0;
          while (line + 1 < starts.length && starts[line + 1]! <= offset) line++;
          expect(index.positionAt(offset)).toEqual({ line, character: offset - starts[line]! });
        }
      }),
      { numRuns: 1000 },
    );
  });

  it("gives each line's text without its line end", () => {
    const text = fc.array(fc.constantFrom("a", "法", "\n", "\r\n", "\r", "\r\r", " "), { maxLength: 40 }).map((parts) => parts.join(""));
    fc.assert(
      fc.property(text, (source) => {
        const index = new LineIndex(source);
        const lines = source.split(/\r\n|\r|\n/);
        expect(index.lineCount).toBe(lines.length);
        lines.forEach((line, number) => expect(index.lineText(number)).toBe(line));
      }),
      { numRuns: 1000 },
    );
  });
});
