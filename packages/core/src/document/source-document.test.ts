import { describe, expect, it } from "vitest";
import { SourceDocument } from "./source-document.js";

function spanText(doc: SourceDocument, path: (string | number)[], needle: string): string {
  const value = doc.nodeAt(path) as unknown as { value: string };
  const start = value.value.indexOf(needle);
  expect(start, `"${needle}" in value`).toBeGreaterThanOrEqual(0);
  return doc.textOf(doc.rangeInString(path, start, start + needle.length));
}

describe("SourceDocument", () => {
  it("maps data paths to the ranges of keys and values", () => {
    const doc = new SourceDocument("meta:\n  year: 2021\nsections:\n  - title: 一\n  - title: 二\n", "yaml");
    expect(doc.textOf(doc.rangeOf(["meta", "year"]))).toBe("2021");
    expect(doc.textOf(doc.keyRangeOf(["meta", "year"]))).toBe("year");
    expect(doc.textOf(doc.rangeOf(["sections", 1, "title"]))).toBe("二");
  });

  it("falls back to the nearest existing key for a missing path", () => {
    const doc = new SourceDocument("meta:\n  year: 2021\n", "yaml");
    expect(doc.textOf(doc.rangeOf(["meta", "date"]))).toBe("meta");
  });

  it("points at a number inside a folded block scalar, not at the paragraph", () => {
    const text = "text: >-\n  全年办理行政复议案件\n  16件，其中撤回2件。\n";
    const doc = new SourceDocument(text, "yaml");
    expect(spanText(doc, ["text"], "2件")).toBe("2件");
    const range = doc.rangeInString(["text"], 11, 14);
    expect(text.slice(range.start, range.end)).toBe("16件");
  });

  it("maps characters of literal block scalars, quoted strings and escapes", () => {
    const text = 'a: |\n  第一段1件\n  第二段2件\nb: "转义\\t后3件"\nc: \'单引号\'\'4件\'\n';
    const doc = new SourceDocument(text, "yaml");
    expect(spanText(doc, ["a"], "2件")).toBe("2件");
    expect(spanText(doc, ["b"], "3件")).toBe("3件");
    expect(spanText(doc, ["c"], "4件")).toBe("4件");
  });

  it("maps offsets in JSON strings with unicode escapes", () => {
    const text = '{"text": "\\u5168\\u5e7416件"}';
    const doc = new SourceDocument(text, "json");
    expect(spanText(doc, ["text"], "16件")).toBe("16件");
  });

  it("reports duplicate keys and syntax errors with ranges instead of throwing", () => {
    const doc = new SourceDocument("a: 1\na: 2\n", "yaml");
    expect(doc.problems.map((p) => p.code)).toEqual(["syntax-error"]);
    expect(doc.textOf(doc.problems[0]!.range)).toBe("a");
    expect(doc.problems[0]!.message.zh).toContain("重复");
  });

  it("names an unclosed flow list in Chinese instead of blaming the indentation", () => {
    const doc = new SourceDocument("a: [1,\n", "yaml");
    expect(doc.problems[0]?.message.zh).toContain("方括号列表 [ ]没有闭合");
  });

  it("finds no node for a path that is not in the text", () => {
    const doc = new SourceDocument("meta:\n  year: 2021\n", "yaml");
    expect(doc.nodeAt(["meta", "date"])).toBeUndefined();
    expect(doc.nodeAt(["meta", "year"])).toBeDefined();
  });

  it("points at the key of a key without a value, not at an empty range", () => {
    const doc = new SourceDocument("figures:\nmeta:\n  year: 2021\n", "yaml");
    expect(doc.pairAt(["figures"])).toBeDefined();
    expect(doc.textOf(doc.rangeOf(["figures"]))).toBe("figures");
  });
});
