import { LineIndex } from "@govreport/core";
import { describe, expect, it } from "vitest";
import { cursorContext } from "./yaml-context.js";

/** The text with `‸` marking the cursor. */
function contextAt(marked: string) {
  const offset = marked.indexOf("‸");
  const text = marked.slice(0, offset) + marked.slice(offset + 1);
  return cursorContext(new LineIndex(text), offset);
}

describe("cursorContext", () => {
  it("finds the object of a key being typed at the top level and under meta", () => {
    expect(contextAt("format: 1\npro‸")).toMatchObject({ kind: "key", path: [], word: "pro", siblings: ["format"] });
    const meta = contextAt("meta:\n  title: x\n  ye‸\n  date: y\n");
    expect(meta).toMatchObject({ kind: "key", path: ["meta"], word: "ye" });
    expect(meta.kind === "key" && [...meta.siblings].sort()).toEqual(["date", "title"]);
  });

  it("walks list items and nested keys", () => {
    const text = ["sections:", "  - title: a", "    points:", "      - lead: x", "        te‸"].join("\n");
    expect(contextAt(text)).toMatchObject({ kind: "key", path: ["sections", "*", "points", "*"], word: "te", siblings: ["lead"] });
  });

  it("treats a new list item as a new object with no siblings above it", () => {
    const text = ["sections:", "  - title: a", "    covers: measures", "  - ti‸"].join("\n");
    expect(contextAt(text)).toMatchObject({ kind: "key", path: ["sections", "*"], word: "ti", siblings: [] });
  });

  it("reads lists written without indentation", () => {
    expect(contextAt("checks:\n- a.b = ‸")).toMatchObject({ kind: "value", path: ["checks", "*"], value: "a.b = " });
  });

  it("gives the key of a value being typed, also when the value is still empty", () => {
    expect(contextAt("sections:\n  - title: a\n    covers: ‸")).toMatchObject({ kind: "value", path: ["sections", "*", "covers"], value: "" });
    expect(contextAt("sections:\n  - covers: [measures, pl‸")).toMatchObject({ kind: "value", path: ["sections", "*", "covers"], value: "[measures, pl" });
    expect(contextAt("figures:\n  a.b: 16‸")).toMatchObject({ kind: "value", path: ["figures", "a.b"], value: "16" });
    expect(contextAt("figures:\n  a.b: { value: 16‸")).toMatchObject({ kind: "value", path: ["figures", "a.b"] });
  });

  it("recognises a plain list item under a key", () => {
    expect(contextAt("checks:\n  - review.total = rev‸")).toMatchObject({ kind: "value", path: ["checks", "*"], value: "review.total = rev" });
    expect(contextAt("sections:\n  - covers:\n      - mea‸")).toMatchObject({ kind: "key", path: ["sections", "*", "covers", "*"], word: "mea" });
  });

  it("knows when the cursor is inside multi-line text", () => {
    const text = ["sections:", "  - title: a", "    text: >-", "      全年办理 {lit‸"].join("\n");
    expect(contextAt(text)).toEqual({ kind: "text", path: ["sections", "*", "text"] });
    const second = ["preamble: |", "  第一段：", "  第二段 ‸"].join("\n");
    expect(contextAt(second)).toEqual({ kind: "text", path: ["preamble"] });
  });

  it("does not mistake a sibling after a block text for text", () => {
    const text = ["sections:", "  - title: a", "    text: >-", "      全年办理。", "    cov‸"].join("\n");
    const context = contextAt(text);
    expect(context).toMatchObject({ kind: "key", path: ["sections", "*"], word: "cov" });
    expect(context.kind === "key" && [...context.siblings].sort()).toEqual(["text", "title"]);
  });

  it("skips comments and blank lines", () => {
    const text = ["meta:", "  # the header", "", "  iss‸"].join("\n");
    expect(contextAt(text)).toMatchObject({ kind: "key", path: ["meta"], word: "iss" });
  });
});
