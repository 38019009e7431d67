import type { FileReport } from "../check/job.js";
import { TOOL_NAME, VERSION } from "../version.js";
import { ruleDocsPath, type FormatContext } from "./context.js";

/**
 * A stable machine format. Messages keep both languages (`{ zh, en }`); positions are 1-based lines and columns in
 * UTF-16 code units, plus the 0-based offsets of the half-open range.
 */
export function formatJson(reports: readonly FileReport[], context: FormatContext): string {
  const document = {
    version: 1,
    tool: { name: TOOL_NAME, version: VERSION },
    summary: context.summary,
    files: reports.map((report) => ({
      file: report.file,
      ...(report.error ? { error: report.error } : {}),
      suppressed: report.suppressedCount,
      ...(report.fix ? { fix: report.fix } : {}),
      ruleFailures: report.ruleFailures,
      diagnostics: report.diagnostics.map((diagnostic) => ({
        code: diagnostic.code,
        severity: diagnostic.severity,
        message: diagnostic.message,
        notes: diagnostic.notes,
        start: diagnostic.start,
        end: diagnostic.end,
        range: diagnostic.range,
        related: diagnostic.related.map((related) => ({ message: related.message, start: related.start, end: related.end, range: related.range })),
        fixes: diagnostic.fixes.map((fix) => ({
          title: fix.title,
          safe: fix.safe,
          edits: fix.edits.map((edit) => ({ range: edit.range, start: edit.start, end: edit.end, newText: edit.newText })),
        })),
        docs: ruleDocsPath(diagnostic.code),
      })),
    })),
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}
