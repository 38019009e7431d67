import { writeFileSync } from "node:fs";
import path from "node:path";
import { allRuleMeta, type ConfigProblem, type Language } from "@govreport/core";
import type { CheckJob, FileReport } from "../check/job.js";
import { runJobs } from "../check/pool.js";
import { createConfigResolver, formatConfigProblems } from "../config-loader.js";
import { resolveFiles } from "../files.js";
import { summarize, type FormatContext } from "../formats/context.js";
import { FORMAT_NAMES, FORMATTERS } from "../formats/index.js";
import { EXIT, UsageError, type Io } from "../io.js";
import { workerEntry } from "../worker-entry.js";

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
  /** Worker threads; undefined chooses by file count. */
  readonly threads?: number | undefined;
}

export async function runCheck(options: CheckCommandOptions, io: Io): Promise<number> {
  const format = options.format ?? "stylish";
  const formatter = FORMATTERS[format];
  if (!formatter) throw new UsageError(`不支持的输出格式“${format}”，可用：${FORMAT_NAMES.join("、")} — unsupported format "${format}"; use ${FORMAT_NAMES.join(", ")}`);
  if (options.patterns.length === 0) throw new UsageError("请指定要检查的文件，如 govreport check report.yaml — name the files to check");

  let resolved;
  try {
    resolved = await resolveFiles(options.patterns, io.cwd, { ignorePath: options.ignorePath });
  } catch (error) {
    throw new UsageError(`无法读取忽略文件 ${options.ignorePath ?? ""}（${(error as NodeJS.ErrnoException).code ?? "error"}） — cannot read the ignore file`);
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
    return { file, absolutePath, rules: settings.rules, profile: settings.profile, fix: options.fix === true, frames: format === "stylish" };
  });
  if (problems.length > 0) {
    io.stderr.write(formatConfigProblems(problems, io.cwd, options.language));
    return EXIT.usage;
  }

  const reports = await runJobs(jobs, { workerEntry: workerEntry(), threads: options.threads });
  const summary = summarize(reports);
  const shown = options.quiet ? reports.map(errorsOnly) : reports;
  const env = io.env ?? process.env;
  const color = format === "stylish" && options.output === undefined && wantsColor(io.stdout.isTTY === true, env);
  const context: FormatContext = { language: options.language, color, cwd: io.cwd, summary, rules: allRuleMeta(), quiet: options.quiet === true };
  const text = formatter(shown, context);
  if (options.output !== undefined) {
    const target = path.resolve(io.cwd, options.output);
    try {
      writeFileSync(target, text, "utf8");
    } catch (error) {
      throw new UsageError(`无法写入 ${options.output}（${(error as NodeJS.ErrnoException).code ?? "error"}） — cannot write ${options.output}`);
    }
  } else {
    io.stdout.write(text);
  }
  return exitCode(reports, summary.errors, summary.warnings, options, io);
}

function errorsOnly(report: FileReport): FileReport {
  return { ...report, diagnostics: report.diagnostics.filter((diagnostic) => diagnostic.severity === "error") };
}

function wantsColor(isTTY: boolean, env: Readonly<Record<string, string | undefined>>): boolean {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== "") return false;
  if (env.FORCE_COLOR !== undefined) return env.FORCE_COLOR !== "0" && env.FORCE_COLOR !== "false";
  return isTTY;
}

/** The exit code of a check run; writes why to stderr when the run itself failed or warnings are over the limit. */
export function exitCode(reports: readonly FileReport[], errors: number, warnings: number, options: Pick<CheckCommandOptions, "language" | "maxWarnings">, io: Pick<Io, "stderr">): number {
  const failed = reports.filter((report) => report.error !== undefined || report.ruleFailures.length > 0);
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
