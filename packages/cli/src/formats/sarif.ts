import { pathToFileURL } from "node:url";
import { pick, type Language, type Message, type Severity } from "@govreport/core";
import type { FileReport, PlacedRange } from "../check/job.js";
import { TOOL_NAME, VERSION } from "../version.js";
import type { FormatContext } from "./context.js";

const LEVEL: Record<Severity, "error" | "warning" | "note"> = { error: "error", warning: "warning", info: "note", hint: "note" };
const SRCROOT = "SRCROOT";

/** A path relative to the working folder as a relative URI reference (each segment percent-encoded). */
function artifactUri(file: string): string {
  return file.split("/").map((segment) => (segment === ".." || segment === "." ? segment : encodeURIComponent(segment))).join("/");
}

function region(place: PlacedRange) {
  return {
    startLine: place.start.line,
    startColumn: place.start.column,
    endLine: place.end.line,
    endColumn: place.end.column,
    charOffset: place.range.start,
    charLength: Math.max(0, place.range.end - place.range.start),
  };
}

function text(message: Message, language: Language): { text: string } {
  return { text: pick(message, language) };
}

/**
 * SARIF 2.1.0, for code scanning dashboards. Columns are UTF-16 code units (SARIF's default `columnKind`), the same
 * unit the engine counts in, and every location is relative to the working folder (`%SRCROOT%`).
 */
export function formatSarif(reports: readonly FileReport[], context: FormatContext): string {
  const { language } = context;
  const ruleIndex = new Map(context.rules.map((rule, index) => [rule.id, index]));
  const rules = context.rules.map((rule) => ({
    id: rule.id,
    shortDescription: text(rule.title, language),
    fullDescription: text(rule.docs.what, language),
    help: {
      text: [pick(rule.docs.what, language), pick(rule.docs.why, language), pick(rule.docs.fix, language)].join("\n\n"),
      markdown: [
        `**${language === "en" ? "What" : "问题"}**: ${pick(rule.docs.what, language)}`,
        `**${language === "en" ? "Why" : "原因"}**: ${pick(rule.docs.why, language)}`,
        `**${language === "en" ? "Fix" : "改法"}**: ${pick(rule.docs.fix, language)}`,
      ].join("\n\n"),
    },
    defaultConfiguration: { level: LEVEL[rule.severity] },
    properties: { category: rule.category, tags: [rule.category] },
  }));

  const results = reports.flatMap((report) => {
    const artifactLocation = { uri: artifactUri(report.file), uriBaseId: SRCROOT };
    return report.diagnostics.map((diagnostic) => {
      const index = ruleIndex.get(diagnostic.code);
      const message = [pick(diagnostic.message, language), ...diagnostic.notes.map((note) => pick(note, language))].join("\n");
      return {
        ruleId: diagnostic.code,
        ...(index !== undefined ? { ruleIndex: index } : {}),
        level: LEVEL[diagnostic.severity],
        message: { text: message },
        locations: [{ physicalLocation: { artifactLocation, region: region(diagnostic) } }],
        ...(diagnostic.related.length > 0
          ? {
              relatedLocations: diagnostic.related.map((related, relatedIndex) => ({
                id: relatedIndex,
                physicalLocation: { artifactLocation, region: region(related) },
                message: text(related.message, language),
              })),
            }
          : {}),
        ...(diagnostic.fixes.length > 0
          ? {
              fixes: diagnostic.fixes.map((fix) => ({
                description: text(fix.title, language),
                artifactChanges: [
                  {
                    artifactLocation,
                    replacements: fix.edits.map((edit) => ({
                      deletedRegion: { charOffset: edit.range.start, charLength: Math.max(0, edit.range.end - edit.range.start) },
                      insertedContent: { text: edit.newText },
                    })),
                  },
                ],
              })),
            }
          : {}),
      };
    });
  });

  const notifications = reports.flatMap((report) => [
    ...(report.error
      ? [{ level: "error", message: text(report.error.message, language), locations: [{ physicalLocation: { artifactLocation: { uri: artifactUri(report.file), uriBaseId: SRCROOT } } }] }]
      : []),
    ...report.ruleFailures.map((failure) => ({
      level: "error",
      message: { text: `${report.file}: ${failure.ruleId}: ${failure.error}` },
      associatedRule: { id: failure.ruleId },
    })),
  ]);

  const log = {
    $schema: "https://json.schemastore.org/sarif-2.1.0.json",
    version: "2.1.0",
    runs: [
      {
        tool: { driver: { name: TOOL_NAME, version: VERSION, semanticVersion: VERSION, rules } },
        originalUriBaseIds: { [SRCROOT]: { uri: pathToFileURL(context.cwd.endsWith("/") ? context.cwd : `${context.cwd}/`).href } },
        columnKind: "utf16CodeUnits",
        invocations: [{ executionSuccessful: notifications.length === 0, toolExecutionNotifications: notifications }],
        results,
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}
