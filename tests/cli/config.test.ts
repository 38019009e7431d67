import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cleanReport, makeProject, positionOf, reportWithError, reportWithWarning, runCli } from "./helpers.js";

describe("govreport.config.yaml", { timeout: 60_000 }, () => {
  let project: ReturnType<typeof makeProject>;
  beforeAll(() => {
    project = makeProject({
      "base.config.yaml": "rules:\n  placeholder-left: warning\n",
      "strict/govreport.config.yaml": "rules:\n  digit-cjk-space: error\n",
      "lenient/govreport.config.yaml": "extends: ../base.config.yaml\noverrides:\n  - files: ['old/**']\n    rules: { placeholder-left: off }\n",
      "strict/a.report.yaml": reportWithWarning(),
      "lenient/b.report.yaml": reportWithError(),
      "lenient/old/c.report.yaml": reportWithError(),
      "plain/d.report.yaml": reportWithWarning(),
    });
  });
  afterAll(() => project.cleanup());

  it("applies the nearest config to each file, with extends and overrides", () => {
    const result = runCli(["check", "--format", "json", "."], { cwd: project.dir });
    const byFile = Object.fromEntries(
      JSON.parse(result.stdout).files.map((file: { file: string; diagnostics: Array<{ code: string; severity: string }> }) => [file.file, file.diagnostics.map((d) => `${d.code}:${d.severity}`)]),
    );
    expect(byFile).toEqual({
      "lenient/b.report.yaml": ["placeholder-left:warning"],
      "lenient/old/c.report.yaml": [],
      "plain/d.report.yaml": ["digit-cjk-space:warning"],
      "strict/a.report.yaml": ["digit-cjk-space:error"],
    });
    expect(result.status).toBe(1);
  });

  it("uses --config for every file when given", () => {
    const result = runCli(["check", "--config", "base.config.yaml", "--format", "json", "strict", "lenient"], { cwd: project.dir });
    const severities = JSON.parse(result.stdout).files.flatMap((file: { diagnostics: Array<{ code: string; severity: string }> }) => file.diagnostics.map((d) => `${d.code}:${d.severity}`));
    expect(severities.sort()).toEqual(["digit-cjk-space:warning", "placeholder-left:warning", "placeholder-left:warning"]);
    expect(result.status).toBe(0);
  });

  it("rejects an invalid config with exit 2, at the line and column, in Chinese or English", () => {
    const config = "rules:\n  placeholder-left: warn\n  figure-unusd: off\noverrides:\n  - file: x\n";
    const bad = makeProject({ "govreport.config.yaml": config, "r.report.yaml": reportWithError() });
    try {
      const zh = runCli(["check", "r.report.yaml"], { cwd: bad.dir });
      expect(zh.status).toBe(2);
      expect(zh.stdout).toBe("");
      const warn = positionOf(config, "warn\n");
      const unusd = positionOf(config, "figure-unusd");
      const file = positionOf(config, "file: x");
      expect(zh.stderr).toContain(`govreport.config.yaml:${warn.line}:${warn.column}  error  规则“placeholder-left”的设置“warn”无效，应为 error、warning、info、hint、off 之一  config-invalid`);
      expect(zh.stderr).toContain(`govreport.config.yaml:${unusd.line}:${unusd.column}  error  没有编号为“figure-unusd”的检查规则，是否应为“figure-unused”？  config-invalid`);
      expect(zh.stderr).toContain(`govreport.config.yaml:${file.line}:${file.column}  error  不认识的配置项“file”（位于 overrides.0），是否应为“files”？`);
      expect(zh.stderr).toContain(`govreport.config.yaml:${file.line}:${file.column}  error  缺少必填项“files”`);
      expect(zh.stderr).toContain("配置文件有 4 处错误，未作检查。");
      const en = runCli(["check", "--lang", "en", "r.report.yaml"], { cwd: bad.dir });
      expect(en.stderr).toContain('There is no rule "figure-unusd"; did you mean "figure-unused"?');
      expect(en.status).toBe(2);
    } finally {
      bad.cleanup();
    }
  });

  it("reports a config that is not valid YAML, and a missing base, with exit 2", () => {
    const bad = makeProject({ "govreport.config.yaml": "extends: ./nowhere.yaml\n", "sub/govreport.config.yaml": "rules: [\n", "r.report.yaml": cleanReport(), "sub/s.report.yaml": cleanReport() });
    try {
      const missing = runCli(["check", "r.report.yaml"], { cwd: bad.dir });
      expect(missing.status).toBe(2);
      expect(missing.stderr).toContain("govreport.config.yaml:1:10  error  找不到要继承的配置文件“./nowhere.yaml”");
      const syntax = runCli(["check", "sub/s.report.yaml"], { cwd: bad.dir });
      expect(syntax.status).toBe(2);
      expect(syntax.stderr).toContain("sub/govreport.config.yaml:");
      expect(syntax.stderr).toContain("YAML 语法错误");
    } finally {
      bad.cleanup();
    }
  });

  it("lets the config choose the profile, relative to the config file", () => {
    const teamProfile = [
      "format: 1",
      "id: team-annual",
      "name: 团队年度报告",
      "requirements:",
      "  - id: summary",
      "    title: 年度工作总结",
      "    headings: [工作总结]",
      "    source: { document: 团队内部规定 }",
    ].join("\n");
    const team = makeProject({ "profiles/team.profile.yaml": teamProfile, "reports/govreport.config.yaml": "profile: ../profiles/team.profile.yaml\n", "reports/r.report.yaml": cleanReport() });
    try {
      const result = runCli(["check", "reports/r.report.yaml"], { cwd: team.dir });
      expect(result.stdout).toContain("section-missing");
      expect(result.stdout).toContain("年度工作总结");
      expect(result.status).toBe(1);
    } finally {
      team.cleanup();
    }
  });
});
