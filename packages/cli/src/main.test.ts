import { copyFileSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { FileReport } from "./check/job.js";
import { chooseThreadCount } from "./check/pool.js";
import { runJob } from "./check/run-job.js";
import { CODE_CACHE_SAMPLE, exitCode, warmUpCodeCache } from "./commands/check.js";
import { headingFor } from "./commands/init.js";
import { escapeData, escapeProperty } from "./formats/github.js";
import { escapeXml } from "./formats/junit.js";
import { EXIT, isUsageError, UsageError, type Io } from "./io.js";
import { main } from "./main.js";
import { VERSION } from "./version.js";

function bufferIo(cwd = process.cwd(), isTTY = false): Io & { out: () => string; err: () => string; writes: () => readonly string[] } {
  const writes: string[] = [];
  let err = "";
  return {
    stdout: { write: (text: string) => writes.push(text), isTTY },
    stderr: { write: (text: string) => (err += text) },
    cwd,
    env: { NO_COLOR: "1" },
    out: () => writes.join(""),
    err: () => err,
    writes: () => writes,
  };
}

const EXAMPLE = path.join(__dirname, "..", "..", "..", "examples", "xiqu-2021", "report.yaml");

describe("main", () => {
  it("prints the version from package.json", async () => {
    const io = bufferIo();
    expect(await main(["--version"], io)).toBe(EXIT.clean);
    const manifest = JSON.parse(readFileSync(path.join(__dirname, "..", "package.json"), "utf8")) as { version: string };
    expect(io.out()).toBe(`${manifest.version}\n`);
    expect(VERSION).toBe(manifest.version);
  });

  it.each([
    [["check", "--fix", "--year", "2020", "a.yaml"], "check 命令不接受 --year 选项"],
    [["render", "--quiet", "a.yaml"], "render 命令不接受 --quiet 选项"],
    [["render", "a.yaml", "b.yaml"], "render 一次只能排版一个文件"],
    [["check", "--threads=-1", "a.yaml"], "--threads 应为非负整数"],
    [["check", "--max-warnings", "1.5", "a.yaml"], "--max-warnings 应为非负整数"],
    [["schema", "report", "extra"], "schema 只接受一个参数"],
    [["schema", "config"], "未知的 schema 种类“config”"],
    [["init", "x.yaml", "--profile", "fazhi-annual", "--year", "2022"], "init 不接受文件参数"],
    [["init", "--profile", "fazhi-annual", "--year", "1800"], "--year 应为四位年份"],
    [["init", "--profile", "fazhi-annual", "--year", "22"], "--year 应为四位年份"],
    [["init", "--profile", "fazhi-annual"], "请用 --year 指定报告年度"],
    [["init", "--profile", "no-such", "--year", "2022"], "没有名为“no-such”的内置报告规则"],
    [["init", "--profile", "fazhi-annual", "--year", "2022", "--from", "missing.report.yaml"], "无法读取上年报告 missing.report.yaml"],
    [["check"], "请指定要检查的文件"],
    [["init", "--profile", "./nope.profile.yaml", "--year", "2022"], "无法读取报告规则文件 ./nope.profile.yaml"],
    [["--format"], "argument missing"],
    [["check", "--no-such-option", "a.report.yaml"], "命令行参数有误（用法见 govreport --help）"],
  ])("exits 2 with a message for %j", async (argv, message) => {
    const io = bufferIo();
    expect(await main(argv, io)).toBe(EXIT.usage);
    expect(io.err()).toContain(message);
    expect(io.out()).toBe("");
  });
});

describe("check exit code", () => {
  const report = (overrides: Partial<FileReport>): FileReport => ({ file: "r.report.yaml", bytes: 1, diagnostics: [], ruleFailures: [], suppressedCount: 0, ...overrides });
  const io = () => bufferIo();

  it("is 2 when a rule failed, whatever else was found, and says which rule", () => {
    const sink = io();
    const code = exitCode([report({ ruleFailures: [{ ruleId: "check-mismatch", error: "TypeError: boom" }] })], 0, 0, { language: "zh", maxWarnings: undefined }, sink);
    expect(code).toBe(EXIT.usage);
    expect(sink.err()).toBe("govreport: r.report.yaml: 规则 check-mismatch: TypeError: boom\n");
  });

  it("is 2 for a file that could not be read or written", () => {
    expect(exitCode([report({ error: { kind: "read", message: { zh: "x", en: "x" } } })], 0, 0, { language: "zh", maxWarnings: undefined }, io())).toBe(EXIT.usage);
    expect(exitCode([report({ error: { kind: "write", message: { zh: "x", en: "x" } } })], 0, 0, { language: "zh", maxWarnings: undefined }, io())).toBe(EXIT.usage);
  });

  it("is 1 for errors or warnings over the limit, 0 otherwise", () => {
    expect(exitCode([report({})], 1, 0, { language: "zh", maxWarnings: undefined }, io())).toBe(EXIT.findings);
    expect(exitCode([report({})], 0, 5, { language: "zh", maxWarnings: undefined }, io())).toBe(EXIT.clean);
    expect(exitCode([report({})], 0, 5, { language: "zh", maxWarnings: 5 }, io())).toBe(EXIT.clean);
    expect(exitCode([report({})], 0, 6, { language: "en", maxWarnings: 5 }, io())).toBe(EXIT.findings);
  });
});

describe("helpers", () => {
  it("checks in-process for few files or few cores, and leaves two cores to the main thread and the collector", () => {
    expect(chooseThreadCount(1, undefined, 8)).toBe(0);
    expect(chooseThreadCount(47, undefined, 8)).toBe(0);
    expect(chooseThreadCount(10_000, undefined, 2)).toBe(0);
    expect(chooseThreadCount(100, undefined, 4)).toBe(2);
    expect(chooseThreadCount(100, undefined, 8)).toBe(2);
    expect(chooseThreadCount(10_000, undefined, 8)).toBe(6);
    expect(chooseThreadCount(3, 2, 8)).toBe(2);
  });

  it("escapes GitHub workflow command data and properties", () => {
    expect(escapeData("50% done\r\nnext")).toBe("50%25 done%0D%0Anext");
    expect(escapeProperty("a:b,c")).toBe("a%3Ab%2Cc");
  });

  it("escapes XML and drops characters XML cannot carry", () => {
    expect(escapeXml(`<a href="x">&'\u0001</a>`)).toBe("&lt;a href=&quot;x&quot;&gt;&amp;&apos;&lt;/a&gt;");
  });

  it("writes the years into requirement titles", () => {
    expect(headingFor("上一年度推进法治政府建设的主要举措和成效", 2022, false)).toBe("2022年度推进法治政府建设的主要举措和成效");
    expect(headingFor("下一年度推进法治政府建设的主要安排", 2022, true)).toBe("2023年度推进法治政府建设的主要安排");
    expect(headingFor("工作计划", 2022, true)).toBe("2023年工作计划");
    expect(headingFor("其他需要报告的情况", 2022, false)).toBe("其他需要报告的情况");
  });
});

describe("check output", { timeout: 30_000 }, () => {
  let dir: string;
  const job = (file: string) => ({ file, absolutePath: path.join(dir, file), rules: {}, profile: undefined, fix: false });
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), "govreport-cli-unit-"));
    copyFileSync(EXAMPLE, path.join(dir, "a.report.yaml"));
    copyFileSync(EXAMPLE, path.join(dir, "b.report.yaml"));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("prints each file's findings on a terminal as soon as it is checked, the same text as through a pipe", async () => {
    const terminal = bufferIo(dir, true);
    const piped = bufferIo(dir, false);
    expect(await main(["check", "."], terminal)).toBe(EXIT.clean);
    expect(await main(["check", "."], piped)).toBe(EXIT.clean);
    expect(terminal.out()).toBe(piped.out());
    // One write per file, then the summary; the first holds a's findings and nothing of b's.
    expect(terminal.writes()).toHaveLength(3);
    expect(terminal.writes()[0]).toMatch(/^a\.report\.yaml:\d+:\d+ {2}warning {2}/);
    expect(terminal.writes()[0]).not.toContain("b.report.yaml");
    expect(terminal.writes()[2]).toMatch(/^\n\n检查了 2 个文件：0 个错误，\d+ 个警告/);
    expect(piped.writes().length).toBeLessThan(3);
  });

  it("keeps a file's text for the formats printed file by file, and its report without code frames for the others", () => {
    const stylish = runJob(job("a.report.yaml"), { format: "stylish", language: "en", color: false, quiet: false });
    const counted = stylish.counts.errors + stylish.counts.warnings + stylish.counts.infos + stylish.counts.hints;
    expect(counted).toBeGreaterThan(0);
    expect(stylish.report).toBeUndefined();
    expect(stylish.text?.split("\n").filter((line) => /^a\.report\.yaml:\d+:\d+ {2}/.test(line))).toHaveLength(counted);

    const json = runJob(job("a.report.yaml"), { format: "json", language: "en", color: false, quiet: false });
    expect(json.text).toBeUndefined();
    expect(json.counts).toEqual(stylish.counts);
    expect(json.report?.diagnostics).toHaveLength(counted);
    expect(json.report?.diagnostics.every((diagnostic) => diagnostic.frame === undefined)).toBe(true);
  });

  it("leaves warnings out of the shown findings with --quiet, but counts them", () => {
    const quiet = runJob(job("a.report.yaml"), { format: "json", language: "zh", color: false, quiet: true });
    expect(quiet.counts.warnings).toBeGreaterThan(0);
    expect(quiet.report?.diagnostics.filter((diagnostic) => diagnostic.severity !== "error")).toEqual([]);
  });

  it("fails on an unwritable --output before it fixes any file", async () => {
    const before = readFileSync(path.join(dir, "a.report.yaml"), "utf8");
    const io = bufferIo(dir);
    expect(await main(["check", "--fix", "--output", "no-such-folder/out.txt", "a.report.yaml"], io)).toBe(EXIT.usage);
    expect(io.err()).toContain("无法写入 no-such-folder/out.txt（ENOENT）");
    expect(readFileSync(path.join(dir, "a.report.yaml"), "utf8")).toBe(before);
  });

  it("says when the output cannot be written and exits 2", async () => {
    const io = bufferIo(dir);
    let writes = 0;
    const failing: Io = {
      ...io,
      stdout: {
        write: () => {
          writes++;
          throw Object.assign(new Error("no space left on device"), { code: "ENOSPC" });
        },
      },
    };
    expect(await main(["check", "a.report.yaml", "b.report.yaml"], failing)).toBe(EXIT.usage);
    expect(io.err()).toContain("无法写入标准输出（ENOSPC） — cannot write to standard output (ENOSPC)");
    // The first failed write ends the output; it is not tried again for every later file.
    expect(writes).toBe(1);
  });

  it("refuses an --output that is one of the checked reports, also through a link, and leaves it as it was", async () => {
    const before = readFileSync(path.join(dir, "a.report.yaml"), "utf8");
    symlinkSync(path.join(dir, "a.report.yaml"), path.join(dir, "link-to-a.txt"));
    for (const output of ["a.report.yaml", "./a.report.yaml", "link-to-a.txt"]) {
      const io = bufferIo(dir);
      expect(await main(["check", "--output", output, "a.report.yaml", "b.report.yaml"], io)).toBe(EXIT.usage);
      expect(io.err()).toContain("是要检查的报告 a.report.yaml");
    }
    expect(readFileSync(path.join(dir, "a.report.yaml"), "utf8")).toBe(before);
  });
});

describe("code cache warm-up", () => {
  it("checks the sample in every format without printing, and does nothing without a sample", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "govreport-cli-warm-"));
    const write = vi.spyOn(process.stdout, "write");
    try {
      warmUpCodeCache(dir);
      copyFileSync(EXAMPLE, path.join(dir, CODE_CACHE_SAMPLE));
      warmUpCodeCache(dir);
      expect(write).not.toHaveBeenCalled();
    } finally {
      write.mockRestore();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("usage errors", () => {
  it("are recognised when thrown by another copy of their module, as a separately bundled command has", async () => {
    vi.resetModules();
    const copy = await import("./io.js");
    const error = new copy.UsageError("x");
    expect(copy.UsageError).not.toBe(UsageError);
    expect(error instanceof UsageError).toBe(false);
    expect(isUsageError(error)).toBe(true);
    expect(isUsageError(new Error("x"))).toBe(false);
    expect(isUsageError(undefined)).toBe(false);
  });
});
