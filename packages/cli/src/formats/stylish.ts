import { pick, type Language, type Severity } from "@govreport/core";
import type { FileReport, ReportedDiagnostic } from "../check/job.js";
import type { FileTextOptions, FormatContext, StreamingFormatter } from "./context.js";

const SEVERITY_COLOR: Record<Severity, string> = { error: "31", warning: "33", info: "36", hint: "90" };

function paint(enabled: boolean, code: string, text: string): string {
  return enabled ? `\u001b[${code}m${text}\u001b[0m` : text;
}

/**
 * The human format: for each finding a head line `file:line:column  severity  message  rule-id`, the source lines
 * with carets under the covered text, then its notes; a blank line between findings, and after the last one the
 * summary. The severity word stays English so CI problem matchers read it whatever the message language.
 */
export const stylish: StreamingFormatter = {
  streaming: true,
  file: stylishFile,
  separator: "\n\n",
  end: stylishEnd,
};

export function stylishFile(report: FileReport, options: FileTextOptions): string {
  const { language, color } = options;
  let text = report.error ? `${paint(color, "1", report.file)}  ${paint(color, SEVERITY_COLOR.error, "error")}  ${pick(report.error.message, language)}` : "";
  for (const diagnostic of report.diagnostics) {
    const block = formatOne(report.file, diagnostic, language, color);
    text = text === "" ? block : `${text}\n\n${block}`;
  }
  return text;
}

function stylishEnd(context: FormatContext, printedAny: boolean): string {
  const { language, color, summary } = context;
  const lines = summaryLines(context, language, color);
  const hidden = summary.warnings + summary.infos + summary.hints;
  if (context.quiet && hidden > 0) lines.push(language === "en" ? `(${hidden} warning(s) and hint(s) not shown: --quiet)` : `（--quiet：未显示 ${hidden} 个警告和提示）`);
  return `${printedAny ? "\n\n" : ""}${lines.join("\n")}\n`;
}

function formatOne(file: string, diagnostic: ReportedDiagnostic, language: Language, color: boolean): string {
  const severityColor = SEVERITY_COLOR[diagnostic.severity];
  let text = `${paint(color, "1", `${file}:${diagnostic.start.line}:${diagnostic.start.column}`)}  ${paint(color, severityColor, diagnostic.severity)}  ${pick(diagnostic.message, language)}  ${paint(color, "2", diagnostic.code)}`;
  if (diagnostic.frame) {
    // Caret lines are the ones whose text after the gutter is only spaces and carets.
    const frame = color ? diagnostic.frame.split("\n").map((line) => (/^\s*\|\s*\^+$/.test(line) ? paint(color, severityColor, line) : line)).join("\n") : diagnostic.frame;
    text += `\n${frame}`;
  }
  for (const note of diagnostic.notes) text += `\n  = ${pick(note, language)}`;
  for (const related of diagnostic.related) {
    text += `\n  ${language === "en" ? "- see" : "- 参见"} ${file}:${related.start.line}:${related.start.column}  ${pick(related.message, language)}`;
  }
  return text;
}

function summaryLines(context: FormatContext, language: Language, color: boolean): string[] {
  const { summary } = context;
  const lines: string[] = [];
  const extra = (zh: string, en: string) => (language === "en" ? en : zh);
  const headline =
    language === "en"
      ? `${summary.files} file(s) checked: ${summary.errors} error(s), ${summary.warnings} warning(s)${summary.infos + summary.hints > 0 ? `, ${summary.infos + summary.hints} info/hint(s)` : ""}`
      : `检查了 ${summary.files} 个文件：${summary.errors} 个错误，${summary.warnings} 个警告${summary.infos + summary.hints > 0 ? `，${summary.infos + summary.hints} 个提示` : ""}`;
  lines.push(paint(color, summary.errors > 0 ? "31;1" : summary.warnings > 0 ? "33;1" : "32;1", headline));
  for (const fixed of context.fixedFiles) {
    const parts = Object.entries(fixed.fixedByRule).map(([rule, count]) => `${rule} ×${count}`);
    lines.push(extra(`已修复 ${fixed.file}：${parts.join("，") || "格式调整"}`, `Fixed ${fixed.file}: ${parts.join(", ") || "formatting"}`));
  }
  if (summary.fixable > 0) {
    lines.push(extra(`其中 ${summary.fixable} 个问题可用 --fix 自动修复`, `${summary.fixable} of them can be fixed with --fix`));
  }
  if (summary.unreadable > 0) lines.push(extra(`${summary.unreadable} 个文件无法读取`, `${summary.unreadable} file(s) could not be read`));
  return lines;
}
