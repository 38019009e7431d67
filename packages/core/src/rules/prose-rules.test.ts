import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { Diagnostic } from "../diagnostic.js";
import { check, type CheckResult } from "../engine/check.js";
import { applyEdits } from "../engine/fixes.js";
import { findBreakdowns, findRateReadings, printedProse } from "../engine/prose-relations.js";

/** The rules that read numbers in prose. */
const PROSE_RULES = [
  "prose-breakdown-exceeds-total",
  "prose-breakdown-short",
  "prose-rate-contradicts-counts",
  "prose-rate-over-100",
  "prose-figure-contradiction",
  "literal-quantity-unbound",
];

const REPOSITORY = path.resolve(__dirname, "../../../..");
// eslint-disable-next-line @typescript-eslint/no-require-imports
const SHARED: string = (require("../../../../tests/shared-data.cjs") as { sharedDir(): string }).sharedDir();
const EXAMPLE = path.join(REPOSITORY, "examples/xiqu-2021/report.yaml");

/** Reads a file the tests need, failing with where it was expected rather than with a bare ENOENT. */
function readRequired(file: string, what: string): string {
  if (!existsSync(file)) throw new Error(`${what} is missing: expected it at ${file}`);
  return readFileSync(file, "utf8");
}

/**
 * A plain-text report as the text of the one section of a minimal report, so the prose rules read it as they read
 * any prose. Corpus files start with their source address and a blank line; that is not report text.
 */
function wrapPlainText(text: string): string {
  return JSON.stringify({
    format: 1,
    profile: "fazhi-annual",
    meta: { issuer: "某区人民政府", recipient: "市人民政府", title: "关于2021年度法治政府建设工作情况的报告", year: 2021, date: "2022-01-28" },
    sections: [{ title: "工作情况", text }],
  });
}

function corpusText(name: string): string {
  const text = readRequired(path.join(SHARED, "corpus", name), `The corpus report ${name} (/work/shared/corpus beside the repository)`);
  return text.split("\n").slice(2).join("\n");
}

function runProseRules(text: string, fileName: string): CheckResult {
  const result = check(text, { fileName, onlyRules: PROSE_RULES });
  expect(result.report, result.diagnostics.map((d) => d.message.en).join("; ")).toBeDefined();
  expect(result.ruleFailures).toEqual([]);
  return result;
}

const found = (result: CheckResult, diagnostics: readonly Diagnostic[] = result.diagnostics) =>
  diagnostics.map((d) => `${d.severity} ${d.code} ${result.source.textOf(d.range)}`);

describe("the prose rules on the example", () => {
  const text = readRequired(EXAMPLE, "The example report");

  it("find nothing in the consistent example, though they read its breakdowns and its rate", () => {
    const result = runProseRules(text, EXAMPLE);
    expect(found(result)).toEqual([]);
    const prose = printedProse(result.model!);
    const breakdowns = prose.flatMap(findBreakdowns).map((b) => `${b.total.quantity.text} = ${b.parts.map((p) => p.quantity.text).join(" + ")}`);
    expect(breakdowns).toEqual(["105份 = 45份 + 60份", "14492条 = 245条 + 13403条 + 844条"]);
    const rates = prose.flatMap(findRateReadings).map((r) => `${r.rate.quantity.text} ${r.numerator.quantity.text}/${r.denominator.quantity.text} ${r.consistent}`);
    expect(rates).toEqual(["100% 1571件/1571件 true"]);
  });

  it("find contradictions planted in it, at the planted text", () => {
    const planted = text
      // A literal where the figure was, one short of it: the figure and the rate beside it now disagree.
      .replace("调处成功{mediation.succeeded}", "调处成功1570件")
      // A breakdown part written out, one more than the figure: the parts exceed the total.
      .replace("文件{review.documents}）", "文件61份）");
    expect(planted).not.toBe(text);
    const result = runProseRules(planted, EXAMPLE);
    expect(found(result).sort()).toEqual(
      [
        "error prose-figure-contradiction 1570件",
        "error prose-rate-contradicts-counts {mediation.success_rate}",
        "error prose-breakdown-exceeds-total {review.total}",
        // 61份 is named only 文件, too little to bind it to review.documents: a figure should hold it.
        "hint literal-quantity-unbound 61份",
      ].sort(),
    );
    const at = (code: string) => result.diagnostics.find((d) => d.code === code)!.range.start;
    expect(at("prose-figure-contradiction")).toBe(planted.indexOf("1570件"));
    expect(at("prose-rate-contradicts-counts")).toBe(planted.indexOf("{mediation.success_rate}"));
    expect(at("prose-breakdown-exceeds-total")).toBe(planted.indexOf("{review.total}"));
    const rate = result.diagnostics.find((d) => d.code === "prose-rate-contradicts-counts")!;
    expect(rate.message.zh).toBe("按 调处成功1570件 ÷ 全区调解案件1571件 计算为 约99.94%，而调解成功率写的是 100%");
    expect(rate.related.map((r) => result.source.textOf(r.range))).toEqual(["1570件", "{mediation.cases}"]);
  });
});

describe("the prose rules on plain-text reports", () => {
  it("say where the corpus should be when it is missing", () => {
    expect(() => corpusText("no-such-report.txt")).toThrow(/The corpus report no-such-report\.txt .* is missing: expected it at .*no-such-report\.txt/);
  });

  it.each(["gongzuo-guangming-2022.txt", "gongzuo-nanshan-2023.txt", "gongzuo-pingshan-2021.txt"])("raise no false alarm on %s", (name) => {
    const result = runProseRules(wrapPlainText(corpusText(name)), `${name}.report.json`);
    expect(found(result, result.diagnostics.filter((d) => d.severity === "error"))).toEqual([]);
    // Nothing else either: the reports keep no figures, so no literal is singled out as unbound, and their one
    // 其中 breakdown (疫苗接种269万人次，其中全程接种113万人次) has a single part, within its total.
    expect(found(result)).toEqual([]);
  });

  it("read the corpus's one breakdown", () => {
    const result = runProseRules(wrapPlainText(corpusText("gongzuo-guangming-2022.txt")), "guangming.report.json");
    const breakdowns = printedProse(result.model!).flatMap(findBreakdowns);
    expect(breakdowns.map((b) => `${b.total.quantity.text} ⊇ ${b.parts.map((p) => p.quantity.text).join(" + ")}`)).toEqual(["269万人次 ⊇ 113万人次"]);
  });

  it("raise no false alarm on the seed report written out in plain text, whose breakdowns and rate they read", () => {
    const seed = readRequired(path.join(SHARED, "seed/000_89aa34e88a861005.txt"), "The seed report (/work/shared/seed beside the repository)");
    const result = runProseRules(wrapPlainText(seed), "seed.report.json");
    expect(found(result)).toEqual([]);
    const prose = printedProse(result.model!);
    expect(prose.flatMap(findBreakdowns).map((b) => b.total.quantity.text)).toEqual(["105份", "14492条"]);
    expect(prose.flatMap(findRateReadings).map((r) => [r.rate.quantity.text, r.consistent])).toEqual([["100%", true]]);
  });
});

describe("the fixes", () => {
  const fixture = (rule: string, file: string) => readRequired(path.join(__dirname, "fixtures", rule, file), `Fixture ${rule}/${file}`);

  function applyFixOf(result: CheckResult, code: string, covered: string): string {
    const diagnostic = result.diagnostics.find((d) => d.code === code && result.source.textOf(d.range) === covered);
    expect(diagnostic, `${code} on ${covered}`).toBeDefined();
    expect(diagnostic!.fixes).toHaveLength(1);
    expect(diagnostic!.fixes[0]!.safe).toBe(false);
    const applied = applyEdits(result.source.text, diagnostic!.fixes[0]!.edits);
    expect(applied.skipped).toBe(0);
    return applied.text;
  }

  it("extract a literal to a new figure in a block mapping, labelled with the words before it", () => {
    const text = fixture("literal-quantity-unbound", "unbound.report.yaml");
    const fixed = applyFixOf(runProseRules(text, "unbound.report.yaml"), "literal-quantity-unbound", "337件");
    expect(fixed).toContain("全区调解案件{mediation.cases}，办理公证{mediation.new_1}。");
    expect(fixed).toContain("\n  mediation.new_1: { value: 337件, label: 办理公证 }\n");
    const again = check(fixed, { fileName: "unbound.report.yaml" });
    expect(again.report?.figures?.["mediation.new_1"]).toEqual({ value: "337件", label: "办理公证" });
    expect(found(again, again.diagnostics.filter((d) => PROSE_RULES.includes(d.code) || d.code === "figure-unknown-reference" || d.code === "schema-violation"))).toEqual([
      "hint literal-quantity-unbound 12场",
    ]);
  });

  it("extract into a JSON report and into a flow mapping, keeping the file valid", () => {
    const report = {
      format: 1,
      profile: "fazhi-annual",
      meta: { issuer: "东城县人民政府", recipient: "市人民政府", title: "关于2021年度法治政府建设工作情况的报告", year: 2021, date: "2022-01-28" },
      sections: [{ title: "工作情况", text: "全年调解案件{mediation.cases}，受理复议申请1,234件。" }],
      figures: { "mediation.cases": "1570件" },
    };
    const json = JSON.stringify(report, null, 2);
    const fromJson = applyFixOf(runProseRules(json, "r.report.json"), "literal-quantity-unbound", "1,234件");
    expect(JSON.parse(fromJson).figures).toEqual({ "mediation.cases": "1570件", "mediation.new_1": { value: "1,234件", label: "受理复议申请" } });
    expect(JSON.parse(fromJson).sections[0].text).toBe("全年调解案件{mediation.cases}，受理复议申请{mediation.new_1}。");

    const flow = fixture("literal-quantity-unbound", "unbound.report.yaml").replace(/^figures:\n[\s\S]*$/m, "figures: { mediation.cases: 1570件, notary.consultations: 3100余人次 }\n");
    const fromFlow = applyFixOf(runProseRules(flow, "flow.report.yaml"), "literal-quantity-unbound", "12场");
    const again = check(fromFlow, { fileName: "flow.report.yaml" });
    expect(again.report?.figures?.["prose.new_1"]).toEqual({ value: "12场", label: "开展法治讲座" });
  });

  it("start a figures mapping when the report has none yet", () => {
    const text = fixture("literal-quantity-unbound", "unbound.report.yaml").replace(/^figures:\n[\s\S]*$/m, "");
    const result = runProseRules(text, "nofigures.report.yaml");
    const hints = result.diagnostics.filter((d) => d.code === "literal-quantity-unbound");
    // With no figures, 3100余人次 is no longer bound by the label of notary.consultations either.
    expect(found(result, hints)).toEqual(["hint literal-quantity-unbound 337件", "hint literal-quantity-unbound 12场", "hint literal-quantity-unbound 3100余人次"]);
    const fixed = applyFixOf(result, "literal-quantity-unbound", "337件");
    expect(fixed.endsWith("figures:\n  prose.new_1: { value: 337件, label: 办理公证 }\n")).toBe(true);
    const again = runProseRules(fixed, "nofigures.report.yaml");
    expect(again.report?.figures?.["prose.new_1"]).toEqual({ value: "337件", label: "办理公证" });
    expect(found(again, again.diagnostics.filter((d) => d.code === "literal-quantity-unbound"))).not.toContain("hint literal-quantity-unbound 337件");
  });

  it("replace a contradicting literal with the figure it contradicts", () => {
    const text = fixture("prose-figure-contradiction", "contradiction.report.yaml");
    const fixed = applyFixOf(runProseRules(text, "contradiction.report.yaml"), "prose-figure-contradiction", "1571件");
    expect(fixed).toContain("全年调解案件{mediation.cases}，均依法办理。");
    const again = runProseRules(fixed, "contradiction.report.yaml");
    expect(found(again, again.diagnostics.filter((d) => d.code === "prose-figure-contradiction"))).toEqual(["error prose-figure-contradiction 2900人次"]);
  });
});
