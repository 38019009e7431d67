import { pick, type Severity } from "@govreport/core";
import type { FileReport } from "../check/job.js";
import type { FileTextOptions, StreamingFormatter } from "./context.js";

const COMMAND: Record<Severity, string> = { error: "error", warning: "warning", info: "notice", hint: "notice" };

/** Workflow commands carry their data after `::`; line breaks and `%` must be escaped there. */
export function escapeData(text: string): string {
  return text.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}

/** Property values additionally may not contain `:` or `,`. */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, "%3A").replace(/,/g, "%2C");
}

/** GitHub Actions workflow annotations: one `::error file=…,line=…::message` line per finding. */
export const github: StreamingFormatter = {
  streaming: true,
  file: githubFile,
  separator: "",
  end: () => "",
};

export function githubFile(report: FileReport, options: FileTextOptions): string {
  const { language } = options;
  let text = "";
  if (report.error) text += `::error file=${escapeProperty(report.file)},title=govreport::${escapeData(pick(report.error.message, language))}\n`;
  for (const diagnostic of report.diagnostics) {
    const properties = [
      `file=${escapeProperty(report.file)}`,
      `line=${diagnostic.start.line}`,
      `col=${diagnostic.start.column}`,
      `endLine=${diagnostic.end.line}`,
      `endColumn=${diagnostic.end.column}`,
      `title=${escapeProperty(diagnostic.code)}`,
    ];
    const message = [pick(diagnostic.message, language), ...diagnostic.notes.map((note) => pick(note, language))].join("\n");
    text += `::${COMMAND[diagnostic.severity]} ${properties.join(",")}::${escapeData(message)}\n`;
  }
  return text;
}
