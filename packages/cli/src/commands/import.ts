import { access, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { pick, type Language, type Message } from "@govreport/core";
import { compareTexts, DocxError, docxText, importReport } from "@govreport/import";
import { renderText } from "@govreport/render";
import { EXIT, UsageError, type Io } from "../io.js";

export interface ImportCommandOptions {
  readonly file: string;
  /** Where to write the report data; `.json` writes JSON, anything else YAML. Default: standard output. */
  readonly output?: string | undefined;
  readonly language: Language;
}

/** Text files as governments publish them: UTF-8, or GB18030 (which includes GBK and GB2312). */
function decodeText(bytes: Uint8Array): { text: string; note: Message | undefined } {
  try {
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(bytes), note: undefined };
  } catch {
    // Not UTF-8: older Chinese files are GBK; GB18030 reads those and every other character.
  }
  try {
    return {
      text: new TextDecoder("gb18030", { fatal: true }).decode(bytes),
      note: { zh: "原文不是 UTF-8 编码，已按 GB18030（GBK）读取", en: "The file is not UTF-8; it was read as GB18030 (GBK)" },
    };
  } catch {
    throw new UsageError("无法识别文件编码：既不是 UTF-8 也不是 GB18030/GBK，请另存为 UTF-8 文本 — the file is neither UTF-8 nor GB18030/GBK; save it as UTF-8 text");
  }
}

async function readSource(file: string, absolute: string): Promise<{ text: string; notes: Message[] }> {
  const extension = path.extname(file).toLowerCase();
  if (extension === ".pdf") {
    throw new UsageError("不能直接导入 PDF：请先转为文本（如 pdftotext -layout 报告.pdf 报告.txt），再导入 .txt — PDF is not read directly; convert it to text first (e.g. pdftotext -layout) and import the .txt");
  }
  if (extension === ".doc" || extension === ".wps") {
    throw new UsageError("不能导入旧版 .doc/.wps 文档：请在 Word 或 WPS 中另存为 .docx — save .doc/.wps files as .docx first");
  }
  let bytes: Uint8Array;
  try {
    bytes = await readFile(absolute);
  } catch (error) {
    throw new UsageError(`无法读取文件 ${file}（${(error as NodeJS.ErrnoException).code ?? "error"}） — cannot read ${file}`);
  }
  if (extension === ".docx") {
    try {
      return { text: await docxText(bytes), notes: [{ zh: "已从 Word 文档提取正文文本（表格按单元格分段）", en: "The text was extracted from the Word document (tables come out one cell a paragraph)" }] };
    } catch (error) {
      if (error instanceof DocxError) throw new UsageError(`${file}：${error.zh} — ${error.en}`);
      throw error;
    }
  }
  const decoded = decodeText(bytes);
  return { text: decoded.text, notes: decoded.note ? [decoded.note] : [] };
}

async function exists(file: string): Promise<boolean> {
  try {
    await access(file);
    return true;
  } catch {
    return false;
  }
}

/**
 * `govreport import <file> [-o out.report.yaml]`: turns an existing report (.txt, .md, .docx) into report data,
 * writes it, and says what it did and guessed. It then renders the data and compares the result with the source,
 * so the drafter knows whether anything was lost.
 */
export async function runImport(options: ImportCommandOptions, io: Io): Promise<number> {
  if (!options.file) throw new UsageError("请指定要导入的报告文件，如 govreport import 报告.docx -o 报告.report.yaml — name the report to import");
  const absolute = path.resolve(io.cwd, options.file);
  const output = options.output === undefined ? undefined : path.resolve(io.cwd, options.output);
  if (output !== undefined && (await exists(output))) {
    throw new UsageError(`输出文件 ${options.output} 已存在，为免覆盖已有内容，请换一个文件名或先删除它 — ${options.output} exists; choose another name or remove it first`);
  }

  const source = await readSource(options.file, absolute);
  const result = importReport(source.text, { source: path.basename(options.file) });
  const data = output !== undefined && /\.json$/i.test(output) ? `${JSON.stringify(result.report, null, 2)}\n` : result.yaml;

  if (output === undefined) io.stdout.write(data);
  else {
    try {
      await writeFile(output, data, "utf8");
    } catch (error) {
      throw new UsageError(`无法写入 ${options.output}（${(error as NodeJS.ErrnoException).code ?? "error"}） — cannot write ${options.output}`);
    }
  }

  const say = (message: Message) => io.stderr.write(`govreport import: ${pick(message, options.language)}\n`);
  for (const note of [...source.notes, ...result.notes]) say(note);

  const difference = compareTexts(source.text, renderText(result.report), { recipient: result.report.meta.recipient });
  const missingMeta = Object.entries(result.metaSources).filter(([, from]) => from === "placeholder").length > 0;
  if (difference === null) {
    say({ zh: "核对：由报告数据排版得到的文本与原文一致（不计空白）", en: "Verified: the text rendered from the report data matches the source (whitespace aside)" });
  } else {
    const where = `${options.file}:${difference.sourceLine}`;
    say({
      zh: `注意：由报告数据排版得到的文本与原文不同，第一处在 ${where}${missingMeta ? "（含补填的占位信息）" : ""}：原文“${difference.source}”，排版“${difference.rendered}”`,
      en: `Note: the rendered text differs from the source, first at ${where}${missingMeta ? " (placeholders included)" : ""}: source "${difference.source}", rendered "${difference.rendered}"`,
    });
  }
  if (output !== undefined) {
    say({ zh: `已写入 ${options.output}；下一步：govreport check ${options.output}`, en: `Wrote ${options.output}; next: govreport check ${options.output}` });
  }
  return EXIT.clean;
}
