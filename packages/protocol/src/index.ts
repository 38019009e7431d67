/**
 * The messages govreport adds to LSP, and the messages between the editor extension and its preview
 * webview, typed once. Types and string constants only: no LSP library, so the language server, the
 * extension and the webview script can all import this without pulling anything in.
 */

// ---------------------------------------------------------------------------------------------------------
// Shared shapes (the same wire shapes as LSP's, restated so this package depends on nothing)

/** A data path into a report: `["sections", 0, "points", 2, "text"]`. */
export type DataPathSegment = string | number;
export type DataPath = readonly DataPathSegment[];

/** Zero-based line and UTF-16 character, as in LSP. */
export interface Position {
  readonly line: number;
  readonly character: number;
}

export interface Range {
  readonly start: Position;
  readonly end: Position;
}

export type Language = "zh" | "en";
export type RuleSeverity = "error" | "warning" | "info" | "hint" | "off";

// ---------------------------------------------------------------------------------------------------------
// Settings: what the extension contributes under "govreport" and the server reads through
// workspace/configuration (section "govreport").

export const CONFIGURATION_SECTION = "govreport";

export interface PreviewSettings {
  /** Wait this long after the last edit before re-rendering. */
  readonly debounceMs: number;
  /** Scroll the preview along with the editor, and the editor along with the preview. */
  readonly scrollSync: boolean;
  /** Mark diagnostics in place in the preview. */
  readonly showDiagnostics: boolean;
}

export interface GovreportSettings {
  /** A built-in profile id or a profile file path; empty means: what each report file names. */
  readonly profile: string;
  /** Severity per rule id, overriding the rule's default; "off" silences a rule. */
  readonly rules: Readonly<Record<string, RuleSeverity>>;
  /** Language of messages: Chinese first, English available. */
  readonly language: Language;
  readonly preview: PreviewSettings;
}

export const DEFAULT_SETTINGS: GovreportSettings = {
  profile: "",
  rules: {},
  language: "zh",
  preview: { debounceMs: 300, scrollSync: true, showDiagnostics: true },
};

// ---------------------------------------------------------------------------------------------------------
// LSP: requests from the client to the server

/** Render a report-data document (as the server holds it, unsaved edits included) for the preview. */
export const PREVIEW_METHOD = "govreport/preview";
export interface PreviewParams {
  readonly uri: string;
}
export interface PreviewResult {
  readonly uri: string;
  /** The document version the HTML was rendered from; null if the server rendered the file on disk. */
  readonly version: number | null;
  /** An HTML fragment (the renderer's escaped output, or an escaped explanation of why nothing renders). */
  readonly html: string;
  /** The report title, for the preview tab; empty when the document has none yet. */
  readonly title: string;
}

/** Where in the source a data path is, so a click in the preview can reveal it. */
export const RANGE_OF_PATH_METHOD = "govreport/rangeOfPath";
export interface RangeOfPathParams {
  readonly uri: string;
  readonly path: DataPath;
}
/** The range of the value at `path`, or of the nearest ancestor that exists; null if the document does not parse. */
export type RangeOfPathResult = { readonly range: Range; readonly path: DataPath } | null;

/** Which data path the source position is in, so the preview can follow the editor's cursor. */
export const PATH_AT_METHOD = "govreport/pathAt";
export interface PathAtParams {
  readonly uri: string;
  readonly position: Position;
}
export type PathAtResult = { readonly path: DataPath } | null;

/** A new report-data file from a profile: its requirements as a section outline with placeholders. */
export const NEW_REPORT_METHOD = "govreport/newReport";
export interface NewReportParams {
  /** A built-in profile id; the server's default profile when absent. */
  readonly profile?: string;
  /** The year reported on; the previous calendar year when absent. */
  readonly year?: number;
  readonly format: "yaml" | "json";
}
export interface NewReportResult {
  readonly text: string;
  /** A suggested file name, such as `2024.report.yaml`. */
  readonly fileName: string;
}

/** The built-in profiles, for the New Report picker. */
export const LIST_PROFILES_METHOD = "govreport/listProfiles";
export type ListProfilesParams = Record<string, never>;
export interface ProfileSummary {
  readonly id: string;
  readonly title: string;
  readonly description?: string;
}
export type ListProfilesResult = readonly ProfileSummary[];

/** An existing report as plain text or Markdown, turned into report-data. */
export const IMPORT_REPORT_METHOD = "govreport/importReport";
export interface ImportReportParams {
  readonly text: string;
  /** The name of the file imported, for messages and the suggested file name. */
  readonly sourceName?: string;
  readonly format: "yaml" | "json";
}
export interface ImportReportResult {
  readonly text: string;
  readonly fileName: string;
  /** What the importer could not decide and the drafter should look at, in the configured language. */
  readonly notes: readonly string[];
}

/** The report in a printable format. Binary formats come base64-encoded. */
export const EXPORT_METHOD = "govreport/export";
export type ExportFormat = "html" | "text" | "docx";
export interface ExportParams {
  readonly uri: string;
  readonly format: ExportFormat;
}
export interface ExportResult {
  readonly contents: string;
  readonly encoding: "utf8" | "base64";
  /** The file extension to save under, without the dot. */
  readonly extension: string;
}

// ---------------------------------------------------------------------------------------------------------
// LSP: notifications from the server to the client

/** Something a preview of `uri` shows has changed without an edit to it (a profile, last year's report). */
export const PREVIEW_INVALIDATED_METHOD = "govreport/previewInvalidated";
export interface PreviewInvalidatedParams {
  readonly uri: string;
}

/** Each custom method with its parameter and result types, for typed wrappers on either side. */
export interface RequestTypes {
  [PREVIEW_METHOD]: { params: PreviewParams; result: PreviewResult | null };
  [RANGE_OF_PATH_METHOD]: { params: RangeOfPathParams; result: RangeOfPathResult };
  [PATH_AT_METHOD]: { params: PathAtParams; result: PathAtResult };
  [NEW_REPORT_METHOD]: { params: NewReportParams; result: NewReportResult };
  [LIST_PROFILES_METHOD]: { params: ListProfilesParams; result: ListProfilesResult };
  [IMPORT_REPORT_METHOD]: { params: ImportReportParams; result: ImportReportResult };
  [EXPORT_METHOD]: { params: ExportParams; result: ExportResult };
}
export type RequestMethod = keyof RequestTypes;

export interface NotificationTypes {
  [PREVIEW_INVALIDATED_METHOD]: PreviewInvalidatedParams;
}
export type NotificationMethod = keyof NotificationTypes;

// ---------------------------------------------------------------------------------------------------------
// Webview messages

/** From the preview webview to the extension. */
export type WebviewToExtensionMessage =
  /** The webview script has loaded and listens; send it the current content. */
  | { readonly type: "ready" }
  /** The drafter clicked something rendered from `path`: show its source. */
  | { readonly type: "reveal"; readonly path: DataPath }
  /** The element now at the top of the preview came from `path`: scroll the editor there. */
  | { readonly type: "scroll"; readonly path: DataPath };

/** From the extension to the preview webview. */
export type ExtensionToWebviewMessage =
  | { readonly type: "update"; readonly uri: string; readonly version: number | null; readonly html: string; readonly title: string }
  /** Bring the element rendered from `path` (or its nearest rendered ancestor) into view. */
  | { readonly type: "scrollTo"; readonly path: DataPath; readonly highlight: boolean }
  /** The preview cannot be refreshed; `message` is shown as text above the last good rendering. */
  | { readonly type: "error"; readonly message: string };

/** What the webview keeps with `setState` so a restored panel reopens the same document at the same place. */
export interface WebviewState {
  readonly uri: string;
  readonly scrollPath?: DataPath;
}

export const PREVIEW_VIEW_TYPE = "govreport.preview";

// ---------------------------------------------------------------------------------------------------------
// Guards for what crosses a trust boundary (a webview message, restored state)

const MAX_PATH_LENGTH = 64;

export function isDataPath(value: unknown): value is DataPath {
  return (
    Array.isArray(value) &&
    value.length <= MAX_PATH_LENGTH &&
    value.every((segment) => typeof segment === "string" || (typeof segment === "number" && Number.isInteger(segment) && segment >= 0))
  );
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

export function isWebviewToExtensionMessage(value: unknown): value is WebviewToExtensionMessage {
  if (!isObject(value)) return false;
  switch (value.type) {
    case "ready":
      return true;
    case "reveal":
    case "scroll":
      return isDataPath(value.path);
    default:
      return false;
  }
}

export function isExtensionToWebviewMessage(value: unknown): value is ExtensionToWebviewMessage {
  if (!isObject(value)) return false;
  switch (value.type) {
    case "update":
      return (
        typeof value.uri === "string" &&
        typeof value.html === "string" &&
        typeof value.title === "string" &&
        (value.version === null || typeof value.version === "number")
      );
    case "scrollTo":
      return isDataPath(value.path) && typeof value.highlight === "boolean";
    case "error":
      return typeof value.message === "string";
    default:
      return false;
  }
}

export function isWebviewState(value: unknown): value is WebviewState {
  return isObject(value) && typeof value.uri === "string" && (value.scrollPath === undefined || isDataPath(value.scrollPath));
}
