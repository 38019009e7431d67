/**
 * The one diagnostic model. Every finding — a YAML syntax error, a zod issue, a rule's verdict — becomes a
 * `Diagnostic`. Offsets are UTF-16 code units into the source text; line/column exist only at the edges.
 */

/** A message a drafter reads: Chinese first, English available. */
export interface Message {
  readonly zh: string;
  readonly en: string;
}

export type Language = "zh" | "en";

export type Severity = "error" | "warning" | "info" | "hint";

/** Severity as configured: a severity, or `off` to silence a rule. */
export type ConfiguredSeverity = Severity | "off";

/** A key or index on the way from the document root to a value. */
export type PathSegment = string | number;
export type DataPath = readonly PathSegment[];

/** A half-open range of UTF-16 offsets into the source text. */
export interface SourceRange {
  readonly start: number;
  readonly end: number;
}

export interface TextEdit {
  readonly range: SourceRange;
  readonly newText: string;
}

export interface Fix {
  readonly title: Message;
  readonly edits: readonly TextEdit[];
  /** Safe fixes are applied by `--fix` and "fix all"; unsafe ones only when a drafter picks them. */
  readonly safe: boolean;
}

export interface RelatedLocation {
  readonly range: SourceRange;
  readonly message: Message;
}

export type DiagnosticTag = "unnecessary";

export interface Diagnostic {
  /** Stable rule id such as `check-mismatch`; also the name of its documentation page. */
  readonly code: string;
  readonly severity: Severity;
  readonly message: Message;
  /** Why it matters and what to do. */
  readonly notes: readonly Message[];
  readonly range: SourceRange;
  /** The data path of the value the finding is about, when there is one. */
  readonly path?: DataPath | undefined;
  readonly related: readonly RelatedLocation[];
  readonly fixes: readonly Fix[];
  readonly tags: readonly DiagnosticTag[];
}

export function pick(message: Message, language: Language): string {
  return language === "en" ? message.en : message.zh;
}

export const SEVERITY_ORDER: Readonly<Record<Severity, number>> = { error: 0, warning: 1, info: 2, hint: 3 };

/** Diagnostics in reading order, so every edge prints them the same way. */
export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  return a.range.start - b.range.start || a.range.end - b.range.end || a.code.localeCompare(b.code);
}
