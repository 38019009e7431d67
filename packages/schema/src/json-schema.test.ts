import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { profileJsonSchema, reportJsonSchema } from "./json-schema.js";

/** The JSON Schemas are committed so that tools without zod can use them; they must match the zod model. */
describe("committed JSON Schema", () => {
  for (const [file, generate] of [["report.schema.json", reportJsonSchema], ["profile.schema.json", profileJsonSchema]] as const) {
    it(`${file} is up to date (regenerate with: pnpm --filter @govreport/schema generate)`, () => {
      const committed = JSON.parse(readFileSync(path.join(__dirname, "..", "schema", file), "utf8"));
      expect(committed).toEqual(JSON.parse(JSON.stringify(generate())));
    });
  }

  it("carries the field descriptions drafters see in hover", () => {
    const schema = reportJsonSchema() as { properties: Record<string, { description?: string }> };
    expect(schema.properties.meta?.description).toContain("报告的基本信息");
    expect(schema.properties.figures?.description).toContain("数据项");
  });
});
