import { isSeq, type Node } from "yaml";
import type { DataPath, TextEdit } from "../diagnostic.js";
import type { SourceDocument } from "../document/source-document.js";

/**
 * An edit inserting `itemLines` (lines of a YAML mapping, without the leading `- `) as a new item of the block
 * sequence at `path`, before item `index` (or at the end). Undefined when the sequence is not written in block
 * style, where inserting text cannot be done safely.
 */
export function insertSequenceItem(source: SourceDocument, path: DataPath, index: number, itemLines: readonly string[]): TextEdit | undefined {
  const node = source.nodeAt(path) as Node | undefined;
  if (!node || !isSeq(node) || node.flow || node.items.length === 0) return undefined;
  const text = source.text;
  const first = node.items[0] as Node | undefined;
  if (!first?.range) return undefined;
  const dash = text.lastIndexOf("-", first.range[0]);
  const lineStart = text.lastIndexOf("\n", dash) + 1;
  const indent = text.slice(lineStart, dash);
  if (indent.trim() !== "") return undefined;
  const body = itemLines.map((line, i) => `${indent}${i === 0 ? "- " : "  "}${line}\n`).join("");
  const target = node.items[index] as Node | undefined;
  if (target?.range) {
    const targetDash = text.lastIndexOf("-", target.range[0]);
    const at = text.lastIndexOf("\n", targetDash) + 1;
    return { range: { start: at, end: at }, newText: body };
  }
  const last = node.items[node.items.length - 1] as Node | undefined;
  const end = last?.range?.[2] ?? node.range?.[1] ?? text.length;
  const lineBreak = text.indexOf("\n", Math.max(end - 1, 0));
  if (lineBreak < 0) return { range: { start: text.length, end: text.length }, newText: `\n${body}` };
  const at = text[end - 1] === "\n" ? end : lineBreak + 1;
  return { range: { start: at, end: at }, newText: body };
}

/** YAML-safe scalar text for generated content. */
export function yamlString(value: string): string {
  return /^[\p{L}\p{N}\u3000-\u303f\uff00-\uffef][^:#\n]*$/u.test(value) && !/\s$/.test(value) ? value : JSON.stringify(value);
}
