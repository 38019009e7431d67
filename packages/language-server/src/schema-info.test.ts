import { describe, expect, it } from "vitest";
import { describedIn, reportSchemaIndex } from "./schema-info.js";

describe("SchemaIndex over the report JSON Schema", () => {
  const schema = reportSchemaIndex();

  it("lists the keys of the top level, of a section (through its $ref) and of a point", () => {
    expect(schema.properties([]).map((p) => p.name)).toEqual(expect.arrayContaining(["format", "profile", "previous", "meta", "sections", "figures", "checks"]));
    const section = schema.properties(["sections", "*"]).map((p) => p.name);
    expect(section).toEqual(expect.arrayContaining(["title", "number", "covers", "text", "points", "layout", "sections"]));
    // Subsections are the same recursive definition.
    expect(schema.properties(["sections", 0, "sections", "*"]).map((p) => p.name)).toEqual(section);
    expect(schema.properties(["sections", "*", "points", "*"]).map((p) => p.name).sort()).toEqual(["covers", "lead", "text"]);
  });

  it("marks required keys", () => {
    const meta = schema.properties(["meta"]);
    expect(meta.filter((p) => p.required).map((p) => p.name).sort()).toEqual(["date", "issuer", "recipient", "title", "year"]);
  });

  it("reaches a figure entry's object form through the record", () => {
    expect(schema.properties(["figures", "litigation.cases"]).map((p) => p.name).sort()).toEqual(["label", "note", "value"]);
    expect(schema.description(["figures", "litigation.cases", "label"])).toContain("数据项名称");
  });

  it("gives descriptions, enum and const values", () => {
    expect(schema.description(["meta", "year"])).toBe("报告所述年度 — the year reported on");
    expect(schema.literalValues(["sections", "*", "layout"])).toEqual(["paragraphs", "run-in"]);
    expect(schema.literalValues(["format"])).toEqual([1]);
    expect(schema.literalValues(["meta", "title"])).toEqual([]);
  });

  it("returns nothing for paths the format does not have", () => {
    expect(schema.properties(["nonsense", "deeper"])).toEqual([]);
    expect(schema.description(["meta", "colour"])).toBeUndefined();
  });

  it("picks one half of a bilingual description", () => {
    expect(describedIn("报告所述年度 — the year reported on", "zh")).toBe("报告所述年度");
    expect(describedIn("报告所述年度 — the year reported on", "en")).toBe("the year reported on");
    expect(describedIn("plain", "en")).toBe("plain");
  });
});
