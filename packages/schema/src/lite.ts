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
 * checks (compiled ahead of time, report-validator.generated.ts) and the one check JSON Schema cannot state, that
 * the date exists. A value of a plain YAML or JSON parse that passes is what `ReportData.parse` would return, less
 * the copying. `false` is not a verdict: `ReportData.safeParse` says what is wrong (and decides any case this
 * answers too strictly). It never answers `true` for data `ReportData` refuses; tests hold it to that.
 */
export function isValidReportData(value: unknown): value is ReportData {
  return validateReportShape(value) === true && isCalendarDate((value as ReportData).meta.date);
}

export { builtinProfiles, fazhiAnnual } from "./profiles/fazhi-annual.js";
