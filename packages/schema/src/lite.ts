import type { FigureEntry, ReportData } from "./report.js";
import { validate as validateReportShape } from "./report-validator.generated.js";

/**
 * `@govreport/schema/lite`: what the package offers without loading zod — the format's constants, the built-in
 * profiles, small helpers, and `isValidReportData`. Building the zod models is a large part of starting a
 * one-report check, so the engine loads them only for data this module cannot accept on its own.
 */

export const FORMAT_VERSION = 1 as const;

/** `litigation.cases`: lower-case ASCII words joined by dots, so ids survive any editor and any locale. */
export const FIGURE_ID_PATTERN = /^[a-z][a-z0-9_]*(?:\.[a-z0-9_]+)*$/;

/** The file name looked for in a report's folder and each folder above it. */
export const CONFIG_FILE_NAME = "govreport.config.yaml";

/** What a rule can be set to in a config file. */
export const CONFIGURED_SEVERITIES = ["error", "warning", "info", "hint", "off"] as const;

export const ISO_DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

/** Whether a YYYY-MM-DD string names a day that exists (no 2022-02-30). */
export function isCalendarDate(text: string): boolean {
  if (!ISO_DATE_PATTERN.test(text)) return true;
  const [year, month, day] = text.split("-").map(Number) as [number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** The value text of a figure entry, whichever form it is written in. */
export function figureValueText(entry: FigureEntry): string {
  return typeof entry === "string" ? entry : entry.value;
}

/** The requirement ids a part covers, as a list. */
export function coveredRequirements(part: { covers?: string | string[] | undefined }): string[] {
  if (part.covers === undefined) return [];
  return typeof part.covers === "string" ? [part.covers] : part.covers;
}

/**
 * Whether `value` is report-data that `ReportData` accepts as it is, answered without zod: the JSON Schema's own
 * checks (compiled ahead of time, report-validator.generated.ts) and what JSON Schema cannot state — that the date
 * exists, and that `figures` is a plain object, as zod's record requires (JSON Schema's "object" is anything but
 * an array: YAML's `!!omap`, `!!set` and `!!timestamp` give a Map, a Set, a Date). A value that passes is what
 * `ReportData.parse` would return, less the copying. `false` is not a verdict: `ReportData.safeParse` says what is
 * wrong, and decides what this cannot (data nested deeper than the stack, such as a YAML alias inside itself). It
 * never answers `true` for data `ReportData` refuses; tests hold it to that.
 */
export function isValidReportData(value: unknown): value is ReportData {
  try {
    return validateReportShape(value) === true && isPlainRecord((value as ReportData).figures) && isCalendarDate((value as ReportData).meta.date);
  } catch {
    return false;
  }
}

function isPlainRecord(value: unknown): boolean {
  if (value === undefined) return true;
  const prototype: unknown = Object.getPrototypeOf(value);
  return (prototype === Object.prototype || prototype === null) && Object.getOwnPropertySymbols(value).length === 0;
}

export { builtinProfiles, fazhiAnnual } from "./profiles/fazhi-annual.js";
