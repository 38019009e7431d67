import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import fc from "fast-check";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { reportJsonSchema } from "./json-schema.js";
import { isValidReportData } from "./lite.js";
import { ReportData } from "./report.js";

const require = createRequire(import.meta.url);
const { reportValidatorSource } = require("../scripts/report-validator-source.cjs") as { reportValidatorSource: (schema: unknown) => string };

const PACKAGE = path.join(__dirname, "..");
const EXAMPLES = path.join(PACKAGE, "..", "..", "examples");
const example = parse(readFileSync(path.join(EXAMPLES, "xiqu-2021", "report.yaml"), "utf8")) as Record<string, unknown>;
const broken = parse(readFileSync(path.join(EXAMPLES, "xiqu-2021-broken", "report.yaml"), "utf8")) as unknown;

const zodAccepts = (value: unknown) => ReportData.safeParse(value).success;

/**
 * Values of every kind a YAML or JSON parse can give (YAML's `!!omap`, `!!set` and `!!timestamp` give a Map, a Set
 * and a Date), objects that are not plain, and the edge cases of the types the schema uses.
 */
const REPLACEMENTS: unknown[] = [
  null, true, 0, -1, 1.5, 1949, 2200, 2201, 2 ** 53, Number.NaN, Number.POSITIVE_INFINITY,
  "", "x", "2022-02-30", "2024-02-29", "Cases", "a.b", [], [""], {}, { value: "" }, { value: "1件" },
  new Map([["a", "1件"]]), new Set(["a"]), new Date(0), new (class Figures {})(), Object.create(null),
  Object.assign(Object.create(null), { value: "1件" }), { [Symbol("figure")]: "1件" },
];

/** Every path into a value, as key lists. */
function pathsOf(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  const paths = [prefix];
  if (Array.isArray(value)) value.forEach((item, index) => paths.push(...pathsOf(item, [...prefix, index])));
  else if (value !== null && typeof value === "object") for (const [key, item] of Object.entries(value)) paths.push(...pathsOf(item, [...prefix, key]));
  return paths;
}

/** A copy of `value` with what is at `at` replaced, or removed when `replacement` is `REMOVE`. */
const REMOVE = Symbol("remove");
function changedAt(value: unknown, at: readonly (string | number)[], replacement: unknown): unknown {
  if (at.length === 0) return replacement;
  const [head, ...rest] = at as [string | number, ...(string | number)[]];
  if (Array.isArray(value)) {
    const copy = value.slice();
    if (rest.length === 0 && replacement === REMOVE) copy.splice(head as number, 1);
    else copy[head as number] = changedAt(value[head as number], rest, replacement);
    return copy;
  }
  const copy = { ...(value as Record<string, unknown>) };
  if (rest.length === 0 && replacement === REMOVE) delete copy[head];
  else copy[head] = changedAt(copy[head], rest, replacement);
  return copy;
}

/** The example with one thing changed, in every way REPLACEMENTS allows, plus a stray key in every object. */
function mutationsOfExample(): unknown[] {
  const mutations: unknown[] = [];
  for (const at of pathsOf(example)) {
    if (at.length > 0) mutations.push(changedAt(example, at, REMOVE));
    for (const replacement of REPLACEMENTS) mutations.push(changedAt(example, at, replacement));
  }
  for (const at of pathsOf(example)) {
    const target = at.reduce<unknown>((value, key) => (value as Record<string | number, unknown>)[key], example);
    if (target !== null && typeof target === "object" && !Array.isArray(target)) mutations.push(changedAt(example, [...at, "titel"], "x"));
  }
  return mutations;
}

describe("isValidReportData", () => {
  it("accepts the example, and what zod makes of it is the example itself", () => {
    expect(isValidReportData(example)).toBe(true);
    expect(ReportData.parse(example)).toEqual(example);
  });

  it("accepts the broken example, as zod does: its faults are in what the figures say, which no schema judges", () => {
    expect(zodAccepts(broken)).toBe(true);
    expect(isValidReportData(broken)).toBe(true);
  });

  it("agrees with ReportData on every single change to the example", () => {
    const mutations = mutationsOfExample();
    expect(mutations.length).toBeGreaterThan(5000);
    const disagreements = mutations.filter((value) => isValidReportData(value) !== zodAccepts(value));
    expect(disagreements).toEqual([]);
    // Both answers occur, so the agreement is not that of two functions that always say no.
    expect(mutations.filter((value) => isValidReportData(value)).length).toBeGreaterThan(100);
    expect(mutations.filter((value) => !isValidReportData(value)).length).toBeGreaterThan(1000);
  });

  it("never accepts anything zod refuses: the example with any value at any place, or a place removed", () => {
    const anyValue = fc.anything({ withMap: true, withSet: true, withDate: true, withTypedArray: true, withNullPrototype: true, withObjectString: true, withBoxedValues: true, withSparseArray: true, withBigInt: true });
    const paths = pathsOf(example);
    const changed = fc
      .tuple(fc.constantFrom(...paths), anyValue, fc.boolean())
      .map(([at, replacement, remove]) => changedAt(example, at, remove && at.length > 0 ? REMOVE : replacement));
    let accepted = 0;
    fc.assert(
      fc.property(changed, (value) => {
        const valid = isValidReportData(value);
        if (valid) accepted++;
        return !valid || zodAccepts(value);
      }),
      { numRuns: 3000 },
    );
    // Some changes keep the report valid, so the property is not held by a validator that never says yes.
    expect(accepted).toBeGreaterThan(100);
  });

  it("says no, rather than throw, to data deeper than the stack: sections inside themselves", () => {
    const sections: unknown[] = [];
    sections.push({ title: "a", sections });
    expect(isValidReportData({ ...example, sections })).toBe(false);
  });

  it("checks what JSON Schema cannot say: that the date exists", () => {
    const withDate = (date: string) => ({ ...example, meta: { ...(example.meta as object), date } });
    expect(isValidReportData(withDate("2024-02-29"))).toBe(true);
    expect(isValidReportData(withDate("2023-02-29"))).toBe(false);
  });
});

/**
 * isValidReportData is ajv's code for the JSON Schema plus the checks listed in lite.ts. These hold the two to the zod
 * model: a refinement JSON Schema drops, or a keyword whose meaning differs between ajv and zod, would let it accept
 * what zod refuses.
 */
describe("the report validator's parts", () => {
  it("the committed code is generated from the current JSON Schema (regenerate with: pnpm --filter @govreport/schema generate)", () => {
    const committed = readFileSync(path.join(__dirname, "report-validator.generated.ts"), "utf8");
    expect(committed).toBe(reportValidatorSource(reportJsonSchema()));
  });

  it("the zod model's own checks and records are the ones lite.ts checks itself: the date, and figures as a plain object", () => {
    const custom: string[] = [];
    const records: string[] = [];
    const seen = new Set<unknown>();
    const walk = (schema: z.core.$ZodType, at: string) => {
      if (seen.has(schema)) return;
      seen.add(schema);
      const def = schema._zod.def as z.core.$ZodTypeDef & Record<string, unknown>;
      for (const check of def.checks ?? []) {
        const checkDef = check._zod.def as { check: string; pattern?: RegExp };
        if (checkDef.check === "custom") custom.push(at);
        // zod tests a pattern as written; the JSON Schema has only its source, so flags would be lost.
        if (checkDef.pattern) expect(checkDef.pattern.flags, at).toBe("");
      }
      const children: [string, unknown][] = [];
      if (def.type === "object") children.push(...Object.entries((schema as z.ZodObject).shape).map(([key, child]) => [`${at}.${key}`, child] as [string, unknown]));
      if (def.type === "array") children.push([`${at}[]`, def.element]);
      if (def.type === "optional") children.push([at, def.innerType]);
      if (def.type === "union") children.push(...(def.options as unknown[]).map((option) => [at, option] as [string, unknown]));
      if (def.type === "record") {
        // zod's record takes plain objects only, JSON Schema's "object" anything but an array.
        records.push(at);
        children.push([`${at}{key}`, def.keyType], [`${at}{}`, def.valueType]);
      }
      for (const [childAt, child] of children) walk(child as z.core.$ZodType, childAt);
      expect(["object", "array", "optional", "union", "record", "string", "number", "literal", "enum"], `${at} is a ${def.type}`).toContain(def.type);
    };
    walk(ReportData, "report");
    expect(custom).toEqual(["report.meta.date"]);
    expect(records).toEqual(["report.figures"]);
  });

  it("the JSON Schema uses only keywords that ajv and zod read alike", () => {
    // minLength counts characters in ajv and UTF-16 units in zod, so ajv's count is never higher: safe for minimum
    // lengths only. maxLength would not be. "type": "object" admits any non-array object, where zod's record wants a
    // plain one: lite.ts checks that itself, and the model walk above holds the records to the one it checks.
    const ALIKE = new Set(["type", "properties", "required", "additionalProperties", "items", "minItems", "minLength", "minimum", "maximum", "pattern", "const", "enum", "anyOf", "$ref", "definitions", "propertyNames", "description", "title", "$id", "$schema"]);
    const used = new Set<string>();
    const walk = (node: unknown, mapOfSchemas = false) => {
      if (Array.isArray(node)) node.forEach((item) => walk(item));
      else if (node !== null && typeof node === "object") {
        for (const [key, value] of Object.entries(node)) {
          if (!mapOfSchemas) used.add(key);
          walk(value, !mapOfSchemas && (key === "properties" || key === "definitions"));
        }
      }
    };
    walk(reportJsonSchema());
    expect([...used].filter((keyword) => !ALIKE.has(keyword))).toEqual([]);
  });

  it("loads no zod", () => {
    const script = `require(${JSON.stringify(path.join(PACKAGE, "out", "lite.js"))});
      process.stdout.write(JSON.stringify({ zod: Object.keys(require.cache).filter((file) => /[\\\\/]zod[\\\\/]/.test(file)).length, registry: globalThis.__zod_globalRegistry !== undefined }));`;
    const run = spawnSync(process.execPath, ["-e", script], { encoding: "utf8" });
    expect(run.stderr).toBe("");
    expect(JSON.parse(run.stdout)).toEqual({ zod: 0, registry: false });
  });
});
