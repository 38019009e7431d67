import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cleanReport, makeProject, reportWithError, reportWithWarning, runCli } from "./helpers.js";

let project: ReturnType<typeof makeProject>;

beforeAll(() => {
  project = makeProject({
    "clean.report.yaml": cleanReport(),
    "error.report.yaml": reportWithError(),
    "warning.report.yaml": reportWithWarning(),
    "broken.report.yaml": "format: 1\nmeta: [unclosed\n",
    // yaml warns that it stringifies a key that is a collection.
    "collection-key.report.yaml": "format: 1\n? [a, b]\n: c\n",
  });
});
afterAll(() => project.cleanup());

const check = (...args: string[]) => runCli(["check", ...args], { cwd: project.dir });

describe("exit codes", { timeout: 60_000 }, () => {
  it("0 for a clean report", () => {
    const result = check("clean.report.yaml");
    expect(result.stderr).toBe("");
    expect(result.stdout).toBe("检查了 1 个文件：0 个错误，0 个警告\n");
    expect(result.status).toBe(0);
  });

  it("1 when there is an error", () => {
    expect(check("error.report.yaml").status).toBe(1);
    expect(check("clean.report.yaml", "error.report.yaml").status).toBe(1);
  });

  it("leaves stderr to govreport: the YAML library prints no warnings of its own", () => {
    const result = check("collection-key.report.yaml");
    expect(result.status).toBe(1);
    expect(result.stdout).toContain("schema-violation");
    expect(result.stderr).toBe("");
  });

  it("1 for a YAML syntax error, which is a finding in the file", () => {
    const result = check("broken.report.yaml");
    expect(result.status).toBe(1);
    expect(result.stdout).toContain("syntax-error");
  });

  it("0 for warnings alone, 1 once they exceed --max-warnings", () => {
    expect(check("warning.report.yaml").status).toBe(0);
    expect(check("warning.report.yaml", "--max-warnings", "1").status).toBe(0);
    const over = check("warning.report.yaml", "--max-warnings", "0");
    expect(over.status).toBe(1);
    expect(over.stderr).toContain("警告 1 个，超过 --max-warnings 允许的 0 个");
  });

  it("--quiet hides warnings but --max-warnings still counts them", () => {
    const quiet = check("warning.report.yaml", "--quiet");
    expect(quiet.status).toBe(0);
    expect(quiet.stdout).not.toContain("digit-cjk-space");
    expect(quiet.stdout).toContain("未显示 1 个警告和提示");
    expect(check("warning.report.yaml", "--quiet", "--max-warnings", "0").status).toBe(1);
  });

  it.each([
    [["--no-such-flag", "clean.report.yaml"], "--no-such-flag"],
    [["--format", "xml", "clean.report.yaml"], "不支持的输出格式“xml”"],
    [["--lang", "fr", "clean.report.yaml"], "--lang 只能是 zh 或 en"],
    [["nothing-*.yaml"], "没有匹配的文件：nothing-*.yaml"],
  ])("2 for a usage error: %j", (args, message) => {
    const result = check(...args);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain(message);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it("2 for a file that cannot be read, after checking the others", () => {
    const result = check("clean.report.yaml", "missing.report.yaml", "error.report.yaml");
    expect(result.status).toBe(2);
    expect(result.stdout).toContain("missing.report.yaml  error  无法读取文件（ENOENT）");
    expect(result.stdout).toContain("error.report.yaml:11:");
    expect(result.stdout).toContain("1 个文件无法读取");
  });

  it("2 for an unknown command, and for no command at all", () => {
    expect(runCli(["lint"], { cwd: project.dir }).status).toBe(2);
    const bare = runCli([], { cwd: project.dir });
    expect(bare.status).toBe(2);
    expect(bare.stderr).toContain("用法 Usage");
  });

  it("documents the exit codes in --help", () => {
    const help = runCli(["--help"], { cwd: project.dir });
    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(/退出码 Exit codes:\n\s+0 .*\n\s+1 .*max-warnings.*\n\s+2 .*配置文件有误.*检查规则内部出错/);
    for (const format of ["stylish", "json", "sarif", "github", "junit"]) expect(help.stdout).toContain(format);
  });
});
