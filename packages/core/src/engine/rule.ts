import type { Profile, ReportData } from "@govreport/schema";
import type { DataPath, DiagnosticTag, Message, Severity, SourceRange, TextEdit } from "../diagnostic.js";
import type { SourceDocument } from "../document/source-document.js";
import type { ReportModel } from "./model.js";

export type RuleCategory = "input" | "structure" | "figures" | "time" | "form" | "wording";

/** What / Why / Fix, the three things every rule's documentation says — in Chinese and English. */
export interface RuleDocs {
  readonly what: Message;
  readonly why: Message;
  readonly fix: Message;
}

export interface RuleMeta {
  /** Stable id, kebab-case; it names the docs page and is what config and suppressions refer to. */
  readonly id: string;
  readonly title: Message;
  readonly category: RuleCategory;
  /** The default severity; config may change it, a rule's code never does. */
  readonly severity: Severity;
  readonly docs: RuleDocs;
  /** Whether the rule offers a fix that is safe to apply unattended. */
  readonly safeFix?: boolean;
}

/** Where a finding points: a data path (optionally a character span inside its string value) or a raw range. */
export type Location =
  | { readonly path: DataPath; readonly span?: readonly [number, number]; readonly key?: boolean }
  | { readonly range: SourceRange };

export interface FixSpec {
  readonly title: Message;
  readonly edits: readonly TextEdit[];
  readonly safe: boolean;
}

export interface Finding {
  readonly at: Location;
  readonly message: Message;
  readonly notes?: readonly Message[];
  readonly related?: ReadonlyArray<{ readonly at: Location; readonly message: Message }>;
  readonly fixes?: readonly FixSpec[];
  readonly tags?: readonly DiagnosticTag[];
}

export interface RuleContext {
  /** The report as read from the document, shared with the check's result and an editor's later versions: read only. */
  readonly report: ReportData;
  /** Undefined when the report names a profile that cannot be loaded (that is reported on its own). */
  readonly profile: Profile | undefined;
  readonly source: SourceDocument;
  readonly model: ReportModel;
  /** Last year's report named by `previous:`, as the host could read it. */
  readonly previous: PreviousReport | undefined;
  flag(finding: Finding): void;
  /** An edit replacing characters [start, end) of the string at `path`. */
  replaceInString(path: DataPath, start: number, end: number, newText: string): TextEdit;
}

export type PreviousReport =
  | { readonly status: "ok"; readonly reference: string; readonly report: ReportData }
  | { readonly status: "unreadable" | "invalid"; readonly reference: string; readonly detail: string };

export interface Rule {
  readonly meta: RuleMeta;
  run(context: RuleContext): void;
}

/** Rules that report input problems found before any rule runs; they exist for their metadata and docs. */
export interface BuiltinRule {
  readonly meta: RuleMeta;
}

export function defineRule(rule: Rule): Rule {
  return rule;
}
