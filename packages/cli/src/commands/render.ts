import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { check, pick, type Language } from "@govreport/core";
import { renderHtmlDocument, renderText } from "@govreport/render";
import { createConfigResolver } from "../config-loader.js";
import { fileHost } from "../file-host.js";
import { EXIT, UsageError, type Io } from "../io.js";

export interface RenderCommandOptions {
  readonly file: string | undefined;
  readonly format: string;
  readonly output?: string | undefined;
  readonly language: Language;
}

const FORMATS = ["text", "html"] as const;

export async function runRender(options: RenderCommandOptions, io: Io): Promise<number> {
  if (!options.file) throw new UsageError("请指定报告数据文件，如 govreport render --format text report.yaml — name the report file");
  if (!(FORMATS as readonly string[]).includes(options.format)) {
    throw new UsageError(`不支持的输出格式“${options.format}”，可用：${FORMATS.join("、")} — unsupported format "${options.format}"; use ${FORMATS.join(", ")}`);
  }
  const absolute = path.resolve(io.cwd, options.file);
  let text: string;
  try {
    text = await readFile(absolute, "utf8");
  } catch (error) {
    throw new UsageError(`无法读取文件 ${options.file}（${(error as NodeJS.ErrnoException).code ?? "error"}） — cannot read the file`);
  }
  const settings = createConfigResolver(io.cwd, undefined).settingsFor(absolute);
  const result = check(text, { fileName: absolute, host: fileHost, rules: settings.rules, profile: settings.profile });
  if (!result.report) {
    const first = result.diagnostics[0];
    const where = first ? result.source.lineIndex.positionAt(first.range.start) : undefined;
    io.stderr.write(`${options.file}${where ? `:${where.line + 1}:${where.character + 1}` : ""}  ${first ? pick(first.message, options.language) : ""}\n`);
    io.stderr.write(options.language === "en" ? "The report data is invalid; run govreport check for details.\n" : "报告数据有误，无法排版；详情请运行 govreport check。\n");
    return EXIT.findings;
  }
  const output =
    options.format === "html"
      ? // No marks: this is the document to print or publish; findings belong to `govreport check` and the editor preview.
        renderHtmlDocument(result.report, { language: options.language })
      : renderText(result.report);
  if (options.output !== undefined) {
    try {
      await writeFile(path.resolve(io.cwd, options.output), output, "utf8");
    } catch (error) {
      throw new UsageError(`无法写入 ${options.output}（${(error as NodeJS.ErrnoException).code ?? "error"}） — cannot write ${options.output}`);
    }
  } else {
    io.stdout.write(output);
  }
  return EXIT.clean;
}
