import type { ConfiguredSeverity, Language, Message, RuleFailure, Severity, SourceRange } from "@govreport/core";

/** One file to check; plain data, so it can cross into a worker thread. */
export interface CheckJob {
  /** The path as printed: relative to the working folder, `/`-separated. */
  readonly file: string;
  readonly absolutePath: string;
  readonly rules: Readonly<Record<string, ConfiguredSeverity>>;
  readonly profile: string | undefined;
  readonly fix: boolean;
  /** Whether to render code frames (only the stylish format prints them). */
  readonly frames: boolean;
}

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
  /** The source lines with carets, when frames were asked for. */
  readonly frame?: string | undefined;
}

export interface FixSummary {
  /** Fix passes that changed the text. */
  readonly passes: number;
  /** Findings that are gone after fixing, by rule id. */
  readonly fixedByRule: Readonly<Record<string, number>>;
  readonly written: boolean;
}

/** Everything printed about one file; plain data, so it can come back from a worker thread. */
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

export type { Language };
