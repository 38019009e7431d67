import type { core } from "zod";
import type { DataPath, Diagnostic, Fix, Message, SourceRange } from "../diagnostic.js";
import { SourceDocument } from "../document/source-document.js";
import type { GovreportConfig } from "@govreport/schema";
import { CONFIGURED_SEVERITIES } from "@govreport/schema/lite";
import { editDistance } from "../engine/edit-distance.js";
import { typeOf, valueAt } from "../engine/schema-issues.js";
import { schemaModels } from "../engine/schema-models.js";

/** The code of every problem found in a config file; it is not a rule and cannot be turned off. */
export const CONFIG_DIAGNOSTIC_CODE = "config-invalid";

export interface ParseConfigOptions {
  /** Every rule id there is; a `rules:` key outside this list is an error with a suggestion. */
  readonly ruleIds: readonly string[];
}

export interface ParsedConfig {
  readonly fileName: string;
  readonly source: SourceDocument;
  /** Undefined when the file has errors; a config with errors is never half-applied. */
  readonly config: GovreportConfig | undefined;
  readonly diagnostics: readonly Diagnostic[];
}

const CONFIG_NOTE: Message = {
  zh: "配置文件的写法见 packages/cli/README.md 的“配置文件”一节。",
  en: "The config file format is described in packages/cli/README.md (Configuration).",
};

const TOP_KEYS = ["extends", "profile", "rules", "overrides"];
const OVERRIDE_KEYS = ["files", "rules", "profile"];

/** Reads a `govreport.config.yaml` text. Pure and total: every problem becomes a diagnostic at its line and column. */
export function parseConfig(text: string, fileName: string, options: ParseConfigOptions): ParsedConfig {
  const source = new SourceDocument(text, /\.json$/i.test(fileName) ? "json" : "yaml");
  const diagnostics: Diagnostic[] = source.problems.map((problem) => configDiagnostic(problem.range, problem.message));
  if (diagnostics.length > 0) return { fileName, source, config: undefined, diagnostics };

  const value = source.value ?? {};
  const parsed = schemaModels().GovreportConfig.safeParse(value);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) diagnostics.push(...diagnosticsFromIssue(issue, source, value));
  }

  // Rule ids are checked on the raw data, so a typo is reported even when something else is wrong too.
  const known = new Set(options.ruleIds);
  const checkRules = (rules: unknown, at: DataPath) => {
    if (rules === null || typeof rules !== "object" || Array.isArray(rules)) return;
    for (const id of Object.keys(rules)) {
      if (known.has(id)) continue;
      const path = [...at, id];
      const suggestion = closest(id, options.ruleIds);
      const range = source.keyRangeOf(path);
      const fixes: Fix[] = suggestion
        ? [{ title: { zh: `改为“${suggestion}”`, en: `Change to "${suggestion}"` }, edits: [{ range, newText: suggestion }], safe: false }]
        : [];
      diagnostics.push(
        configDiagnostic(
          range,
          {
            zh: `没有编号为“${id}”的检查规则${suggestion ? `，是否应为“${suggestion}”？` : ""}`,
            en: `There is no rule "${id}"${suggestion ? `; did you mean "${suggestion}"?` : ""}`,
          },
          path,
          fixes,
          [{ zh: "全部规则及其编号见 docs/rules/README.md。", en: "All rules and their ids are listed in docs/rules/README.md." }],
        ),
      );
    }
  };
  const raw = value as { rules?: unknown; overrides?: unknown };
  checkRules(raw.rules, ["rules"]);
  if (Array.isArray(raw.overrides)) {
    raw.overrides.forEach((override: unknown, index) => checkRules((override as { rules?: unknown } | null)?.rules, ["overrides", index, "rules"]));
  }
  const config = parsed.success && diagnostics.length === 0 ? parsed.data : undefined;
  return { fileName, source, config, diagnostics: sortByPosition(diagnostics) };
}

export function configDiagnostic(range: SourceRange, message: Message, path?: DataPath, fixes: readonly Fix[] = [], notes: readonly Message[] = [CONFIG_NOTE]): Diagnostic {
  return { code: CONFIG_DIAGNOSTIC_CODE, severity: "error", message, notes, range, path, related: [], fixes, tags: [] };
}

function sortByPosition(diagnostics: Diagnostic[]): Diagnostic[] {
  return diagnostics.sort((a, b) => a.range.start - b.range.start || a.range.end - b.range.end);
}


function describeWhere(path: DataPath): { zh: string; en: string } {
  const text = path.map(String).join(".");
  return text === "" ? { zh: "配置文件顶层", en: "the top level" } : { zh: text, en: text };
}

/** A missing setting is reported on the first line of the mapping that lacks it, not on the whole mapping. */
function missingRange(source: SourceDocument, path: DataPath): SourceRange {
  const range = source.rangeOf(path);
  const lineEnd = source.text.slice(range.start, range.end).search(/\r?\n/);
  return lineEnd < 0 ? range : { start: range.start, end: range.start + lineEnd };
}

const TYPE_NAMES: Record<string, { zh: string; en: string }> = {
  string: { zh: "文字", en: "a string" },
  array: { zh: "列表", en: "a list" },
  object: { zh: "键值对象", en: "a mapping" },
  record: { zh: "键值对象", en: "a mapping" },
  number: { zh: "数字", en: "a number" },
  boolean: { zh: "true/false", en: "true/false" },
};


function diagnosticsFromIssue(issue: core.$ZodIssue, source: SourceDocument, root: unknown): Diagnostic[] {
  const path = issue.path.filter((segment): segment is string | number => typeof segment !== "symbol");
  const where = describeWhere(path);
  const last = path[path.length - 1];
  switch (issue.code) {
    case "unrecognized_keys": {
      const allowed = path.length === 0 ? TOP_KEYS : OVERRIDE_KEYS;
      return issue.keys.map((key) => {
        const keyPath = [...path, key];
        const suggestion = closest(key, allowed);
        return configDiagnostic(
          source.keyRangeOf(keyPath),
          {
            zh: `不认识的配置项“${key}”（位于${path.length > 0 ? ` ${where.zh}` : where.zh}）${suggestion ? `，是否应为“${suggestion}”？` : `，可用：${allowed.join("、")}`}`,
            en: `Unknown setting "${key}" in ${where.en}${suggestion ? `; did you mean "${suggestion}"?` : `; allowed: ${allowed.join(", ")}`}`,
          },
          keyPath,
        );
      });
    }
    case "invalid_value": {
      const isSeverity = path.length >= 2 && path[path.length - 2] === "rules";
      const values = isSeverity ? CONFIGURED_SEVERITIES : issue.values.map(String);
      const actual = valueAt(root, path);
      return [
        configDiagnostic(
          source.rangeOf(path),
          isSeverity
            ? {
                zh: `规则“${String(last)}”的设置“${String(actual)}”无效，应为 ${values.join("、")} 之一`,
                en: `"${String(actual)}" is not a valid setting for rule "${String(last)}"; use one of ${values.join(", ")}`,
              }
            : { zh: `${where.zh} 的取值应为 ${values.join("、")} 之一`, en: `${where.en} must be one of ${values.join(", ")}` },
          path,
        ),
      ];
    }
    case "invalid_type": {
      const actual = typeOf(valueAt(root, path));
      const expected = TYPE_NAMES[issue.expected] ?? { zh: issue.expected, en: issue.expected };
      const got = TYPE_NAMES[actual] ?? { zh: actual === "null" ? "空值" : actual, en: actual };
      if (path.length >= 2 && path[path.length - 2] === "rules") {
        return [
          configDiagnostic(source.rangeOf(path), {
            zh: `规则“${String(last)}”的设置应为 ${CONFIGURED_SEVERITIES.join("、")} 之一`,
            en: `Rule "${String(last)}" must be set to one of ${CONFIGURED_SEVERITIES.join(", ")}`,
          }, path),
        ];
      }
      if (actual === "undefined") {
        return [configDiagnostic(missingRange(source, path), { zh: `缺少必填项“${String(last)}”`, en: `Missing required setting "${String(last)}"` }, path)];
      }
      return [configDiagnostic(source.rangeOf(path), { zh: `${where.zh} 应为${expected.zh}，实际为${got.zh}`, en: `${where.en} should be ${expected.en}, not ${got.en}` }, path)];
    }
    case "invalid_union":
      if (valueAt(root, path) === undefined) {
        return [configDiagnostic(missingRange(source, path), { zh: `缺少必填项“${String(last)}”`, en: `Missing required setting "${String(last)}"` }, path)];
      }
      return [
        configDiagnostic(
          source.rangeOf(path),
          last === "files" || last === "extends"
            ? { zh: `${where.zh} 应为一个路径，或由路径组成的列表`, en: `${where.en} must be a path or a list of paths` }
            : { zh: `${where.zh} 的写法不符合要求`, en: `${where.en} does not match any allowed form` },
          path,
        ),
      ];
    case "too_small":
      return [configDiagnostic(source.rangeOf(path), { zh: `${where.zh} 不能为空`, en: `${where.en} must not be empty` }, path)];
    default:
      return [configDiagnostic(source.rangeOf(path), { zh: `${where.zh}：${issue.message}`, en: `${where.en}: ${issue.message}` }, path)];
  }
}

/** The candidate nearest to `word` by edit distance, when it is near enough to be a likely typo. */
export function closest(word: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const candidate of candidates) {
    const distance = editDistance(word, candidate);
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  const tolerance = Math.max(2, Math.floor(word.length / 3));
  return best !== undefined && bestDistance <= tolerance ? best : undefined;
}
