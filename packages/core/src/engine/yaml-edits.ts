import { isMap, isScalar, isSeq, type Node, type Pair, type YAMLMap } from "yaml";
import type { DataPath, TextEdit } from "../diagnostic.js";
import type { SourceDocument } from "../document/source-document.js";
import type { ReportModel } from "./model.js";

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

/**
 * A plain YAML scalar when the text reads back as the same string in both block and flow context (so it can also go
 * inside `{ value: …, label: … }`), a quoted one otherwise.
 */
export function yamlString(text: string): string {
  const plain =
    /^[^\s\-?:,[\]{}#&*!|>'"%@`][^,:#[\]{}\n]*$/u.test(text) &&
    !/\s$/.test(text) &&
    Number.isNaN(Number(text)) &&
    !/^(?:true|false|null|yes|no|on|off|~)$/i.test(text);
  return plain ? text : JSON.stringify(text);
}

/**
 * `<namespace>.new_<n>` for a quantity about to become a figure: the namespace of the nearest figure referenced in
 * the same text (`prose` when there is none), and the first number not in `taken` (which receives the new id).
 */
export function freshFigureId(model: ReportModel, path: DataPath, at: number, taken: Set<string> = new Set(model.figures.keys())): string {
  let nearest: string | undefined;
  let distance = Number.POSITIVE_INFINITY;
  for (const reference of model.references) {
    if (reference.inCheck || !samePath(reference.path, path) || !model.figures.has(reference.id)) continue;
    const d = Math.abs(reference.start - at);
    if (d < distance) {
      distance = d;
      nearest = reference.id;
    }
  }
  const namespace = nearest?.split(".")[0] ?? "prose";
  let n = 1;
  while (taken.has(`${namespace}.new_${n}`)) n++;
  const id = `${namespace}.new_${n}`;
  taken.add(id);
  return id;
}

function samePath(a: DataPath, b: DataPath): boolean {
  return a.length === b.length && a.every((segment, i) => String(segment) === String(b[i]));
}

/**
 * An edit adding `id: value` (or `id: { value, label }`) as the last entry of `figures:`. Block mappings get a line of
 * their own at the entries' indentation; flow mappings (and JSON files) get `, "id": …` after the last entry; a YAML
 * file without figures (or with an empty `figures:`) gets the mapping. Undefined where text cannot be added safely.
 */
export function addFigureEdit(source: SourceDocument, id: string, value: string, label: string | undefined): TextEdit | undefined {
  const text = source.text;
  const pair = source.pairAt(["figures"]);
  const node = source.nodeAt(["figures"]) as Node | undefined;
  const entry = label === undefined || label.trim() === "" ? yamlString(value) : `{ value: ${yamlString(value)}, label: ${yamlString(label.trim())} }`;
  if (!pair || !isScalar(pair.key) || pair.key.value !== "figures") {
    if (source.language === "json" || !isMap(source.nodeAt([])) || (source.nodeAt([]) as YAMLMap).flow) return undefined;
    const separator = text.length === 0 || text.endsWith("\n") ? "" : "\n";
    return { range: { start: text.length, end: text.length }, newText: `${separator}figures:\n  ${id}: ${entry}\n` };
  }
  const empty = !node || (isScalar(node) && node.value === null && node.range?.[0] === node.range?.[1]);
  if (empty && pair.key.range && source.language === "yaml") {
    // `figures:` with nothing under it yet.
    const lineBreak = text.indexOf("\n", pair.key.range[1]);
    const at = lineBreak < 0 ? text.length : lineBreak;
    return { range: { start: at, end: at }, newText: `\n  ${id}: ${entry}` };
  }
  if (!node || !isMap(node) || !node.range) return undefined;
  const items = node.items as Pair[];
  const last = items[items.length - 1];
  if (node.flow || source.language === "json") {
    const json = label === undefined || label.trim() === "" ? JSON.stringify(value) : `{ "value": ${JSON.stringify(value)}, "label": ${JSON.stringify(label.trim())} }`;
    const lastEnd = (last?.value as Node | null | undefined)?.range?.[1] ?? (last?.key as Node | undefined)?.range?.[1];
    if (last && lastEnd !== undefined) return { range: { start: lastEnd, end: lastEnd }, newText: `, ${JSON.stringify(id)}: ${json}` };
    const close = text.lastIndexOf("}", node.range[1]);
    if (close < node.range[0]) return undefined;
    return { range: { start: close, end: close }, newText: `${JSON.stringify(id)}: ${json}` };
  }
  const key = last?.key as Node | undefined;
  if (!last || !isScalar(key) || !key.range) return undefined;
  const lineStart = text.lastIndexOf("\n", key.range[0] - 1) + 1;
  const indent = text.slice(lineStart, key.range[0]);
  if (indent.trim() !== "") return undefined;
  const line = `${indent}${id}: ${entry}\n`;
  const end = (last.value as Node | null | undefined)?.range?.[2] ?? key.range[2];
  if (text[end - 1] === "\n") return { range: { start: end, end }, newText: line };
  const lineBreak = text.indexOf("\n", end);
  if (lineBreak < 0) return { range: { start: text.length, end: text.length }, newText: `\n${line}` };
  return { range: { start: lineBreak + 1, end: lineBreak + 1 }, newText: line };
}
