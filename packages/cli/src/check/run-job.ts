import { chmodSync, readFileSync, realpathSync, renameSync, statSync, unlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { applySafeFixes, check, codeFrame, type CheckResult, type Diagnostic, type LineIndex, type SourceRange } from "@govreport/core";
import { fileHost } from "../file-host.js";
import { FORMATTERS } from "../formats/index.js";
import { NO_COUNTS, type CheckJob, type FileCounts, type FileOutcome, type FileReport, type LineColumn, type OutputOptions, type PlacedRange, type ReportedDiagnostic } from "./job.js";

/** Fixes can enable other fixes (or overlap and be held back); a few passes settle it, ten is a safety stop. */
export const MAX_FIX_PASSES = 10;

/**
 * Checks one file and turns the result into what the run keeps of it: the counts, and the file's output — its text
 * for the formats printed file by file, its report for the others. The engine's result is dropped here, in the thread
 * that checked the file.
 */
export function runJob(job: CheckJob, output: OutputOptions): FileOutcome {
  const report = checkFile(job, output.format === "stylish");
  const counts = countFindings(report);
  const shown = output.quiet ? { ...report, diagnostics: report.diagnostics.filter((diagnostic) => diagnostic.severity === "error") } : report;
  const formatter = FORMATTERS[output.format];
  return {
    file: report.file,
    counts,
    ruleFailures: report.ruleFailures,
    error: report.error,
    fix: report.fix,
    ...(formatter.streaming ? { text: formatter.file(shown, output) } : { report: shown }),
  };
}

const COUNT_OF_SEVERITY = { error: "errors", warning: "warnings", info: "infos", hint: "hints" } as const;

function countFindings(report: FileReport): FileCounts {
  const counts: { -readonly [K in keyof FileCounts]: number } = { ...NO_COUNTS };
  for (const diagnostic of report.diagnostics) {
    counts[COUNT_OF_SEVERITY[diagnostic.severity]]++;
    if (diagnostic.fixes.some((fix) => fix.safe)) counts.fixable++;
  }
  for (const count of Object.values(report.fix?.fixedByRule ?? {})) counts.fixed += count;
  return counts;
}

/** Reads, checks and (with --fix) fixes one file; `frames` adds the code frames only the stylish format prints. */
export function checkFile(job: CheckJob, frames: boolean): FileReport {
  let text: string;
  try {
    text = readFileSync(job.absolutePath, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? "error";
    return {
      file: job.file,
      bytes: 0,
      diagnostics: [],
      ruleFailures: [],
      suppressedCount: 0,
      error: { kind: "read", message: { zh: `无法读取文件（${code}）`, en: `Cannot read the file (${code})` } },
    };
  }
  const options = { fileName: job.absolutePath, host: fileHost, rules: job.rules, profile: job.profile };
  let result = check(text, options);
  let fix: FileReport["fix"];
  let error: FileReport["error"];
  if (job.fix) {
    const before = countByRule(result.diagnostics);
    const original = text;
    const originalResult = result;
    let passes = 0;
    while (passes < MAX_FIX_PASSES) {
      const fixable = result.diagnostics.filter((diagnostic) => diagnostic.fixes.some((candidate) => candidate.safe));
      if (fixable.length === 0) break;
      const next = applySafeFixes(text, fixable).text;
      if (next === text) break;
      text = next;
      result = check(text, options);
      passes++;
    }
    const after = countByRule(result.diagnostics);
    const fixedByRule: Record<string, number> = {};
    for (const [rule, count] of before) {
      const gone = count - (after.get(rule) ?? 0);
      if (gone > 0) fixedByRule[rule] = gone;
    }
    let written = false;
    if (text !== original) {
      try {
        // Through a symlink the file it points to is replaced, never the link itself.
        writeAtomically(realpathSync(job.absolutePath), text);
        written = true;
      } catch (writeError) {
        const code = (writeError as NodeJS.ErrnoException).code ?? "error";
        error = { kind: "write", message: { zh: `修复后无法写回文件（${code}），文件未改动`, en: `Could not write the fixed file (${code}); it is unchanged` } };
        // What is printed must describe the file as it is on disk.
        text = original;
        result = originalResult;
      }
    }
    fix = written ? { passes, fixedByRule, written } : { passes: 0, fixedByRule: {}, written };
  }
  return {
    file: job.file,
    bytes: Buffer.byteLength(text),
    diagnostics: result.diagnostics.map((diagnostic) => place(diagnostic, result, frames)),
    ruleFailures: result.ruleFailures,
    suppressedCount: result.suppressedCount,
    fix,
    error,
  };
}

function countByRule(diagnostics: readonly Diagnostic[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const diagnostic of diagnostics) counts.set(diagnostic.code, (counts.get(diagnostic.code) ?? 0) + 1);
  return counts;
}

/**
 * Writes next to the target and renames over it, so a crash or a full disk never leaves a half-written report.
 * The file keeps its permissions.
 */
export function writeAtomically(file: string, text: string): void {
  const temporary = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${Date.now().toString(36)}.tmp`);
  try {
    writeFileSync(temporary, text, { encoding: "utf8", flag: "wx" });
    try {
      chmodSync(temporary, statSync(file).mode & 0o7777);
    } catch {
      // A file we could read but not stat keeps default permissions; the content matters more.
    }
    renameSync(temporary, file);
  } catch (error) {
    try {
      unlinkSync(temporary);
    } catch {
      // Nothing to clean up.
    }
    throw error;
  }
}

function lineColumn(lines: LineIndex, offset: number): LineColumn {
  const position = lines.positionAt(offset);
  return { line: position.line + 1, column: position.character + 1 };
}

function placed(lines: LineIndex, range: SourceRange): PlacedRange {
  return { range, start: lineColumn(lines, range.start), end: lineColumn(lines, range.end) };
}

const NOTHING_RELATED: ReportedDiagnostic["related"] = [];

function place(diagnostic: Diagnostic, result: CheckResult, frames: boolean): ReportedDiagnostic {
  const lines = result.source.lineIndex;
  return {
    code: diagnostic.code,
    severity: diagnostic.severity,
    message: diagnostic.message,
    notes: diagnostic.notes,
    ...placed(lines, diagnostic.range),
    related: diagnostic.related.length === 0 ? NOTHING_RELATED : diagnostic.related.map((related) => ({ ...placed(lines, related.range), message: related.message })),
    fixes: diagnostic.fixes.map((fix) => ({
      title: fix.title,
      safe: fix.safe,
      edits: fix.edits.map((edit) => ({ ...placed(lines, edit.range), newText: edit.newText })),
    })),
    frame: frames ? codeFrame(lines, diagnostic) : undefined,
  };
}
