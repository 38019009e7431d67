import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { check } from "../engine/check.js";

/**
 * The rule reads the characters on either side of each run of spaces. What it must find is stated here as the two
 * patterns that define it — a space between a digit and Chinese text, and a space between Chinese text and a figure
 * whose value starts or ends with a digit — and compared on generated paragraphs.
 */
const BESIDE_DIGIT = /(?<=[0-9%])[ \u3000\u00a0]+(?=[\u3400-\u9fff（“《])|(?<=[\u3400-\u9fff）”》])[ \u3000\u00a0]+(?=[0-9])/g;
const BESIDE_FIGURE = /(?<=[\u3400-\u9fff）”》])[ \u3000\u00a0]+(?=\{([^{}\s]+)\})|(?<=\{([^{}\s]+)\})[ \u3000\u00a0]+(?=[\u3400-\u9fff（“《])/g;

const FIGURES: Record<string, string> = { a: "16 件", b: "100%", c: "约5件", "d.e": "3" };

function expectedSpans(text: string): Array<[number, number]> {
  const spans: Array<[number, number]> = [...text.matchAll(BESIDE_DIGIT)].map((m) => [m.index, m.index + m[0].length]);
  for (const m of text.matchAll(BESIDE_FIGURE)) {
    const value = FIGURES[m[1] ?? m[2] ?? ""] ?? "";
    if (m[1] !== undefined ? /^[0-9]/.test(value) : /[0-9%]$/.test(value)) spans.push([m.index, m.index + m[0].length]);
  }
  return spans.sort((x, y) => x[0] - y[0]);
}

/** What the rule reports on a paragraph, and the same for the spans expected, both as source ranges. */
function reportedAndExpected(text: string): { reported: string[]; expected: string[] } {
  const report = {
    format: 1,
    profile: "fazhi-annual",
    meta: { issuer: "东城县人民政府", recipient: "市人民政府", title: "关于2021年度法治政府建设工作情况的报告", year: 2021, date: "2022-01-28" },
    sections: [{ title: "工作情况", text }],
    figures: FIGURES,
  };
  const result = check(JSON.stringify(report), { fileName: "test.report.json", onlyRules: ["digit-cjk-space"] });
  const path = ["sections", 0, "text"];
  const reported = result.diagnostics
    .filter((d) => d.code === "digit-cjk-space" && JSON.stringify(d.path) === JSON.stringify(path))
    .map((d) => `${d.range.start}-${d.range.end}`);
  const expected = expectedSpans(text).map(([start, end]) => result.source.rangeInString(path, start, end)).map((r) => `${r.start}-${r.end}`);
  return { reported, expected };
}

describe("digit-cjk-space", () => {
  it("reports the spaces its defining patterns match, and only those", () => {
    const piece = fc.constantFrom(" ", " ", "\u3000", "\u00a0", "\t", "1", "9", "%", "件", "年", "㐀", "（", "）", "“", "”", "《", "》", "{a}", "{b}", "{c}", "{d.e}", "{x}", "{", "}", "a", "，");
    const text = fc.array(piece, { minLength: 1, maxLength: 24 }).map((pieces) => pieces.join(""));
    fc.assert(
      fc.property(text, (value) => {
        const { reported, expected } = reportedAndExpected(value);
        expect(reported).toEqual(expected);
      }),
      { numRuns: 400 },
    );
  });

  it("finds spaces on both sides of numbers and next to figures that print digits there", () => {
    const text = "全年 16 件，达 {b} （其中 {a}），{c} 件";
    // 约5件 ends with 件, so the space after {c} is between Chinese text on both sides once printed.
    expect(expectedSpans(text).map(([start, end]) => text.slice(start - 1, end + 1))).toEqual(["年 1", "6 件", "达 {", "} （", "中 {"]);
    const { reported, expected } = reportedAndExpected(text);
    expect(reported).toEqual(expected);
  });
});
