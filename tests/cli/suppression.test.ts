import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cleanReport, makeProject, positionOf, reportWithError, runCli } from "./helpers.js";

const suppressedLine = reportWithError().replace("  - title: 主要举措和成效\n", "  - title: 主要举措和成效\n    # govreport-disable-next-line placeholder-left\n");
const suppressedFile = `# govreport-disable placeholder-left\n${reportWithError()}`;
const wrongRule = reportWithError().replace("  - title: 主要举措和成效\n", "  - title: 主要举措和成效\n    # govreport-disable-next-line digit-cjk-space\n");
const stale = cleanReport().replace("  - title: 存在的不足和原因\n", "  # govreport-disable-next-line relative-time-word\n  - title: 存在的不足和原因\n");

describe("inline suppression from the command line", { timeout: 60_000 }, () => {
  let project: ReturnType<typeof makeProject>;
  beforeAll(() => {
    project = makeProject({ "line.report.yaml": suppressedLine, "file.report.yaml": suppressedFile, "wrong.report.yaml": wrongRule, "stale.report.yaml": stale });
  });
  afterAll(() => project.cleanup());

  it("disable-next-line silences the named rule on the next line", () => {
    const result = runCli(["check", "--format", "json", "line.report.yaml"], { cwd: project.dir });
    const [file] = JSON.parse(result.stdout).files;
    expect(file.diagnostics).toEqual([]);
    expect(file.suppressed).toBe(1);
    expect(result.status).toBe(0);
  });

  it("disable silences the rule in the whole file", () => {
    const result = runCli(["check", "file.report.yaml"], { cwd: project.dir });
    expect(result.stdout).toBe("检查了 1 个文件：0 个错误，0 个警告\n");
    expect(result.status).toBe(0);
  });

  it("a suppression naming another rule silences nothing and is itself reported", () => {
    const result = runCli(["check", "wrong.report.yaml"], { cwd: project.dir });
    expect(result.stdout).toContain("placeholder-left");
    const at = positionOf(wrongRule, "# govreport-disable-next-line");
    expect(result.stdout).toContain(`wrong.report.yaml:${at.line}:${at.column}  warning  这条屏蔽注释（digit-cjk-space）没有屏蔽任何问题，可以删除  unused-suppression`);
    expect(result.status).toBe(1);
  });

  it("--fix removes a stale suppression", () => {
    const fixing = makeProject({ "stale.report.yaml": stale });
    try {
      const result = runCli(["check", "--fix", "stale.report.yaml"], { cwd: fixing.dir });
      expect(result.status).toBe(0);
      expect(result.stdout).toContain("已修复 stale.report.yaml：unused-suppression ×1");
      const again = runCli(["check", "--format", "json", "stale.report.yaml"], { cwd: fixing.dir });
      expect(JSON.parse(again.stdout).files[0].diagnostics).toEqual([]);
    } finally {
      fixing.cleanup();
    }
  });
});
