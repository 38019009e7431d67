import type { Language, RuleMeta } from "@govreport/core";
import { NO_COUNTS, type FileCounts, type FileReport, type FixSummary } from "../check/job.js";

/** The counts of every file added up, with how many files there were and how many could not be read. */
export interface RunSummary extends FileCounts {
  readonly files: number;
  readonly unreadable: number;
}

/** A file `--fix` rewrote, for the closing lines. */
export interface FixedFile {
  readonly file: string;
  readonly fixedByRule: FixSummary["fixedByRule"];
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
  /** Files `--fix` rewrote, in path order. */
  readonly fixedFiles: readonly FixedFile[];
}

/** What printing one file's text needs; the same for every file, so a worker thread gets it once. */
export interface FileTextOptions {
  readonly language: Language;
  readonly color: boolean;
}

/**
 * A format printed file by file, in path order, as soon as a file and all before it are checked: nothing of a
 * file is kept once its text is printed.
 */
export interface StreamingFormatter {
  readonly streaming: true;
  /** One file's text, "" when there is nothing to say about it; made in the thread that checked the file. */
  file(report: FileReport, options: FileTextOptions): string;
  /** Printed between the texts of two files that both have one. */
  readonly separator: string;
  /** Printed after the last file; `printedAny` tells whether some file had a text. */
  end(context: FormatContext, printedAny: boolean): string;
}

/** A format that needs every file before it can print (a summary or totals ahead of the findings). */
export interface DocumentFormatter {
  readonly streaming: false;
  format(reports: readonly FileReport[], context: FormatContext): string;
}

export type Formatter = StreamingFormatter | DocumentFormatter;

/** Adds up the counts of each file; `unreadable` says whether the file could not be read at all. */
export class SummaryTotals {
  private readonly totals: { -readonly [K in keyof RunSummary]: number } = { files: 0, ...NO_COUNTS, unreadable: 0 };

  add(counts: FileCounts, unreadable: boolean): void {
    this.totals.files++;
    for (const key of Object.keys(NO_COUNTS) as Array<keyof FileCounts>) this.totals[key] += counts[key];
    if (unreadable) this.totals.unreadable++;
  }

  summary(): RunSummary {
    return { ...this.totals };
  }
}

/** Where the docs page of a rule lives in the repository. */
export function ruleDocsPath(ruleId: string): string {
  return `docs/rules/${ruleId}.md`;
}
