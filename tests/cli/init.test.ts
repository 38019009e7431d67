import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cleanReport, makeProject, requireFromCli, runCli } from "./helpers.js";

const { parse } = requireFromCli("yaml") as typeof import("yaml");

interface JsonDiagnostic {
  code: string;
  range: { start: number; end: number };
}

/** Every finding must sit on a 待补充 placeholder or on a figure whose value is one: nothing else may be wrong. */
function expectOnlyPlaceholderFindings(text: string, diagnostics: readonly JsonDiagnostic[]) {
  const placeholders = [...text.matchAll(/待补充/g)].map((match) => ({ start: match.index ?? 0, end: (match.index ?? 0) + 3 }));
  const figureKeys = [...text.matchAll(/^ {2}([a-z][\w.]*):\n {4}value: 待补充$/gm)].map((match) => ({ start: (match.index ?? 0) + 2, end: (match.index ?? 0) + 2 + (match[1]?.length ?? 0) }));
  for (const diagnostic of diagnostics) {
    const inside = [...placeholders, ...figureKeys].some((span) => diagnostic.range.start >= span.start && diagnostic.range.end <= span.end);
    expect(inside, `${diagnostic.code} at ${JSON.stringify(text.slice(diagnostic.range.start, diagnostic.range.end))}`).toBe(true);
  }
}

describe("govreport init", { timeout: 60_000 }, () => {
  let project: ReturnType<typeof makeProject>;
  const lastYear = cleanReport({ year: 2021 })
    .replace("  issuer: 东城县人民政府", "  letterhead: 东城县人民政府\n  issuer: 东城县人民政府")
    .replace("figures:\n  review.cases: 12件", "figures:\n  review.cases: { value: 12件, label: 行政复议案件 }\n  litigation.cases: 5件");
  beforeAll(() => {
    project = makeProject({ "2021/report.yaml": lastYear });
  });
  afterAll(() => project.cleanup());

  it("writes a skeleton with the required parts in order, the year filled in, and only placeholders to flag", () => {
    const result = runCli(["init", "--profile", "fazhi-annual", "--year", "2022"], { cwd: project.dir });
    expect(result.status).toBe(0);
    const data = parse(result.stdout);
    expect(data.meta.year).toBe(2022);
    expect(data.meta.title).toBe("关于2022年度法治政府建设工作情况的报告");
    expect(data.meta.date).toBe("2023-03-31");
    expect(data.sections.map((section: { covers: string }) => section.covers)).toEqual(["measures", "principal-duty", "shortcomings", "plans"]);
    expect(data.sections[0].title).toBe("2022年度推进法治政府建设的主要举措和成效");
    expect(data.sections[3].title).toBe("2023年度推进法治政府建设的主要安排");
    expect(result.stdout).toContain("# - title: 其他需要报告的情况");
  });

  it("passes govreport check apart from the placeholders", () => {
    const created = runCli(["init", "--profile", "fazhi-annual", "--year", "2022", "--output", "2022.report.yaml"], { cwd: project.dir });
    expect(created.status).toBe(0);
    expect(created.stderr).toContain("已生成 2022.report.yaml");
    const text = readFileSync(path.join(project.dir, "2022.report.yaml"), "utf8");
    const checked = runCli(["check", "--format", "json", "2022.report.yaml"], { cwd: project.dir });
    const diagnostics: JsonDiagnostic[] = JSON.parse(checked.stdout).files[0].diagnostics;
    expect(diagnostics.map((d) => d.code)).toEqual(Array(6).fill("placeholder-left"));
    expectOnlyPlaceholderFindings(text, diagnostics);
    expect(checked.status).toBe(1);
  });

  it("carries last year's header and figure ids forward with placeholder values", () => {
    const created = runCli(["init", "--profile", "fazhi-annual", "--year", "2022", "--from", "2021/report.yaml", "--output", "2022/report.yaml"], { cwd: project.dir });
    expect(created.stderr).toContain("已生成");
    expect(created.status).toBe(0);
    const text = readFileSync(path.join(project.dir, "2022", "report.yaml"), "utf8");
    const data = parse(text);
    expect(data.previous).toBe("../2021/report.yaml");
    expect(data.meta).toMatchObject({ letterhead: "东城县人民政府", issuer: "东城县人民政府", recipient: "市人民政府", year: 2022 });
    expect(data.figures).toEqual({
      "review.cases": { value: "待补充", label: "行政复议案件", note: "2021年度：12件" },
      "litigation.cases": { value: "待补充", note: "2021年度：5件" },
    });
    const checked = runCli(["check", "--format", "json", "2022/report.yaml"], { cwd: project.dir });
    const diagnostics: JsonDiagnostic[] = JSON.parse(checked.stdout).files[0].diagnostics;
    expect(new Set(diagnostics.map((d) => d.code))).toEqual(new Set(["placeholder-left", "figure-unparsable", "figure-unused"]));
    expectOnlyPlaceholderFindings(text, diagnostics);
  });

  it("accepts a team profile file and refers to it relative to the new report", () => {
    const team = makeProject({
      "profiles/team.profile.yaml": "format: 1\nid: team\nname: 团队年度报告\nrequirements:\n  - id: summary\n    title: 本年度工作总结\n    source: { document: 内部规定 }\n  - id: plan\n    title: 下一年度工作计划\n    names: next-year\n    source: { document: 内部规定 }\n",
    });
    try {
      const created = runCli(["init", "--profile", "profiles/team.profile.yaml", "--year", "2024", "--output", "out/r.report.yaml"], { cwd: team.dir });
      expect(created.status).toBe(0);
      const data = parse(readFileSync(path.join(team.dir, "out", "r.report.yaml"), "utf8"));
      expect(data.profile).toBe("../profiles/team.profile.yaml");
      expect(data.sections.map((section: { title: string }) => section.title)).toEqual(["2024年度工作总结", "2025年度工作计划"]);
      const checked = runCli(["check", "--format", "json", "out/r.report.yaml"], { cwd: team.dir });
      const codes = JSON.parse(checked.stdout).files[0].diagnostics.map((d: JsonDiagnostic) => d.code);
      expect(codes.every((code: string) => code === "placeholder-left")).toBe(true);
    } finally {
      team.cleanup();
    }
  });

  // More usage errors are covered in-process by packages/cli/src/main.test.ts.
  it.each([
    [["--year", "2022"], "请用 --profile 指定报告规则"],
    [["--profile", "fazhi-annual", "--year", "2022", "--output", "2021/report.yaml"], "2021/report.yaml 已存在，不会覆盖"],
  ])("exits 2 for %j", (args, message) => {
    const result = runCli(["init", ...args], { cwd: project.dir });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain(message);
  });
});
