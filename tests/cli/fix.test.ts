import { chmodSync, lstatSync, readdirSync, readFileSync, statSync, symlinkSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { cleanReport, makeProject, runCli } from "./helpers.js";

// A report with comments, odd spacing, flow style and a folded block, plus three fixable findings: two spaces between
// a number and Chinese text, and a half-width heading number.
const before = `# 东城县 2021 年度报告（草稿）——注释要原样保留
format: 1
profile: fazhi-annual   # 内置规则
meta:
  issuer: 东城县人民政府
  recipient: 市人民政府
  title: 关于2021年度法治政府建设工作情况的报告
  year: 2021
  date: 2022-01-28
sections:
  - title: 主要举措和成效
    text: >-
      全年办理行政复议案件{review.cases}，
      比2020年多 3 件。
  - title: 党政主要负责人履行推进法治建设第一责任人职责情况
    text: 县长主持召开常务会议专题研究法治政府建设。
  - title: 存在的不足和原因
    sections:
      - number: "(一)"
        title: 基层力量不足
        text: 基层法治力量仍然薄弱。
  - title: 2022年度推进法治政府建设的主要安排
    text: 持续推进严格规范公正文明执法。
figures:
  review.cases: { value: 12 件, label: 行政复议案件 }   # 来源：复议科
`;

describe("check --fix", { timeout: 60_000 }, () => {
  it("applies the safe fixes, keeps comments and layout, writes atomically and reports what it fixed", () => {
    const project = makeProject({ "draft.report.yaml": before });
    try {
      const file = path.join(project.dir, "draft.report.yaml");
      chmodSync(file, 0o640);
      const result = runCli(["check", "--fix", "draft.report.yaml"], { cwd: project.dir });
      const after = readFileSync(file, "utf8");
      // Exactly the three fixes, nothing else touched.
      expect(after).toBe(before.replace("比2020年多 3 件。", "比2020年多3件。").replace('number: "(一)"', 'number: "（一）"').replace("value: 12 件,", "value: 12件,"));
      expect(result.stdout).toContain("已修复 draft.report.yaml：");
      expect(result.stdout).toMatch(/digit-cjk-space ×3/);
      expect(result.stdout).toMatch(/heading-number-half-width ×1/);
      expect(result.stdout).toContain("检查了 1 个文件：0 个错误，0 个警告");
      expect(result.status).toBe(0);
      expect(statSync(file).mode & 0o777).toBe(0o640);
      expect(readdirSync(project.dir)).toEqual(["draft.report.yaml"]);

      // Idempotent: a second run finds nothing to fix and leaves the file byte for byte as it was.
      const second = runCli(["check", "--fix", "draft.report.yaml"], { cwd: project.dir });
      expect(readFileSync(file, "utf8")).toBe(after);
      expect(second.stdout).not.toContain("已修复");
      expect(second.status).toBe(0);
    } finally {
      project.cleanup();
    }
  });

  it("leaves files without fixable findings untouched (not even rewritten)", () => {
    const project = makeProject({ "clean.report.yaml": cleanReport() });
    try {
      const file = path.join(project.dir, "clean.report.yaml");
      const mtime = statSync(file).mtimeMs;
      const result = runCli(["check", "--fix", "clean.report.yaml"], { cwd: project.dir });
      expect(result.status).toBe(0);
      expect(statSync(file).mtimeMs).toBe(mtime);
    } finally {
      project.cleanup();
    }
  });

  it("still reports findings that have no safe fix", () => {
    const project = makeProject({ "r.report.yaml": before.replace("基层法治力量仍然薄弱。", "基层法治力量仍然薄弱，××。") });
    try {
      const result = runCli(["check", "--fix", "r.report.yaml"], { cwd: project.dir });
      expect(result.stdout).toContain("placeholder-left");
      expect(result.stdout).toContain("检查了 1 个文件：1 个错误，0 个警告");
      expect(result.status).toBe(1);
    } finally {
      project.cleanup();
    }
  });

  it("fixes the file a symlink points to and keeps the link", () => {
    const project = makeProject({ "real/draft.report.yaml": before });
    try {
      symlinkSync(path.join("real", "draft.report.yaml"), path.join(project.dir, "link.report.yaml"));
      const result = runCli(["check", "--fix", "link.report.yaml"], { cwd: project.dir });
      expect(result.status).toBe(0);
      expect(readFileSync(path.join(project.dir, "real", "draft.report.yaml"), "utf8")).toContain("比2020年多3件。");
      expect(readdirSync(project.dir).sort()).toEqual(["link.report.yaml", "real"]);
      expect(lstatSync(path.join(project.dir, "link.report.yaml")).isSymbolicLink()).toBe(true);
    } finally {
      project.cleanup();
    }
  });
});
