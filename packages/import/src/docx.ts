import mammoth from "mammoth";
import { importReport, type ImportOptions, type ImportResult } from "./import.js";

/** A .docx file is a ZIP archive; anything else is refused before mammoth sees it. */
function looksLikeZip(buffer: Uint8Array): boolean {
  return buffer.length >= 4 && buffer[0] === 0x50 && buffer[1] === 0x4b && buffer[2] === 0x03 && buffer[3] === 0x04;
}

export class DocxError extends Error {
  constructor(
    readonly zh: string,
    readonly en: string,
  ) {
    super(`${zh} — ${en}`);
    this.name = "DocxError";
  }
}

/**
 * The text of a Word (.docx) file, one paragraph a line, as mammoth's raw-text extraction gives it (it
 * separates paragraphs with a blank line; tables come out one cell a paragraph).
 */
export async function docxText(buffer: Uint8Array): Promise<string> {
  if (!looksLikeZip(buffer)) throw new DocxError("不是 Word 文档（.docx）：文件开头不是 ZIP 格式；旧版 .doc 请先另存为 .docx", "Not a .docx file (no ZIP signature); save a .doc as .docx first");
  try {
    const result = await mammoth.extractRawText({ buffer: Buffer.from(buffer) });
    return result.value;
  } catch (error) {
    throw new DocxError(`无法读取 Word 文档：${error instanceof Error ? error.message : String(error)}`, `Cannot read the .docx file: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** Imports a Word (.docx) report: its raw text through {@link importReport}. */
export async function importDocx(buffer: Uint8Array, options: ImportOptions = {}): Promise<ImportResult> {
  return importReport(await docxText(buffer), options);
}
