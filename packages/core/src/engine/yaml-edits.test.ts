import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { SourceDocument } from "../document/source-document.js";
import { applyEdits } from "./fixes.js";
import { addFigureEdit, yamlString } from "./yaml-edits.js";

function addFigure(text: string, language: "yaml" | "json" = "yaml"): unknown {
  const edit = addFigureEdit(new SourceDocument(text, language), "cases.new_1", "3件", "案件");
  expect(edit).toBeDefined();
  return (parse(applyEdits(text, [edit!]).text) as { figures: unknown }).figures;
}

describe("addFigureEdit", () => {
  const added = { "cases.new_1": { value: "3件", label: "案件" } };

  it("appends to a block mapping at its indentation", () => {
    expect(addFigure("meta: {}\nfigures:\n  a: 1件\n# end\n")).toEqual({ a: "1件", ...added });
  });

  it("fills an empty figures key and starts a missing one", () => {
    expect(addFigure("figures:\nmeta: {}\n")).toEqual(added);
    expect(addFigure("meta: {}\n")).toEqual(added);
  });

  it("adds to flow mappings and JSON", () => {
    expect(addFigure('{"figures": {"a": "1件"}}', "json")).toEqual({ a: "1件", ...added });
    expect(addFigure("figures: { a: 1件 }\n")).toEqual({ a: "1件", ...added });
  });
});

describe("yamlString", () => {
  it("quotes what would not read back as the same string", () => {
    for (const text of ["105份", "2021", "true", "a: b", "- x", "{x}", "结尾空格 ", "市政府"]) {
      expect(parse(`k: ${yamlString(text)}`)).toEqual({ k: text });
      expect(parse(`k: { v: ${yamlString(text)} }`)).toEqual({ k: { v: text } });
    }
  });
});
