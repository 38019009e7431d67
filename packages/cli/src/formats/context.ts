import type { Language, RuleMeta } from "@govreport/core";
import type { FileReport } from "../check/job.js";

export interface RunSummary {
  readonly files: number;
  readonly errors: number;
  readonly warnings: number;
  readonly infos: number;
  readonly hints: number;
  /** Findings with a safe fix that `--fix` would apply. */
  readonly fixable: number;
  /** Findings `--fix` removed. */
  readonly fixed: number;
  readonly unreadable: number;
}

export interface FormatContext {
  readonly language: Language;
  /** ANSI colours: only for a terminal, never for a file or a pipe. */
  readonly color: boolean;
  /** The working folder, absolute; printed paths are relative to it. */
  readonly cwd: string;
  /** Counts over every finding, including those --quiet leaves out. */
  readonly summary: RunSummary;
  readonly rules: readonly RuleMeta[];
  /** Whether only errors are shown. */
  readonly quiet: boolean;
}

export type Formatter = (reports: readonly FileReport[], context: FormatContext) => string;

export function summarize(reports: readonly FileReport[]): RunSummary {
  let errors = 0;
  let warnings = 0;
  let infos = 0;
  let hints = 0;
  let fixable = 0;
  let fixed = 0;
  let unreadable = 0;
  for (const report of reports) {
    if (report.error?.kind === "read") unreadable++;
    for (const diagnostic of report.diagnostics) {
      if (diagnostic.severity === "error") errors++;
      else if (diagnostic.severity === "warning") warnings++;
      else if (diagnostic.severity === "info") infos++;
      else hints++;
      if (diagnostic.fixes.some((fix) => fix.safe)) fixable++;
    }
    for (const count of Object.values(report.fix?.fixedByRule ?? {})) fixed += count;
  }
  return { files: reports.length, errors, warnings, infos, hints, fixable, fixed, unreadable };
}

/** Where the docs page of a rule lives in the repository. */
export function ruleDocsPath(ruleId: string): string {
  return `docs/rules/${ruleId}.md`;
}
