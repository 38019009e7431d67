import type { Profile, ReportData } from "@govreport/schema";
import { builtinProfiles, isValidReportData } from "@govreport/schema/lite";
import { parse as parseYaml } from "yaml";
import {
  compareDiagnostics,
  type ConfiguredSeverity,
  type DataPath,
  type Diagnostic,
  type Message,
  type Severity,
  type SourceRange,
} from "../diagnostic.js";
import { SourceDocument, type SourceLanguage } from "../document/source-document.js";
import { allRules, builtinRuleMeta } from "../rules/registry.js";
import type { CheckCache } from "./check-cache.js";
import { buildModel, type ReportModel } from "./model.js";
import type { Finding, Location, PreviousReport, Rule, RuleContext, RuleMeta } from "./rule.js";
import { findingsFromIssue, SCHEMA_NOTE } from "./schema-issues.js";
import { findSuppressions, isSuppressed } from "./suppressions.js";
import { schemaModels } from "./schema-models.js";

/** The only way the engine reaches the outside world: reading a file a report refers to (its profile, last year's report). */
export interface CheckHost {
  /** Returns the text of `path` resolved against the directory of `relativeTo`, or undefined when it cannot be read. */
  readFile(path: string, relativeTo: string | undefined): string | undefined;
}

export interface CheckOptions {
  /** Used to resolve relative paths and to pick the language when `language` is not given. */
  readonly fileName?: string | undefined;
  readonly language?: SourceLanguage | undefined;
  /** Per-rule severity overrides; `off` silences a rule. */
  readonly rules?: Readonly<Record<string, ConfiguredSeverity>> | undefined;
  /** A profile id or path that overrides the one the report names. */
  readonly profile?: string | undefined;
  readonly host?: CheckHost | undefined;
  /** Run only these rules (input and structure problems are always reported); used by rule fixtures. */
  readonly onlyRules?: readonly string[] | undefined;
  /**
   * The source of the previous check of this document, for editors: a small edit inside one string value is then
   * applied to its tree instead of parsing again. That source is used up and must not be used afterwards.
   */
  readonly previousSource?: SourceDocument | undefined;
  /** Per-document memo of pure per-string work, for editors that check every version of a document. */
  readonly cache?: CheckCache | undefined;
  /** Extra rules, e.g. a team's own; they run after the built-in ones. */
  readonly extraRules?: readonly Rule[] | undefined;
}

export interface RuleFailure {
  readonly ruleId: string;
  readonly error: string;
}

export interface CheckResult {
  readonly source: SourceDocument;
  readonly diagnostics: readonly Diagnostic[];
  /**
   * Present when the file is a structurally valid report. It is the document's own value (`source.value`), which an
   * editor's later versions share where they did not change: read it, never change it.
   */
  readonly report: ReportData | undefined;
  readonly profile: Profile | undefined;
  readonly model: ReportModel | undefined;
  /** Last year's report named by `previous:`, as the host could read it; present whenever `report` names one. */
  readonly previous: PreviousReport | undefined;
  /** Rules that threw; their findings are missing and an `internal-error` diagnostic says so. */
  readonly ruleFailures: readonly RuleFailure[];
  /** How many diagnostics inline suppressions removed. */
  readonly suppressedCount: number;
}

export function languageOf(fileName: string | undefined): SourceLanguage {
  return fileName && /\.json$/i.test(fileName) ? "json" : "yaml";
}

/**
 * Checks one report-data text. Pure and total: it does no I/O except through `options.host`, and it never
 * throws — anything unexpected becomes a diagnostic.
 */
export function check(text: string, options: CheckOptions = {}): CheckResult {
  const source = new SourceDocument(text, options.language ?? languageOf(options.fileName), options.previousSource);
  const collector = new DiagnosticCollector(source, options.rules);
  const ruleFailures: RuleFailure[] = [];
  let report: ReportData | undefined;
  let profile: Profile | undefined;
  let model: ReportModel | undefined;
  let previous: PreviousReport | undefined;

  for (const problem of source.problems) {
    collector.add(builtinRuleMeta(problem.code), { at: { range: problem.range }, message: problem.message });
  }

  if (source.problems.length === 0) {
    if (source.value === undefined || source.value === null) {
      collector.add(builtinRuleMeta("schema-violation"), {
        at: { range: { start: 0, end: 0 } },
        message: { zh: "文件为空：请按报告数据格式填写（可用 govreport init 生成框架）", en: "The file is empty; fill in report data (govreport init creates a skeleton)" },
      });
    } else {
      const parsed = validateReport(source.value, options);
      if (!parsed.success) {
        for (const issue of parsed.error.issues) {
          for (const finding of findingsFromIssue(issue, source.value)) {
            collector.add(builtinRuleMeta("schema-violation"), { ...finding, notes: [...(finding.notes ?? []), SCHEMA_NOTE] });
          }
        }
      } else {
        report = parsed.data;
        profile = resolveProfile(options.profile ?? report.profile, options, collector);
        previous = report.previous === undefined ? undefined : resolvePrevious(report.previous, options);
        model = runRules(report, profile, previous, source, options, collector, ruleFailures);
      }
    }
  }

  const suppressions = findSuppressions(text, () => source.lineIndex);
  const kept: Diagnostic[] = [];
  let suppressedCount = 0;
  for (const diagnostic of collector.diagnostics) {
    if (diagnostic.code !== "syntax-error" && isSuppressed(diagnostic, suppressions)) suppressedCount++;
    else kept.push(diagnostic);
  }
  if (report) {
    const unusedMeta = builtinRuleMeta("unused-suppression");
    for (const suppression of suppressions) {
      if (suppression.used) continue;
      const names = suppression.rules === "all" ? "全部规则" : suppression.rules.join("、");
      const diagnostic = collector.make(unusedMeta, {
        at: { range: suppression.range },
        message: { zh: `这条屏蔽注释（${names}）没有屏蔽任何问题，可以删除`, en: `This suppression (${suppression.rules === "all" ? "all rules" : suppression.rules.join(", ")}) suppresses nothing; remove it` },
        fixes: [{ title: { zh: "删除这条屏蔽注释", en: "Remove the suppression comment" }, edits: [removeCommentLine(text, suppression.range)], safe: true }],
        tags: ["unnecessary"],
      });
      if (diagnostic) kept.push(diagnostic);
    }
  }
  kept.sort(compareDiagnostics);
  return { source, diagnostics: kept, report, profile, model, previous, ruleFailures, suppressedCount };
}

function removeCommentLine(text: string, range: SourceRange) {
  const lineStart = text.lastIndexOf("\n", range.start - 1) + 1;
  const before = text.slice(lineStart, range.start);
  let lineEnd = text.indexOf("\n", range.end);
  lineEnd = lineEnd < 0 ? text.length : lineEnd + 1;
  if (before.trim() === "") return { range: { start: lineStart, end: lineEnd }, newText: "" };
  const trimmedStart = lineStart + before.replace(/\s+$/, "").length;
  const eol = text.indexOf("\n", range.end);
  return { range: { start: trimmedStart, end: eol < 0 ? text.length : eol }, newText: "" };
}

function runRules(
  report: ReportData,
  profile: Profile | undefined,
  previous: PreviousReport | undefined,
  source: SourceDocument,
  options: CheckOptions,
  collector: DiagnosticCollector,
  failures: RuleFailure[],
): ReportModel | undefined {
  let model: ReportModel;
  try {
    model = buildModel(report, options.cache);
  } catch (error) {
    failures.push({ ruleId: "model", error: describeError(error) });
    collector.add(builtinRuleMeta("internal-error"), internalErrorFinding("model", error));
    return undefined;
  }
  const rules = [...allRules, ...(options.extraRules ?? [])].filter((rule) => !options.onlyRules || options.onlyRules.includes(rule.meta.id));
  for (const rule of rules) {
    if (collector.severityOf(rule.meta) === undefined) continue;
    const context: RuleContext = {
      report,
      profile,
      source,
      model,
      previous,
      flag: (finding) => collector.add(rule.meta, finding),
      replaceInString: (path, start, end, newText) => ({ range: source.rangeInString(path, start, end), newText }),
    };
    try {
      rule.run(context);
    } catch (error) {
      failures.push({ ruleId: rule.meta.id, error: describeError(error) });
      collector.add(builtinRuleMeta("internal-error"), internalErrorFinding(rule.meta.id, error));
    }
  }
  return model;
}

let zodValidations = 0;

/**
 * The report schema's parse. Valid data — nearly every report — is accepted without zod (`isValidReportData`); zod
 * runs only to say what is wrong. zod compiles a fast validator for a schema the first time it is used; that compile
 * costs more than a whole parse without it, and pays off only from the second report on. So a one-off check (no
 * cache: the CLI) validates its first report the slower way, and every later one the compiled way. An editor's
 * checks keep a cache: they are a series from the start, and compile on the first invalid version. All ways accept
 * and reject exactly the same data.
 */
function validateReport(value: unknown, options: CheckOptions): ReturnType<typeof ReportData.safeParse> {
  if (isValidReportData(value)) return { success: true, data: value };
  const first = zodValidations++ === 0;
  return schemaModels().ReportData.safeParse(value, first && options.cache === undefined ? { jitless: true } : undefined);
}

function resolvePrevious(reference: string, options: CheckOptions): PreviousReport {
  const text = safeRead(options, reference);
  if (text === undefined) return { status: "unreadable", reference, detail: "" };
  try {
    const parsed = validateReport(parseYaml(text, { maxAliasCount: 100, prettyErrors: false, logLevel: "error" }), options);
    if (parsed.success) return { status: "ok", reference, report: parsed.data };
    const issue = parsed.error.issues[0];
    return { status: "invalid", reference, detail: `${issue?.path.map(String).join(".") ?? ""}: ${issue?.message ?? ""}` };
  } catch (error) {
    return { status: "invalid", reference, detail: describeError(error) };
  }
}

function describeError(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

function internalErrorFinding(ruleId: string, error: unknown): Finding {
  return {
    at: { range: { start: 0, end: 0 } },
    message: {
      zh: `检查规则 ${ruleId} 运行出错，其结果缺失：${describeError(error)}`,
      en: `Rule ${ruleId} failed and its findings are missing: ${describeError(error)}`,
    },
    notes: [{ zh: "这是 govreport 自身的问题，请附上报告文件反馈。", en: "This is a bug in govreport; please report it with the file." }],
  };
}

function resolveProfile(reference: string, options: CheckOptions, collector: DiagnosticCollector): Profile | undefined {
  const builtin = builtinProfiles.get(reference);
  if (builtin) return builtin;
  const meta = builtinRuleMeta("profile-invalid");
  const at: Location = { path: ["profile"] };
  const known = [...builtinProfiles.keys()].join("、");
  const looksLikePath = /[./\\]/.test(reference);
  const text = looksLikePath ? safeRead(options, reference) : undefined;
  if (text === undefined) {
    collector.add(meta, {
      at,
      message: looksLikePath
        ? { zh: `找不到报告规则文件“${reference}”`, en: `Profile file "${reference}" not found` }
        : { zh: `没有名为“${reference}”的内置报告规则（可用：${known}）`, en: `No built-in profile "${reference}" (available: ${[...builtinProfiles.keys()].join(", ")})` },
    });
    return undefined;
  }
  const parsedBefore = parsedProfiles.get(text);
  if (parsedBefore) return parsedBefore;
  let data: unknown;
  try {
    data = parseYaml(text, { maxAliasCount: 100, prettyErrors: false, logLevel: "error" });
  } catch (error) {
    collector.add(meta, { at, message: { zh: `报告规则文件“${reference}”不是有效的 YAML/JSON：${describeError(error)}`, en: `Profile file "${reference}" is not valid YAML/JSON: ${describeError(error)}` } });
    return undefined;
  }
  const parsed = schemaModels().Profile.safeParse(data);
  if (!parsed.success) {
    const details = parsed.error.issues.slice(0, 5).map((issue) => `${issue.path.map(String).join(".") || "(top)"}: ${issue.message}`);
    collector.add(meta, {
      at,
      message: { zh: `报告规则文件“${reference}”格式有误：${details.join("；")}`, en: `Profile file "${reference}" is invalid: ${details.join("; ")}` },
    });
    return undefined;
  }
  if (parsedProfiles.size >= KEPT_PROFILES) parsedProfiles.delete(parsedProfiles.keys().next().value as string);
  parsedProfiles.set(text, parsed.data);
  return parsed.data;
}

/**
 * Profile files read so far, parsed, by their text. Every report of a team names the team's profile, and reading it
 * (YAML, then the schema) took longer than a millisecond a report in a run of many. A parsed profile is shared the
 * way the built-in ones are: nothing changes a profile. A text that does not parse is read again each time, so each
 * report gets its own findings about it. The few most recent texts are kept.
 */
const parsedProfiles = new Map<string, Profile>();
const KEPT_PROFILES = 8;

function safeRead(options: CheckOptions, reference: string): string | undefined {
  try {
    return options.host?.readFile(reference, options.fileName);
  } catch {
    return undefined;
  }
}

/** Resolves locations and severities in one place, so rules never compute offsets or choose severities. */
class DiagnosticCollector {
  readonly diagnostics: Diagnostic[] = [];

  constructor(
    private readonly source: SourceDocument,
    private readonly configured: Readonly<Record<string, ConfiguredSeverity>> | undefined,
  ) {}

  severityOf(meta: RuleMeta): Severity | undefined {
    const configured = this.configured?.[meta.id] ?? meta.severity;
    return configured === "off" ? undefined : configured;
  }

  add(meta: RuleMeta, finding: Finding): void {
    const diagnostic = this.make(meta, finding);
    if (diagnostic) this.diagnostics.push(diagnostic);
  }

  make(meta: RuleMeta, finding: Finding): Diagnostic | undefined {
    const severity = this.severityOf(meta);
    if (severity === undefined) return undefined;
    return {
      code: meta.id,
      severity,
      message: finding.message,
      notes: finding.notes ?? [],
      range: this.resolve(finding.at),
      path: "path" in finding.at ? finding.at.path : undefined,
      related: (finding.related ?? []).map((related) => ({ range: this.resolve(related.at), message: related.message })),
      fixes: finding.fixes ?? [],
      tags: finding.tags ?? [],
    };
  }

  private resolve(at: Location): SourceRange {
    if ("range" in at) return at.range;
    if (at.span) return this.source.rangeInString(at.path, at.span[0], at.span[1]);
    return at.key ? this.source.keyRangeOf(at.path) : this.source.rangeOf(at.path);
  }
}

export type { DataPath, Message };
