import { pick } from "@govreport/core";
import type { FileReport } from "../check/job.js";
import type { FormatContext } from "./context.js";

/** Escapes text for XML content and attributes, and drops characters XML 1.0 cannot carry at all. */
export function escapeXml(text: string): string {
  return text
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, "")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&apos;");
}

/**
 * JUnit XML for CI test views: one test suite per file, one failing test case per finding, and one passing test case
 * for a file without findings so that clean files show up as passed.
 */
export function formatJunit(reports: readonly FileReport[], context: FormatContext): string {
  const { language } = context;
  const suites: string[] = [];
  let totalTests = 0;
  let totalFailures = 0;
  let totalErrors = 0;
  for (const report of reports) {
    const cases: string[] = [];
    const file = escapeXml(report.file);
    if (report.error) {
      cases.push(`    <testcase classname="${file}" name="${file}"><error message="${escapeXml(pick(report.error.message, language))}"/></testcase>`);
    }
    for (const diagnostic of report.diagnostics) {
      const message = pick(diagnostic.message, language);
      const body = [`${report.file}:${diagnostic.start.line}:${diagnostic.start.column}  ${diagnostic.severity}  ${message}  ${diagnostic.code}`, ...diagnostic.notes.map((note) => `= ${pick(note, language)}`)].join("\n");
      cases.push(
        `    <testcase classname="${file}" name="${escapeXml(`${diagnostic.code} ${diagnostic.start.line}:${diagnostic.start.column}`)}">` +
          `<failure type="${diagnostic.severity}" message="${escapeXml(message)}">${escapeXml(body)}</failure></testcase>`,
      );
    }
    if (cases.length === 0) cases.push(`    <testcase classname="${file}" name="govreport"/>`);
    const failures = report.diagnostics.length;
    const errors = report.error ? 1 : 0;
    totalTests += cases.length;
    totalFailures += failures;
    totalErrors += errors;
    suites.push(`  <testsuite name="${file}" tests="${cases.length}" failures="${failures}" errors="${errors}">\n${cases.join("\n")}\n  </testsuite>`);
  }
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="govreport" tests="${totalTests}" failures="${totalFailures}" errors="${totalErrors}">`,
    ...suites,
    "</testsuites>",
    "",
  ].join("\n");
}
