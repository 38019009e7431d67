import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { check } from "../engine/check.js";
import { applySafeFixes } from "../engine/fixes.js";
import { allRuleMeta, builtinRules } from "./registry.js";

/**
 * Every rule has a folder of fixtures: report-data files whose expected findings are written in them as
 * `# expect: <rule-id> "<the exact text the finding covers>"` comments. A fixture without such lines must be clean.
 * One runner checks them all, applies the safe fixes and checks again.
 */
const FIXTURES = path.join(__dirname, "fixtures");
const EXPECT = /^\s*# expect: ([a-z0-9-]+) "(.*)"\s*$/gm;
const builtinIds = new Set(builtinRules.map((rule) => rule.meta.id));

interface Case {
  readonly ruleId: string;
  readonly file: string;
  readonly text: string;
  readonly expected: Array<{ code: string; text: string }>;
}

function loadCases(): Case[] {
  return readdirSync(FIXTURES).flatMap((ruleId) =>
    readdirSync(path.join(FIXTURES, ruleId))
      .filter((file) => /\.report\.(ya?ml|json)$/.test(file))
      .map((file) => {
        const text = readFileSync(path.join(FIXTURES, ruleId, file), "utf8");
        const expected = [...text.matchAll(EXPECT)].map((match) => ({ code: match[1] ?? "", text: JSON.parse(`"${match[2] ?? ""}"`) as string }));
        return { ruleId, file, text, expected };
      }),
  );
}

const cases = loadCases();
/** Files a fixture refers to (a profile, last year's report) are read from the fixture's own folder. */
const host = {
  readFile(file: string, relativeTo: string | undefined) {
    try {
      return readFileSync(path.resolve(path.dirname(relativeTo ?? FIXTURES), file), "utf8");
    } catch {
      return undefined;
    }
  },
};

function run(ruleId: string, text: string, fileName: string) {
  // Engine-level findings (syntax, schema, suppressions) are checked with every rule on, since they interact.
  return check(text, { fileName, onlyRules: builtinIds.has(ruleId) ? undefined : [ruleId], host });
}

describe("rule fixtures", () => {
  it.each(cases.map((c) => [`${c.ruleId}/${c.file}`, c] as const))("%s", (_name, fixture) => {
    const fileName = path.join(FIXTURES, fixture.ruleId, fixture.file);
    const result = run(fixture.ruleId, fixture.text, fileName);
    const actual = result.diagnostics.map((diagnostic) => ({ code: diagnostic.code, text: result.source.textOf(diagnostic.range) }));
    const sortKey = (entry: { code: string; text: string }) => `${entry.code}\u0000${entry.text}`;
    expect(actual.map(sortKey).sort()).toEqual(fixture.expected.map(sortKey).sort());
    expect(result.ruleFailures).toEqual([]);

    const fixable = result.diagnostics.filter((diagnostic) => diagnostic.fixes.some((fix) => fix.safe));
    if (fixable.length > 0) {
      const fixed = applySafeFixes(fixture.text, fixable);
      const again = run(fixture.ruleId, fixed.text, fileName);
      const remaining = again.diagnostics.filter((diagnostic) => fixable.some((before) => before.code === diagnostic.code));
      expect(remaining.map((diagnostic) => again.source.textOf(diagnostic.range))).toEqual([]);
    }
  });

  it("every rule has a fixture that triggers it and one that stays clean", () => {
    // input-too-large needs a 4 MB file and internal-error a broken rule: both are tested in check.test.ts.
    for (const meta of allRuleMeta().filter((m) => m.id !== "input-too-large" && m.id !== "internal-error")) {
      const own = cases.filter((c) => c.ruleId === meta.id);
      expect(own.some((c) => c.expected.some((e) => e.code === meta.id)), `${meta.id} needs a fixture with "# expect: ${meta.id}"`).toBe(true);
      if (meta.id !== "syntax-error") {
        expect(own.some((c) => c.expected.length === 0), `${meta.id} needs a clean fixture`).toBe(true);
      }
    }
  });

  it("every rule documents what, why and fix in both languages", () => {
    for (const meta of allRuleMeta()) {
      for (const part of [meta.docs.what, meta.docs.why, meta.docs.fix, meta.title]) {
        expect(part.zh.length, meta.id).toBeGreaterThan(3);
        expect(part.en.length, meta.id).toBeGreaterThan(3);
      }
    }
  });
});
