import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";

/**
 * The mutation experiment (harness.cjs): over the hand-encoded example, the imported seed and the imported corpus,
 * every figure that takes part in a declared check is changed — +1, −1, ×10, last digit dropped, last digit
 * changed — one at a time. Whenever an independent oracle says the change contradicts a check that held, the
 * checker must report a new error. `node scripts/mutation-report.cjs` prints the same experiment in full.
 */

const require = createRequire(import.meta.url);
const harness = require("./harness.cjs");

describe("the oracle (interval reading of docs/format.md, independent of the core)", () => {
  it("reads the written forms as the intervals the specification gives", () => {
    const cases: Array<[string, number, number]> = [
      ["105份", 105, 105],
      ["16 件", 16, 16],
      ["100%", 1, 1],
      ["95%", 0.945, 0.955],
      ["89.85%", 0.89845, 0.89855],
      ["17.46万元", 174550, 174650],
      ["85万余元", 850000, 860000],
      ["3100余人次", 3100, 3200],
      ["10 余条", 10, 20],
      ["8.7 万余份", 87000, 88000],
      ["近10亿元", 9e8, 1e9],
      ["约200人", 150, 250],
      ["95%以上", 0.95, 1],
      ["超100家", 100, Infinity],
    ];
    for (const [text, low, high] of cases) {
      const interval = harness.intervalOf(text);
      expect(interval, text).toBeDefined();
      expect(interval.low, text).toBeCloseTo(low, 9);
      if (high === Infinity) expect(interval.high, text).toBe(Infinity);
      else expect(interval.high, text).toBeCloseTo(high, 9);
    }
    expect(harness.intervalOf("三项")).toBeUndefined();
  });

  it("decides sums, bounds and ratios by those intervals", () => {
    const intervals = (entries: Record<string, string>) => new Map(Object.entries(entries).map(([id, text]) => [id, harness.intervalOf(text)]));
    expect(harness.oracleHolds("t = a + b", intervals({ t: "105份", a: "45份", b: "60份" }))).toBe(true);
    expect(harness.oracleHolds("t = a + b", intervals({ t: "105份", a: "45份", b: "61份" }))).toBe(false);
    expect(harness.oracleHolds("a + b <= t", intervals({ t: "105份", a: "45份", b: "50份" }))).toBe(true);
    expect(harness.oracleHolds("r = n / d", intervals({ r: "100%", n: "1571件", d: "1571件" }))).toBe(true);
    expect(harness.oracleHolds("r = n / d", intervals({ r: "100%", n: "1570件", d: "1571件" }))).toBe(false);
    expect(harness.oracleHolds("r = n / d", intervals({ r: "99.94%", n: "1570件", d: "1571件" }))).toBe(true);
    expect(harness.oracleHolds("t = a + b", intervals({ t: "近10亿元", a: "5亿元", b: "4.6亿元" }))).toBe(true);
  });

  it("mutates the first number of a figure, keeping the rest as written", () => {
    expect(harness.mutationsOf("8.7 万余份").map((mutation: { text: string }) => mutation.text)).toEqual(["8.8 万余份", "8.6 万余份", "87 万余份", "8 万余份", "8.2 万余份"]);
    expect(harness.mutationsOf("105份").map((mutation: { text: string }) => mutation.text)).toEqual(["106份", "104份", "1050份", "10份", "100份"]);
    expect(harness.mutationsOf("三项")).toEqual([]);
  });
});

describe("the experiment", () => {
  const experiment = harness.runExperiment();

  it("changes figures in relations in every kind of report it covers", () => {
    const names = experiment.results.map((result: { name: string }) => result.name);
    expect(names[0]).toMatch(/examples\/xiqu-2021/);
    expect(names.some((name: string) => name.startsWith("corpus"))).toBe(true);
    expect(experiment.figures).toBeGreaterThanOrEqual(50);
    expect(experiment.contradicting).toBeGreaterThanOrEqual(100);
  });

  it("catches at least 95% of the changes that contradict a check (the misses are listed)", () => {
    const missed = experiment.results.flatMap((result: { missed: string[] }) => result.missed);
    const rate = experiment.detected / experiment.contradicting;
    expect(rate, `missed:\n${missed.join("\n")}`).toBeGreaterThanOrEqual(0.95);
  });

  it("raises no error on the unchanged reports beyond those verified by reading them", () => {
    expect(experiment.falseAlarms).toBe(0);
  });

  it("would notice a checker that reports nothing", () => {
    const report = {
      figures: { "review.total": "105份", "review.contracts": "45份", "review.documents": "60份" },
      checks: ["review.total = review.contracts + review.documents"],
    };
    const silent = harness.mutateReport("silent", report, () => ({ diagnostics: [] }));
    expect(silent.contradicting).toBeGreaterThan(0);
    expect(silent.detected).toBe(0);
  });
});
