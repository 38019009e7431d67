import { readFileSync } from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createCheckCache } from "../engine/check-cache.js";
import { check, type CheckResult } from "../engine/check.js";

const example = readFileSync(path.resolve(__dirname, "../../../../examples/xiqu-2021/report.yaml"), "utf8");

function summary(result: CheckResult) {
  return {
    value: result.source.value,
    diagnostics: result.diagnostics.map((d) => ({ code: d.code, range: d.range, message: d.message.zh, related: d.related.map((r) => r.range), fixes: d.fixes.map((f) => f.edits) })),
  };
}

/** Positions inside prose lines (after some text on the line), where typing is common. */
const prosePositions = [...example.matchAll(/[\u4e00-\u9fff]{6}/g)].map((m) => (m.index ?? 0) + 3);

describe("re-reading after an edit inside a string value, with the cache an editor keeps", () => {
  it("gives exactly what a fresh check gives, for typed and deleted characters anywhere in the report", () => {
    let reused = 0;
    // One cache through the whole run, as an editor keeps one per document across its versions.
    const cache = createCheckCache();
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: example.length }),
        fc.constantFrom(...prosePositions),
        fc.boolean(),
        fc.constantFrom("字", "7", "年", "件", "率", "x", "：", "。", "\n", " ", "#", ": "),
        fc.nat(3),
        (anywhere, inProse, pickProse, inserted, deleteCount) => {
          const at = pickProse ? inProse : anywhere;
          const before = check(example);
          const edited = example.slice(0, at) + inserted + example.slice(at + deleteCount);
          const fresh = check(edited);
          const incremental = check(edited, { previousSource: before.source, cache });
          if (incremental.source.reusedTree) reused++;
          expect(summary(incremental)).toEqual(summary(fresh));
        },
      ),
      { numRuns: 60 },
    );
    // The comparison above only means something if the fast path was taken often.
    expect(reused).toBeGreaterThan(12);
  }, 60_000);

  it("falls back to a fresh parse for structural edits", () => {
    const before = check(example);
    const at = example.indexOf("sections:");
    const result = check(`${example.slice(0, at)}x: 1\n${example.slice(at)}`, { previousSource: before.source });
    expect(result.source.reusedTree).toBe(false);
    expect(result.diagnostics.map((d) => d.code)).toContain("schema-violation");
  });
});
