import { closeSync, existsSync, openSync, realpathSync, writeFileSync } from "node:fs";
import path from "node:path";
import { allRuleMeta, type ConfigProblem, type Language } from "@govreport/core";
import type { CheckJob, FileOutcome, FileReport, OutputOptions } from "../check/job.js";
import { runJobs } from "../check/pool.js";
import { runJob } from "../check/run-job.js";
import { createConfigResolver, formatConfigProblems } from "../config-loader.js";
import { resolveFiles } from "../files.js";
import { SummaryTotals, type FixedFile, type FormatContext } from "../formats/context.js";
import { FORMAT_NAMES, FORMATTERS, isFormatName } from "../formats/index.js";
import { EXIT, isUsageError, UsageError, type Io } from "../io.js";

// A worker thread runs the same check code as the main thread; it finds its loop here, next to the command.
export { serveJobs as serveCheckJobs } from "../check/pool.js";

/**
 * A real report with findings of many rules, copied next to the bundle by scripts/bundle.cjs; not named
 * `*.report.yaml`, so that checking a folder never finds it.
 */
export const CODE_CACHE_SAMPLE = "code-cache-sample.yaml";

/**
 * Checks the sample report in every format and language, output discarded, so that the code cache written after
 * this run holds what a typical check compiles (src/chunk-loader.ts calls this before writing the cache).
 */
export function warmUpCodeCache(dir: string): void {
  const absolutePath = path.join(dir, CODE_CACHE_SAMPLE);
  if (!existsSync(absolutePath)) return;
  const job: CheckJob = { file: CODE_CACHE_SAMPLE, absolutePath, rules: {}, profile: undefined, fix: false };
  const totals = new SummaryTotals();
  for (const language of ["zh", "en"] as const) {
    for (const format of FORMAT_NAMES) {
      const outcome = runJob(job, { format, language, color: format === "stylish" && language === "en", quiet: false });
      totals.add(outcome.counts, false);
      const context: FormatContext = { language, color: false, cwd: dir, summary: totals.summary(), rules: allRuleMeta(), quiet: false, fixedFiles: [] };
      const formatter = FORMATTERS[format];
      if (formatter.streaming) formatter.end(context, true);
      else formatter.format(outcome.report ? [outcome.report] : [], context);
    }
  }
}

export interface CheckCommandOptions {
  readonly patterns: readonly string[];
  readonly language: Language;
  readonly format?: string | undefined;
  readonly output?: string | undefined;
  readonly quiet?: boolean | undefined;
  /** Warnings allowed before the run fails; undefined allows any number. */
  readonly maxWarnings?: number | undefined;
  readonly fix?: boolean | undefined;
  readonly config?: string | undefined;
  readonly ignorePath?: string | undefined;
  /** Worker threads; undefined chooses by file count and cores. */
  readonly threads?: number | undefined;
}

export async function runCheck(options: CheckCommandOptions, io: Io): Promise<number> {
  const format = options.format ?? "stylish";
  if (!isFormatName(format)) throw new UsageError(`不支持的输出格式“${format}”，可用：${FORMAT_NAMES.join("、")} — unsupported format "${format}"; use ${FORMAT_NAMES.join(", ")}`);
  if (options.patterns.length === 0) throw new UsageError("请指定要检查的文件，如 govreport check report.yaml — name the files to check");

  let resolved;
  try {
    resolved = await resolveFiles(options.patterns, io.cwd, { ignorePath: options.ignorePath });
  } catch (error) {
    if (isUsageError(error)) throw error;
    const code = (error as NodeJS.ErrnoException).code ?? "error";
    throw new UsageError(`无法列出要检查的文件（${code}） — cannot list the files to check (${code})`);
  }
  for (const file of resolved.ignoredExplicitly) {
    io.stderr.write(options.language === "en" ? `govreport: ${file} is ignored by the ignore file\n` : `govreport：${file} 已被忽略文件排除，未检查\n`);
  }
  if (resolved.unmatched.length > 0) {
    throw new UsageError(`没有匹配的文件：${resolved.unmatched.join(" ")} — no files match ${resolved.unmatched.join(" ")}`);
  }
  if (resolved.files.length === 0) throw new UsageError("所有文件都已被忽略，没有可检查的文件 — every file is ignored; nothing to check");

  const resolver = createConfigResolver(io.cwd, options.config);
  const problems: ConfigProblem[] = [];
  const jobs: CheckJob[] = resolved.files.map((file) => {
    const absolutePath = path.resolve(io.cwd, file);
    const settings = resolver.settingsFor(absolutePath);
    problems.push(...settings.problems);
    return { file, absolutePath, rules: settings.rules, profile: settings.profile, fix: options.fix === true };
  });
  if (problems.length > 0) {
    io.stderr.write(formatConfigProblems(problems, io.cwd, options.language));
    return EXIT.usage;
  }
  if (options.output !== undefined) refuseOutputOverReport(path.resolve(io.cwd, options.output), options.output, jobs);

  const formatter = FORMATTERS[format];
  const env = io.env ?? process.env;
  const color = format === "stylish" && options.output === undefined && wantsColor(io.stdout.isTTY === true, env);
  const output: OutputOptions = { format, language: options.language, color, quiet: options.quiet === true };
  const sink = bufferedSink(options.output === undefined ? stdoutTarget(io.stdout) : fileTarget(path.resolve(io.cwd, options.output), options.output));
  // Only what the closing lines and the exit code need is kept of each file; with a streaming format, its text
  // is printed as soon as it and every file before it are checked.
  const totals = new SummaryTotals();
  const fixedFiles: FixedFile[] = [];
  const failed: Array<Pick<FileOutcome, "file" | "error" | "ruleFailures">> = [];
  const reports: FileReport[] = [];
  let printedAny = false;
  try {
    await runJobs(jobs, {
      workerScript: io.workerScript,
      threads: options.threads,
      output,
      backpressure: () => sink.backpressure(),
      deliver: (outcome) => {
        totals.add(outcome.counts, outcome.error?.kind === "read");
        if (outcome.fix?.written) fixedFiles.push({ file: outcome.file, fixedByRule: outcome.fix.fixedByRule });
        if (outcome.error !== undefined || outcome.ruleFailures.length > 0) failed.push({ file: outcome.file, ruleFailures: outcome.ruleFailures, error: outcome.error });
        if (formatter.streaming) {
          if (outcome.text) {
            sink.write(printedAny ? `${formatter.separator}${outcome.text}` : outcome.text);
            printedAny = true;
          }
        } else if (outcome.report) {
          reports.push(outcome.report);
        }
      },
    });
    const summary = totals.summary();
    const context: FormatContext = { language: options.language, color, cwd: io.cwd, summary, rules: allRuleMeta(), quiet: options.quiet === true, fixedFiles };
    sink.write(formatter.streaming ? formatter.end(context, printedAny) : formatter.format(reports, context));
    sink.close();
    return exitCode(failed, summary.errors, summary.warnings, options, io);
  } finally {
    sink.dispose();
  }
}

/**
 * `--output` is opened (and emptied) before any file is read, so naming a checked report there would lose it. The
 * same file reached through another path or a link counts too.
 */
function refuseOutputOverReport(target: string, shown: string, jobs: readonly CheckJob[]): void {
  const real = (file: string): string => {
    try {
      return realpathSync(file);
    } catch {
      return file;
    }
  };
  const output = real(target);
  const report = jobs.find((job) => job.absolutePath === target || real(job.absolutePath) === output);
  if (report) {
    throw new UsageError(`--output ${shown} 是要检查的报告 ${report.file}，写入会覆盖它 — --output ${shown} is the report ${report.file} being checked; writing there would overwrite it`);
  }
}

interface OutputSink {
  write(text: string): void;
  /** While the stream cannot take more, a promise of the moment it can. */
  backpressure(): Promise<void> | undefined;
  /** Writes out what is buffered; a failure to write, now or earlier, is thrown here. */
  close(): void;
  /** Releases the file, also after an error. */
  dispose(): void;
}

/** Characters gathered before a write to a pipe or file; a terminal gets each file's text at once. */
const STREAM_BUFFER = 64 * 1024;

/** Where a sink's text goes: standard output or the --output file. */
interface SinkTarget {
  /** Writes all of `text`; false when a queue in memory is full, and `onDrain` tells when it has room again. */
  write(text: string): boolean;
  onDrain?(listener: () => void): void;
  /** Each file's text goes out at once (a terminal) rather than in large chunks. */
  readonly immediate: boolean;
  /** The error to report when a write failed. */
  failure(error: unknown): UsageError;
  dispose(): void;
}

/**
 * Gathers text into large writes. A write can fail while a worker thread's results are being delivered, where a
 * throw would end the process; so the first failure is kept, nothing more is written, and `close` reports it.
 */
function bufferedSink(target: SinkTarget): OutputSink {
  let buffered = "";
  let drained: Promise<void> | undefined;
  let failure: UsageError | undefined;
  const flush = () => {
    if (buffered === "" || failure !== undefined) return;
    try {
      if (!target.write(buffered) && target.onDrain && drained === undefined) {
        const onDrain = target.onDrain.bind(target);
        drained = new Promise((resolve) => onDrain(() => resolve()));
        void drained.then(() => (drained = undefined));
      }
    } catch (error) {
      failure = target.failure(error);
    }
    buffered = "";
  };
  return {
    write(text) {
      if (failure !== undefined) return;
      buffered += text;
      if (target.immediate || buffered.length >= STREAM_BUFFER) flush();
    },
    backpressure: () => drained,
    close() {
      flush();
      if (failure !== undefined) throw failure;
    },
    dispose: () => target.dispose(),
  };
}

function stdoutTarget(stream: Io["stdout"]): SinkTarget {
  return {
    // A pipe takes what it can and queues the rest in memory; `false` says the queue is full.
    write: (text) => stream.write(text) !== false,
    onDrain: stream.once ? (listener) => stream.once?.("drain", listener) : undefined,
    immediate: stream.isTTY === true,
    failure(error) {
      const code = (error as NodeJS.ErrnoException).code ?? "error";
      return isUsageError(error) ? error : new UsageError(`无法写入标准输出（${code}） — cannot write to standard output (${code})`);
    },
    dispose: () => undefined,
  };
}

/** The --output file is opened before checking starts, so an unwritable path fails before any file is fixed. */
function fileTarget(file: string, shown: string): SinkTarget {
  const failure = (error: unknown) => new UsageError(`无法写入 ${shown}（${(error as NodeJS.ErrnoException).code ?? "error"}） — cannot write ${shown}`);
  let fd: number | undefined;
  try {
    fd = openSync(file, "w");
  } catch (error) {
    throw failure(error);
  }
  return {
    write(text) {
      // Given a descriptor, writeFileSync writes at the current position and, unlike writeSync, until all is written.
      if (fd !== undefined) writeFileSync(fd, text, "utf8");
      return true;
    },
    immediate: false,
    failure,
    dispose() {
      if (fd === undefined) return;
      try {
        closeSync(fd);
      } catch {
        // Nothing more can be done about this file; the run's result stands.
      }
      fd = undefined;
    },
  };
}

function wantsColor(isTTY: boolean, env: Readonly<Record<string, string | undefined>>): boolean {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== "") return false;
  if (env.FORCE_COLOR !== undefined) return env.FORCE_COLOR !== "0" && env.FORCE_COLOR !== "false";
  return isTTY;
}

/** The exit code of a check run; writes why to stderr when the run itself failed or warnings are over the limit. */
export function exitCode(
  files: ReadonlyArray<Pick<FileOutcome, "file" | "error" | "ruleFailures">>,
  errors: number,
  warnings: number,
  options: Pick<CheckCommandOptions, "language" | "maxWarnings">,
  io: Pick<Io, "stderr">,
): number {
  const failed = files.filter((report) => report.error !== undefined || report.ruleFailures.length > 0);
  if (failed.length > 0) {
    for (const report of failed) {
      for (const failure of report.ruleFailures) {
        io.stderr.write(`govreport: ${report.file}: ${options.language === "en" ? "rule" : "规则"} ${failure.ruleId}: ${failure.error}\n`);
      }
    }
    return EXIT.usage;
  }
  if (errors > 0) return EXIT.findings;
  if (options.maxWarnings !== undefined && warnings > options.maxWarnings) {
    io.stderr.write(
      options.language === "en"
        ? `govreport: ${warnings} warning(s), more than --max-warnings ${options.maxWarnings} allows\n`
        : `govreport：警告 ${warnings} 个，超过 --max-warnings 允许的 ${options.maxWarnings} 个\n`,
    );
    return EXIT.findings;
  }
  return EXIT.clean;
}
