import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cleanReport, makeProject, runCli } from "./helpers.js";

describe("govreport render", { timeout: 60_000 }, () => {
  let project: ReturnType<typeof makeProject>;
  beforeAll(() => {
    project = makeProject({
      "r.report.yaml": cleanReport().replace("基层法治力量仍然薄弱。", "基层法治力量仍然薄弱，<script>alert(1)</script>&。"),
      "bad.report.yaml": "format: 1\nmeta: {}\n",
    });
  });
  afterAll(() => project.cleanup());

  it("renders plain text with numbered headings and figures substituted", () => {
    const result = runCli(["render", "r.report.yaml"], { cwd: project.dir });
    expect(result.status).toBe(0);
    expect(result.stdout).toContain("关于2021年度法治政府建设工作情况的报告");
    expect(result.stdout).toContain("一、主要举措和成效");
    expect(result.stdout).toContain("四、2022年度推进法治政府建设的主要安排");
    expect(result.stdout).toContain("全年办理行政复议案件12件。");
    expect(result.stdout).not.toContain("{review.cases}");
  });

  it("renders a standalone HTML page with report text escaped", () => {
    const result = runCli(["render", "--format", "html", "--output", "r.html", "r.report.yaml"], { cwd: project.dir });
    expect(result.status).toBe(0);
    const html = readFileSync(path.join(project.dir, "r.html"), "utf8");
    expect(html.startsWith("<!DOCTYPE html>")).toBe(true);
    expect(html).toContain("Content-Security-Policy");
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;&amp;");
    expect(html).not.toContain("<script>");
  });

  it("exits 1 with the first problem when the report data is invalid", () => {
    const result = runCli(["render", "bad.report.yaml"], { cwd: project.dir });
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/^bad\.report\.yaml:\d+:\d+ {2}\S/);
    expect(result.stderr).toContain("govreport check");
  });

  it("exits 2 for an unknown format or a missing file", () => {
    expect(runCli(["render", "--format", "pdf", "r.report.yaml"], { cwd: project.dir }).status).toBe(2);
    expect(runCli(["render", "nope.report.yaml"], { cwd: project.dir }).status).toBe(2);
  });
});
