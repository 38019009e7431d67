import type { ConfiguredSeverity, Language, Message, RuleFailure, Severity, SourceRange } from "@govreport/core";

/** One file to check; plain data, so it can cross into a worker thread. */
export interface CheckJob {
  /** The path as printed: relative to the working folder, `/`-separated. */
  readonly file: string;
  readonly absolutePath: string;
  readonly rules: Readonly<Record<string, ConfiguredSeverity>>;
  readonly profile: string | undefined;
  readonly fix: boolean;
}

/** How the findings of every file are printed; the same for the whole run, and sent once to each worker. */
export interface OutputOptions {
  readonly format: FormatName;
  readonly language: Language;
  readonly color: boolean;
  /** Only errors are printed (the counts still cover everything). */
  readonly quiet: boolean;
}

export type FormatName = "stylish" | "json" | "sarif" | "github" | "junit";

/** A 1-based line and a 1-based column counted in UTF-16 code units (what editors, SARIF and GitHub expect). */
export interface LineColumn {
  readonly line: number;
  readonly column: number;
}

export interface PlacedRange {
  readonly range: SourceRange;
  readonly start: LineColumn;
  readonly end: LineColumn;
}

export interface ReportedDiagnostic extends PlacedRange {
  readonly code: string;
  readonly severity: Severity;
  readonly message: Message;
  readonly notes: readonly Message[];
  readonly related: ReadonlyArray<PlacedRange & { readonly message: Message }>;
  readonly fixes: ReadonlyArray<{ readonly title: Message; readonly safe: boolean; readonly edits: ReadonlyArray<PlacedRange & { readonly newText: string }> }>;
  /** The source lines with carets, for the formats that print them. */
  readonly frame?: string | undefined;
}

export interface FixSummary {
  /** Fix passes that changed the text. */
  readonly passes: number;
  /** Findings that are gone after fixing, by rule id. */
  readonly fixedByRule: Readonly<Record<string, number>>;
  readonly written: boolean;
}

/** Everything a format prints about one file. */
export interface FileReport {
  readonly file: string;
  readonly bytes: number;
  readonly diagnostics: readonly ReportedDiagnostic[];
  readonly ruleFailures: readonly RuleFailure[];
  readonly suppressedCount: number;
  readonly fix?: FixSummary | undefined;
  /** The file could not be read (nothing else is known about it) or its fixes could not be written back. */
  readonly error?: { readonly kind: "read" | "write"; readonly message: Message } | undefined;
}

/** Findings of one file by severity, before --quiet leaves any out. */
export interface FileCounts {
  readonly errors: number;
  readonly warnings: number;
  readonly infos: number;
  readonly hints: number;
  /** Findings with a safe fix that `--fix` would apply. */
  readonly fixable: number;
  /** Findings `--fix` removed. */
  readonly fixed: number;
}

export const NO_COUNTS: FileCounts = { errors: 0, warnings: 0, infos: 0, hints: 0, fixable: 0, fixed: 0 };

/**
 * What a run keeps of one checked file: counts for the summary, what the exit code and the closing lines need, and
 * the file's part of the output. Plain data, so it can come back from a worker thread; it never holds the source
 * text or the engine's result, so a run over thousands of files stays small.
 */
export interface FileOutcome {
  readonly file: string;
  readonly counts: FileCounts;
  readonly ruleFailures: readonly RuleFailure[];
  readonly error?: FileReport["error"];
  readonly fix?: FixSummary | undefined;
  /** Formats printed file by file: this file's text, ready to print ("" when there is nothing to say). */
  readonly text?: string | undefined;
  /** Formats printed as one document: the file's report, as printed (only errors with --quiet). */
  readonly report?: FileReport | undefined;
}

export type { Language };
