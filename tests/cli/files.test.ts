import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cleanReport, makeProject, reportWithError, reportWithWarning, runCli, runCliAsync } from "./helpers.js";

describe("many files", { timeout: 60_000 }, () => {
  let project: ReturnType<typeof makeProject>;
  beforeAll(() => {
    project = makeProject({
      "reports/2021/a.report.yaml": cleanReport(),
      "reports/2021/b.report.yaml": reportWithError(),
      "reports/2022/c.report.yaml": reportWithWarning(),
      "reports/2022/notes.yaml": "not: a report\n",
      "reports/drafts/d.report.yaml": reportWithError(),
      "reports/node_modules/x/e.report.yaml": reportWithError(),
      "other/f.report.json": JSON.stringify({ format: 1 }),
    });
  });
  afterAll(() => project.cleanup());

  const listed = (stdout: string) => [...new Set([...stdout.matchAll(/^([^\s:]+\.report\.(?:yaml|json)):\d+:\d+ /gm)].map((m) => m[1]))];

  it("expands a folder to the report files inside it, skipping node_modules", () => {
    const result = runCli(["check", "reports"], { cwd: project.dir });
    expect(listed(result.stdout)).toEqual(["reports/2021/b.report.yaml", "reports/2022/c.report.yaml", "reports/drafts/d.report.yaml"]);
    expect(result.stdout).toContain("检查了 4 个文件：2 个错误，1 个警告");
  });

  it("expands globs and de-duplicates files named twice", () => {
    const result = runCli(["check", "reports/**/*.report.yaml", "reports/2021/b.report.yaml", "other/*.json"], { cwd: project.dir });
    expect(result.stdout).toContain("检查了 5 个文件");
    expect(listed(result.stdout)).toContain("other/f.report.json");
  });

  it("skips what .govreportignore lists (gitignore syntax, with negation)", () => {
    const ignored = makeProject({
      ".govreportignore": "# drafts are not checked\ndrafts/\n*.json\n!keep.json\n",
      "drafts/a.report.yaml": reportWithError(),
      "b.report.yaml": cleanReport(),
      "c.report.json": "{",
      "keep.json": "{",
    });
    try {
      const result = runCli(["check", "."], { cwd: ignored.dir });
      expect(result.stdout).toBe("检查了 1 个文件：0 个错误，0 个警告\n");
      expect(result.status).toBe(0);
      const globbed = runCli(["check", "**/*.json"], { cwd: ignored.dir });
      expect(globbed.stdout).toContain("keep.json:1:");
      expect(globbed.stdout).toContain("检查了 1 个文件");
      const named = runCli(["check", "drafts/a.report.yaml", "b.report.yaml"], { cwd: ignored.dir });
      expect(named.stderr).toContain("drafts/a.report.yaml 已被忽略文件排除，未检查");
      expect(named.status).toBe(0);
      const custom = runCli(["check", "--ignore-path", "none.txt", "."], { cwd: ignored.dir });
      expect(custom.status).toBe(2);
      expect(custom.stderr).toContain("无法读取忽略文件");
    } finally {
      ignored.cleanup();
    }
  });

  it("fails with exit 2 when every file is ignored", () => {
    const ignored = makeProject({ ".govreportignore": "*.yaml\n", "a.report.yaml": cleanReport() });
    try {
      const result = runCli(["check", "a.report.yaml"], { cwd: ignored.dir });
      expect(result.status).toBe(2);
      expect(result.stderr).toContain("所有文件都已被忽略");
    } finally {
      ignored.cleanup();
    }
  });
});

describe("parallel checking", { timeout: 60_000 }, () => {
  let project: ReturnType<typeof makeProject>;
  const count = 60;
  beforeAll(() => {
    const files: Record<string, string> = {};
    // Varied sizes and findings, so a worker finishing out of order would show in the output order.
    for (let i = 0; i < count; i++) {
      const name = `r${String(i).padStart(3, "0")}.report.yaml`;
      files[name] = i % 3 === 0 ? reportWithError() : i % 3 === 1 ? reportWithWarning() : cleanReport({ extra: `# ${"padding ".repeat(i * 50)}` });
    }
    files["r999-unreadable.report.yaml"] = "";
    project = makeProject(files);
  });
  afterAll(() => project.cleanup());

  it("prints the same, in path order, whether files are checked in worker threads or in-process", async () => {
    const [serial, parallel, json] = await Promise.all([
      runCliAsync(["check", "--threads", "0", "."], { cwd: project.dir }),
      runCliAsync(["check", "--threads", "2", "."], { cwd: project.dir }),
      runCliAsync(["check", "--threads", "2", "--format", "json", "."], { cwd: project.dir }),
    ]);
    expect(parallel.stdout).toBe(serial.stdout);
    expect(parallel.status).toBe(serial.status);
    expect(serial.stdout).toContain(`检查了 ${count + 1} 个文件：${count / 3 + 1} 个错误，${count / 3} 个警告`);
    const order = JSON.parse(json.stdout).files.map((file: { file: string }) => file.file);
    expect(order).toEqual([...order].sort());
    expect(order).toHaveLength(count + 1);
  });
});
