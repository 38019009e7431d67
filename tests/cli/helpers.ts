import { spawn, spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

export const REPO = path.resolve(__dirname, "..", "..");
export const BIN = path.join(REPO, "packages", "cli", "bin", "govreport.cjs");

export interface CliResult {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

const BASE_ENV = { ...process.env, NO_COLOR: "", FORCE_COLOR: undefined } as Record<string, string | undefined>;
delete BASE_ENV.FORCE_COLOR;

/** Runs the built CLI as a process, the way CI runs it. */
export function runCli(args: readonly string[], options: { cwd: string; env?: Record<string, string | undefined> }): CliResult {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    cwd: options.cwd,
    env: { ...BASE_ENV, ...options.env } as NodeJS.ProcessEnv,
    encoding: "utf8",
    timeout: 60_000,
  });
  if (result.error) throw result.error;
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** The same, without blocking the test runner: needed when several runs go on at once. */
export function runCliAsync(args: readonly string[], options: { cwd: string; env?: Record<string, string | undefined> }): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: options.cwd, env: { ...BASE_ENV, ...options.env } as NodeJS.ProcessEnv });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
    child.on("error", reject);
    child.on("close", (status) => resolve({ status, stdout, stderr }));
  });
}

/** A temporary folder laid out from a map of relative paths to contents; removed by the returned function. */
export function makeProject(files: Record<string, string>): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(path.join(tmpdir(), "govreport-cli-"));
  for (const [name, text] of Object.entries(files)) {
    const file = path.join(dir, name);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, text);
  }
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** A complete report with nothing to flag: the four required parts, in order, each with content. */
export function cleanReport(options: { year?: number; extra?: string; profile?: string } = {}): string {
  const year = options.year ?? 2021;
  return [
    "format: 1",
    `profile: ${options.profile ?? "fazhi-annual"}`,
    "meta:",
    "  issuer: 东城县人民政府",
    "  recipient: 市人民政府",
    `  title: 关于${year}年度法治政府建设工作情况的报告`,
    `  year: ${year}`,
    `  date: ${year + 1}-01-28`,
    "sections:",
    "  - title: 主要举措和成效",
    "    text: 全年办理行政复议案件{review.cases}。",
    "  - title: 党政主要负责人履行推进法治建设第一责任人职责情况",
    "    text: 县长主持召开常务会议专题研究法治政府建设。",
    "  - title: 存在的不足和原因",
    "    text: 基层法治力量仍然薄弱。",
    `  - title: ${year + 1}年度推进法治政府建设的主要安排`,
    "    text: 持续推进严格规范公正文明执法。",
    "figures:",
    "  review.cases: 12件",
    options.extra ?? "",
  ].join("\n");
}

/** The clean report with one placeholder (an error) in the measures text: `××` on line 11. */
export function reportWithError(): string {
  return cleanReport().replace("全年办理行政复议案件{review.cases}。", "全年办理行政复议案件{review.cases}，××镇。");
}

/** The clean report with one space between a number and a unit (a warning with a safe fix) in a figure value. */
export function reportWithWarning(): string {
  return cleanReport().replace("review.cases: 12件", "review.cases: 12 件");
}

/** 1-based line and column of the first occurrence of `needle`, counted in UTF-16 code units. */
export function positionOf(text: string, needle: string, from = 0): { line: number; column: number; offset: number } {
  const offset = text.indexOf(needle, from);
  if (offset < 0) throw new Error(`"${needle}" not in text`);
  const before = text.slice(0, offset);
  const line = before.split("\n").length;
  const column = offset - (before.lastIndexOf("\n") + 1) + 1;
  return { line, column, offset };
}

/**
 * Loads a dependency of the CLI package (yaml, ajv, …). The tests package has none of its own, so tooling the CLI
 * already depends on is borrowed from there rather than installed twice.
 */
export const requireFromCli = createRequire(path.join(REPO, "packages", "cli", "package.json"));
