import { existsSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import type { Ignore } from "ignore";
import { UsageError } from "./io.js";

/** What `govreport check` looks for inside a folder named on the command line. */
export const REPORT_FILE_GLOB = "**/*.report.{yaml,yml,json}";
/** The file names REPORT_FILE_GLOB matches. */
const REPORT_FILE_NAME = /\.report\.(?:yaml|yml|json)$/;
export const IGNORE_FILE_NAME = ".govreportignore";
const ALWAYS_IGNORED = ["**/node_modules/**", "**/.git/**"];

export interface ResolvedFiles {
  /** Paths relative to the working folder, `/`-separated, sorted, without duplicates. */
  readonly files: readonly string[];
  /** Files named explicitly that the ignore file excludes; they are skipped with a note. */
  readonly ignoredExplicitly: readonly string[];
  /** Patterns that matched nothing (before ignoring). */
  readonly unmatched: readonly string[];
}

export interface ResolveOptions {
  /** An ignore file in gitignore syntax; by default `.govreportignore` in the working folder, if there is one. */
  readonly ignorePath?: string | undefined;
}

export function toDisplayPath(cwd: string, absolute: string): string {
  return path.relative(cwd, absolute).split(path.sep).join("/") || ".";
}

/**
 * Loads the ignore file; a missing default file means "ignore nothing", a missing named one is an error for the
 * caller. The matcher library is loaded only when there is a file to apply.
 */
export async function loadIgnore(cwd: string, ignorePath: string | undefined): Promise<Pick<Ignore, "ignores"> | undefined> {
  const file = path.resolve(cwd, ignorePath ?? IGNORE_FILE_NAME);
  if (ignorePath === undefined && !existsSync(file)) return undefined;
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? "error";
    throw new UsageError(`无法读取忽略文件 ${ignorePath ?? IGNORE_FILE_NAME}（${code}） — cannot read the ignore file`);
  }
  const { default: ignore } = await import("ignore");
  return ignore().add(text);
}

/** A pattern with glob characters; a path without them, or one that names an existing file, is taken literally. */
function isGlob(pattern: string, cwd: string): boolean {
  return /[*?[\]{}]/.test(pattern) && !existsSync(path.resolve(cwd, pattern));
}

/**
 * The report files in a folder and the folders below it: what `REPORT_FILE_GLOB` finds there, with the folders that
 * are always ignored left out, found without compiling a glob. A folder is what a one-report check is usually given,
 * and compiling the glob took a tenth of such a run. The crawl is set up as tinyglobby sets up its own, with the
 * glob's meaning spelled out in the filters; a test holds the two to the same answer.
 */
async function reportFilesIn(folder: string): Promise<string[]> {
  const { fdir } = await import("fdir");
  // `**` and `*` match no name that starts with a dot (nor `..`, for a link that leads out of the folder), and
  // `**/node_modules/**` is ignored.
  const skipped = (absolute: string) => path.relative(folder, absolute).split(path.sep).some((name) => name.startsWith(".") || name === "node_modules");
  return new fdir({
    resolveSymlinks: true,
    resolvePaths: true,
    includeBasePath: true,
    pathSeparator: "/",
    exclude: (_name, directory) => skipped(directory),
    filters: [(file) => REPORT_FILE_NAME.test(file) && !skipped(file)],
  })
    .crawl(folder)
    .sync();
}

async function globFiles(pattern: string, options: { cwd: string; expandDirectories?: boolean }): Promise<string[]> {
  const { glob } = await import("tinyglobby");
  return glob(pattern, { cwd: options.cwd, ignore: ALWAYS_IGNORED, absolute: true, dot: false, expandDirectories: options.expandDirectories ?? false, onlyFiles: true });
}

/**
 * Expands globs, folders and plain paths into the files to check. Order never depends on the file system or on
 * timing: the list is sorted by path, so output is the same on every machine and every run.
 */
export async function resolveFiles(patterns: readonly string[], cwd: string, options: ResolveOptions = {}): Promise<ResolvedFiles> {
  const matcher = await loadIgnore(cwd, options.ignorePath);
  const isIgnored = (display: string) => matcher !== undefined && !display.startsWith("../") && display !== "." && matcher.ignores(display);
  const files = new Set<string>();
  const ignoredExplicitly: string[] = [];
  const unmatched: string[] = [];
  for (const pattern of patterns) {
    const slashed = pattern.split(path.sep).join("/");
    if (isGlob(slashed, cwd)) {
      const matches = await globFiles(slashed, { cwd });
      if (matches.length === 0) unmatched.push(pattern);
      for (const match of matches) {
        const display = toDisplayPath(cwd, match);
        if (!isIgnored(display)) files.add(display);
      }
      continue;
    }
    const absolute = path.resolve(cwd, pattern);
    if (isDirectory(absolute)) {
      const matches = await reportFilesIn(absolute);
      if (matches.length === 0) unmatched.push(pattern);
      for (const match of matches) {
        const display = toDisplayPath(cwd, match);
        if (!isIgnored(display)) files.add(display);
      }
      continue;
    }
    const display = toDisplayPath(cwd, absolute);
    if (isIgnored(display)) ignoredExplicitly.push(display);
    else files.add(display);
  }
  return { files: [...files].sort(compareStrings), ignoredExplicitly, unmatched };
}

function isDirectory(file: string): boolean {
  try {
    return statSync(file).isDirectory();
  } catch {
    return false;
  }
}

/** Code-unit order: the same everywhere, unlike localeCompare. */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
