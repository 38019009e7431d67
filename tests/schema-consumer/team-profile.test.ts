import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeProject, positionOf, runCli } from "../cli/helpers.js";

/**
 * A team's own profile: the example in docs/profiles.md, taken from the page itself so the page cannot drift from
 * what govreport accepts.
 */
const page = readFileSync(path.join(__dirname, "..", "..", "docs", "profiles.md"), "utf8");
const teamProfile = /```yaml\n(# audit\.profile\.yaml[\s\S]*?)```/.exec(page)?.[1] ?? "";

const report = (sections: string) => `format: 1
profile: ./team.profile.yaml
meta:
  issuer: 某市某局
  recipient: 某市审计局
  title: 关于2023年度审计整改情况的报告
  year: 2023
  date: 2024-02-20
sections:
${sections}`;

const complete = report(`  - title: 审计发现的问题
    text: 共发现问题12个。
  - title: 整改情况
    text: 已全部整改。
  - title: 2024年整改计划
    text: 建立长效机制。
`);
const missingRemedies = report(`  - title: 审计发现的问题
    text: 共发现问题12个。
  - title: 2024年整改计划
    text: 建立长效机制。
`);

describe("a team's own profile", { timeout: 60_000 }, () => {
  let project: ReturnType<typeof makeProject>;
  beforeAll(() => {
    project = makeProject({ "team.profile.yaml": teamProfile, "complete.report.yaml": complete, "missing.report.yaml": missingRemedies });
  });
  afterAll(() => project.cleanup());

  it("accepts a report that has every part the team requires", () => {
    const result = runCli(["check", "complete.report.yaml"], { cwd: project.dir });
    expect(result.stdout).toBe("检查了 1 个文件：0 个错误，0 个警告\n");
    expect(result.status).toBe(0);
  });

  it("reports the missing required section by the team's own wording", () => {
    const result = runCli(["check", "--format", "json", "missing.report.yaml"], { cwd: project.dir });
    expect(result.status).toBe(1);
    const diagnostics = JSON.parse(result.stdout).files[0].diagnostics as Array<{ code: string; message: { zh: string }; start: { line: number } }>;
    expect(diagnostics.map((diagnostic) => diagnostic.code)).toEqual(["section-missing"]);
    // The message docs/profiles.md quotes.
    expect(diagnostics[0]?.message.zh).toBe("缺少必备内容：“整改措施和成效”（依据本单位审计整改办法第八条）");
    expect(diagnostics[0]?.start.line).toBeGreaterThanOrEqual(positionOf(missingRemedies, "sections:").line);
  });

  it("applies the team's deadline and its next-year heading", () => {
    const late = makeProject({
      "team.profile.yaml": teamProfile,
      "late.report.yaml": complete.replace("date: 2024-02-20", "date: 2024-03-15"),
      "wrong-year.report.yaml": complete.replace("  - title: 2024年整改计划\n", "  - title: 2023年整改计划\n    covers: plans\n"),
    });
    try {
      const result = runCli(["check", "--format", "json", "late.report.yaml", "wrong-year.report.yaml"], { cwd: late.dir });
      const codes = JSON.parse(result.stdout).files.map((file: { diagnostics: Array<{ code: string }> }) => file.diagnostics.map((d) => d.code));
      expect(codes[0]).toEqual(["date-after-deadline"]);
      expect(codes[1]).toEqual(["year-mismatch"]);
      expect(result.status).toBe(1);
    } finally {
      late.cleanup();
    }
  });

  it("uses the example from docs/profiles.md", () => {
    expect(teamProfile).toContain("id: audit-annual");
  });
});
