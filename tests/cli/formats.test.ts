import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cleanReport, makeProject, positionOf, reportWithError, reportWithWarning, runCli } from "./helpers.js";
import { assertWellFormedXml } from "./xml.js";

let project: ReturnType<typeof makeProject>;
const errorText = reportWithError();
const warningText = reportWithWarning();

beforeAll(() => {
  project = makeProject({ "a-error.report.yaml": errorText, "b-warning.report.yaml": warningText, "c-clean.report.yaml": cleanReport() });
});
afterAll(() => project.cleanup());

const check = (args: string[], env?: Record<string, string | undefined>) => runCli(["check", ...args], { cwd: project.dir, env });
const files = ["a-error.report.yaml", "b-warning.report.yaml", "c-clean.report.yaml"];

describe("stylish", { timeout: 60_000 }, () => {
  it("prints head line, code frame with carets under the finding, notes and a summary", () => {
    const result = check(files);
    const at = positionOf(errorText, "××");
    const lines = result.stdout.split("\n");
    const head = lines.findIndex((line) => line.startsWith("a-error.report.yaml:"));
    expect(lines[head]).toBe(`a-error.report.yaml:${at.line}:${at.column}  error  残留占位符“××”，请填写实际内容  placeholder-left`);
    // The frame shows the line before and the line itself, then carets under exactly the two characters.
    expect(lines[head + 1]).toBe(`${at.line - 1} |   - title: 主要举措和成效`);
    expect(lines[head + 2]).toBe(`${at.line} |     text: 全年办理行政复议案件{review.cases}，××镇。`);
    const caretLine = lines[head + 3] ?? "";
    expect(caretLine.replace(/^\s*\|\s*/, "")).toBe("^^");
    const prefix = "    text: 全年办理行政复议案件{review.cases}，";
    const width = [...prefix].reduce((sum, char) => sum + (/[\u3000-\u9fff\uff00-\uffef]/.test(char) ? 2 : 1), 0);
    expect(caretLine.indexOf("^")).toBe(`${at.line} | `.length + width);
    expect(result.stdout).toContain("b-warning.report.yaml:");
    expect(result.stdout.trimEnd().split("\n").slice(-2)).toEqual(["检查了 3 个文件：1 个错误，1 个警告", "其中 1 个问题可用 --fix 自动修复"]);
  });

  it("lists files in path order", () => {
    const result = check(["c-clean.report.yaml", "b-warning.report.yaml", "a-error.report.yaml"]);
    expect(result.stdout.indexOf("a-error.report.yaml:")).toBeLessThan(result.stdout.indexOf("b-warning.report.yaml:"));
  });

  it("speaks English with --lang en", () => {
    const result = check([...files, "--lang", "en"]);
    expect(result.stdout).toContain('Placeholder "××" left in; write the real content  placeholder-left');
    expect(result.stdout).toContain("3 file(s) checked: 1 error(s), 1 warning(s)");
  });

  it("uses colour only when asked or on a terminal", () => {
    expect(check(files).stdout).not.toContain("\u001b[");
    const coloured = check(files, { FORCE_COLOR: "1" }).stdout;
    expect(coloured).toContain("\u001b[31merror\u001b[0m");
    expect(check(files, { FORCE_COLOR: "1", NO_COLOR: "1" }).stdout).not.toContain("\u001b[");
  });

  it("writes to --output without colour", () => {
    const result = check([...files, "--output", "out.txt"], { FORCE_COLOR: "1" });
    expect(result.stdout).toBe("");
    const written = readFileSync(path.join(project.dir, "out.txt"), "utf8");
    expect(written).toContain("placeholder-left");
    expect(written).not.toContain("\u001b[");
    expect(result.status).toBe(1);
  });
});

describe("json", { timeout: 60_000 }, () => {
  it("gives positions and offsets that point at the finding, and both languages", () => {
    const result = check([...files, "--format", "json"]);
    expect(result.status).toBe(1);
    const document = JSON.parse(result.stdout);
    expect(document.version).toBe(1);
    expect(document.summary).toMatchObject({ files: 3, errors: 1, warnings: 1, fixable: 1 });
    expect(document.files.map((file: { file: string }) => file.file)).toEqual(files);
    const [finding] = document.files[0].diagnostics;
    const at = positionOf(errorText, "××");
    expect(finding).toMatchObject({ code: "placeholder-left", severity: "error", start: { line: at.line, column: at.column }, end: { line: at.line, column: at.column + 2 } });
    expect(errorText.slice(finding.range.start, finding.range.end)).toBe("××");
    expect(finding.message.en).toContain("Placeholder");
    expect(finding.message.zh).toContain("残留占位符");
    expect(finding.docs).toBe("docs/rules/placeholder-left.md");
    const [warning] = document.files[1].diagnostics;
    expect(warning.fixes[0].safe).toBe(true);
    const edit = warning.fixes[0].edits[0];
    expect(warningText.slice(0, edit.range.start) + edit.newText + warningText.slice(edit.range.end)).toContain("review.cases: 12件");
    expect(document.files[2].diagnostics).toEqual([]);
  });
});

describe("github", { timeout: 60_000 }, () => {
  it("writes one workflow command per finding with its location and rule", () => {
    const result = check([...files, "--format", "github"]);
    const lines = result.stdout.trimEnd().split("\n");
    const at = positionOf(errorText, "××");
    expect(lines[0]).toBe(
      `::error file=a-error.report.yaml,line=${at.line},col=${at.column},endLine=${at.line},endColumn=${at.column + 2},title=placeholder-left::残留占位符“××”，请填写实际内容`,
    );
    expect(lines[1]).toMatch(/^::warning file=b-warning\.report\.yaml,line=\d+,col=\d+,endLine=\d+,endColumn=\d+,title=digit-cjk-space::/);
    expect(lines).toHaveLength(2);
  });

  it("escapes line breaks in messages so each annotation stays on one line", () => {
    const result = check(["--format", "github", "b-warning.report.yaml"]);
    for (const line of result.stdout.trimEnd().split("\n")) expect(line.startsWith("::")).toBe(true);
  });
});

describe("junit", { timeout: 60_000 }, () => {
  it("is well-formed XML with a failure per finding and a passing case per clean file", () => {
    const result = check([...files, "--format", "junit"]);
    assertWellFormedXml(result.stdout);
    expect(result.stdout).toContain('<testsuites name="govreport" tests="3" failures="2" errors="0">');
    expect(result.stdout).toMatch(/<testcase classname="a-error\.report\.yaml" name="placeholder-left \d+:\d+"><failure type="error" message="残留占位符“××”，请填写实际内容">/);
    expect(result.stdout).toContain('<testcase classname="c-clean.report.yaml" name="govreport"/>');
  });

  it("escapes markup in messages", () => {
    const project2 = makeProject({ "x.report.yaml": cleanReport().replace("基层法治力量仍然薄弱。", "基层<b>&</b>法治力量 TODO 仍然薄弱。") });
    try {
      const result = runCli(["check", "--format", "junit", "x.report.yaml"], { cwd: project2.dir });
      assertWellFormedXml(result.stdout);
      expect(result.stdout).toContain("failure");
    } finally {
      project2.cleanup();
    }
  });
});
