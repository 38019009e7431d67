import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { repositoryYamlFiles } from "../test-support/repository-yaml.js";
import { createCheckCache } from "./check-cache.js";
import { check, type CheckResult } from "./check.js";

function summary(result: CheckResult) {
  return result.diagnostics.map((d) => ({ code: d.code, range: d.range, message: d.message, related: d.related, fixes: d.fixes }));
}

describe("one check cache shared by many documents, as the language server keeps it", () => {
  it("never changes a result, in whatever order the documents are checked", () => {
    const reports = repositoryYamlFiles()
      .filter((file) => /\.report\.yaml$/.test(file))
      .map((file) => ({ file, text: readFileSync(file, "utf8") }));
    expect(reports.length).toBeGreaterThan(40);
    const fresh = new Map(reports.map(({ file, text }) => [file, summary(check(text, { fileName: file }))]));
    for (const order of [reports, [...reports].reverse()]) {
      const cache = createCheckCache();
      for (const { file, text } of order) expect(summary(check(text, { fileName: file, cache })), file).toEqual(fresh.get(file));
    }
    // The same text again, now answered from the cache.
    const cache = createCheckCache();
    for (const { file, text } of [...reports, ...reports]) expect(summary(check(text, { fileName: file, cache })), file).toEqual(fresh.get(file));
  }, 60_000);

  it("places a finding in each of two paragraphs that read the same, at each one's own place", () => {
    const paragraph = "受理案件105件，其中合同45件、文件61件。";
    const text = [
      "format: 1",
      "profile: fazhi-annual",
      "meta: { issuer: 东城县人民政府, recipient: 市人民政府, title: 关于2021年度法治政府建设工作情况的报告, year: 2021, date: 2022-01-28 }",
      "sections:",
      `  - { title: 主要举措和成效, text: ${paragraph} }`,
      `  - { title: 存在的不足和原因, text: ${paragraph} }`,
      "",
    ].join("\n");
    const exceeding = (result: CheckResult) => result.diagnostics.filter((d) => d.code === "prose-breakdown-exceeds-total").map((d) => d.range);
    const fresh = exceeding(check(text));
    expect(fresh).toHaveLength(2);
    expect(fresh[0]).not.toEqual(fresh[1]);
    const cache = createCheckCache();
    expect(exceeding(check(text, { cache }))).toEqual(fresh);
    expect(exceeding(check(text, { cache }))).toEqual(fresh);
  });
});

describe("what the cache keeps", () => {
  it("holds no report model: an earlier version's model can be collected while its paragraphs' readings stay", async () => {
    const { setFlagsFromString } = await import("node:v8");
    const { runInNewContext } = await import("node:vm");
    setFlagsFromString("--expose-gc");
    const collect = runInNewContext("gc") as () => void;
    const example = readFileSync(new URL("../../../../examples/xiqu-2021/report.yaml", import.meta.url), "utf8");
    const cache = createCheckCache();
    const first = new WeakRef(check(example, { fileName: "report.yaml", cache }).model as object);
    expect(first.deref()).toBeDefined();
    // The next version reuses every paragraph's reading from the cache.
    check(example.replace("特此报告。", "特此报告"), { fileName: "report.yaml", cache });
    expect(cache.printed.size).toBeGreaterThan(10);
    await new Promise((resolve) => setImmediate(resolve));
    collect();
    expect(first.deref()).toBeUndefined();
  });
});

describe("printed readings kept across versions", () => {
  it("are told apart by their figures' values, whatever characters the values hold", async () => {
    const { printedProse } = await import("./prose-relations.js");
    const report = (a: string, b: string) =>
      [
        "format: 1",
        "profile: fazhi-annual",
        "meta: { issuer: 东城县人民政府, recipient: 市人民政府, title: 关于2021年度法治政府建设工作情况的报告, year: 2021, date: 2022-01-28 }",
        "sections:",
        "  - title: 主要举措和成效",
        "    text: 受理{a}{b}。",
        "figures:",
        `  a: ${JSON.stringify(a)}`,
        `  b: ${JSON.stringify(b)}`,
        "",
      ].join("\n");
    const printedOf = (text: string, cache?: ReturnType<typeof createCheckCache>) =>
      printedProse(check(text, { cache }).model as NonNullable<CheckResult["model"]>).map((prose) => prose.text);
    const cache = createCheckCache();
    const first = report("1\u00002", "3");
    const second = report("1", "2\u00003");
    expect(printedOf(first, cache)).toEqual(printedOf(first));
    expect(printedOf(second, cache)).toEqual(printedOf(second));
    expect(printedOf(second)).not.toEqual(printedOf(first));
  });
});
