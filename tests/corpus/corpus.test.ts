import { createRequire } from "node:module";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

/**
 * Real reports from the shared corpus (located by tests/shared-data.cjs) (three district governments' 政府工作报告), read in place. Each one is
 * imported, rendered back and compared with its text, and checked; the findings are compared, exactly, with
 * those written down in expected/<name>.json after reading the report.
 *
 * They are checked against gongzuo-annual.profile.yaml, a profile for 政府工作报告 written here, since the
 * built-in profile is for 法治政府建设年度报告 and would demand sections these reports do not have. One rule is
 * switched off, for a reason that lies in the kind of report (see CORPUS_RULES in harness.cjs).
 */

const require = createRequire(import.meta.url);
const harness = require("./harness.cjs");

interface ExpectedFinding {
  rule: string;
  severity: string;
  text: string;
}

const corpus: Array<{ name: string; address: string; text: string }> = harness.loadCorpus();
const { text: profileText, profile } = harness.loadProfile();

describe("the corpus", () => {
  it("is where the tests look for it, and a missing corpus says so", () => {
    expect(corpus.length).toBeGreaterThanOrEqual(3);
    expect(() => harness.loadCorpus(join(harness.CORPUS_DIR, "no-such-folder"))).toThrow(/The corpus is missing: expected the reports in .*no-such-folder/);
  });

  it("has a profile the schema accepts, with the two parts a 政府工作报告 must have", () => {
    expect(profile.requirements.filter((requirement: { required: boolean }) => requirement.required).map((requirement: { id: string }) => requirement.id)).toEqual(["review", "plans"]);
  });
});

describe.each(corpus)("$name", (entry) => {
  const result = harness.importCorpusReport(entry, profile);
  const expected: { findings: ExpectedFinding[] } = harness.expectedFindings(entry.name);

  it("renders back to its text (whitespace aside; meta the text lacks is not compared)", () => {
    const difference = harness.compareTexts(entry.text, harness.renderedBody(result), { recipient: result.report.meta.recipient });
    if (difference !== null) expect.fail(harness.describeDifference(difference));
  });

  it("checks with exactly the findings written down after reading it", () => {
    const checked = harness.checkCorpusReport(result.yaml, profileText);
    expect(checked.report).toBeDefined();
    const found = checked.diagnostics.map((diagnostic: { code: string; severity: string; range: { start: number; end: number } }) => ({
      rule: diagnostic.code,
      severity: diagnostic.severity,
      text: result.yaml.slice(diagnostic.range.start, diagnostic.range.end),
    }));
    const key = (finding: ExpectedFinding) => `${finding.rule}|${finding.severity}|${finding.text}`;
    expect(found.map(key).sort()).toEqual(expected.findings.map(key).sort());
  });

  it("keeps every figure as the text writes it", () => {
    const figures: Record<string, string | { value: string }> = result.report.figures ?? {};
    const compact = entry.text.replace(/\s+/g, "");
    for (const entryValue of Object.values(figures)) {
      const value = typeof entryValue === "string" ? entryValue : entryValue.value;
      expect(compact).toContain(value.replace(/\s+/g, ""));
    }
  });
});

describe("what the import reads in the two reports with a body", () => {
  const byName = new Map(corpus.map((entry) => [entry.name, harness.importCorpusReport(entry, profile)]));

  it("finds the review and plans parts and their numbered sections", () => {
    const outline = (name: string) =>
      byName.get(name).report.sections.map((section: { title: string; covers?: string; sections?: unknown[] }) => [section.title, section.covers, section.sections?.length ?? 0]);
    expect(outline("gongzuo-guangming-2022")).toEqual([
      ["2021年工作回顾", "review", 7],
      ["2022年工作安排", "plans", 7],
      ["名词解释", "glossary", 0],
    ]);
    expect(outline("gongzuo-nanshan-2023")).toEqual([
      ["2022年工作回顾", "review", 3],
      ["2023年主要工作", "plans", 6],
      ["有关名词解释", "glossary", 20],
    ]);
    expect(byName.get("gongzuo-nanshan-2023").report.meta.year).toBe(2022);
  });

  it("proposes the relations the prose states, all holding", () => {
    const proposed = (name: string) => byName.get(name).checks.map((check: { evidence: string; holds: boolean }) => [check.evidence, check.holds]);
    expect(proposed("gongzuo-guangming-2022")).toEqual([
      ["全年完成疫苗接种269万人次，其中全程接种113万人次", true],
      ["新建群众诉求一类服务站点26个，累计达到198个", true],
    ]);
    expect(proposed("gongzuo-nanshan-2023").map(([evidence]: [string]) => evidence)).toContain("新增上市企业18家，累计达205家");
    expect(proposed("gongzuo-nanshan-2023").every(([, holds]: [string, boolean]) => holds)).toBe(true);
  });

  it("keeps the web page that is not a report as one opening block, with nothing made up", () => {
    const pingshan = byName.get("gongzuo-pingshan-2021");
    expect(pingshan.report.sections).toEqual([]);
    expect(pingshan.report.figures).toBeUndefined();
    expect(pingshan.metaSources.recipient).toBe("placeholder");
  });
});
