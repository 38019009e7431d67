import { isMap, isPair, isScalar, isSeq, parse, type Document, type Node, type Scalar } from "yaml";
import { readYamlFast } from "./fast-yaml.js";

/**
 * Re-reads a document after a small edit inside one string value without parsing the whole text again: typing in a
 * paragraph is by far the commonest edit, and a full parse is most of what a check costs. It only does so when the
 * edit provably cannot change the structure: the edit lies strictly inside one string value (not a key), adds and
 * removes no character that YAML treats specially (line breaks, quotes, `:`, `#`, brackets, spaces, …), and the new
 * value, read on its own, is still a string. Anything else returns undefined and the caller parses afresh.
 *
 * The previous document's nodes are updated in place (value and ranges), so the previous document must not be used
 * afterwards.
 */
const SPECIAL = /[\s:#'"{}[\],&*!|>%@`\\?\-]/;
const MAX_EDIT = 400;

/** Where an in-place edit landed: the data path of the string value that changed, and its new value. */
export interface InPlaceEdit {
  readonly path: readonly (string | number)[];
  readonly value: string;
  readonly node: Scalar;
}

export function reparseAfterEdit(document: Document.Parsed, oldText: string, newText: string): InPlaceEdit | undefined {
  let prefix = 0;
  const shortest = Math.min(oldText.length, newText.length);
  while (prefix < shortest && oldText.charCodeAt(prefix) === newText.charCodeAt(prefix)) prefix++;
  let suffix = 0;
  while (suffix < shortest - prefix && oldText.charCodeAt(oldText.length - 1 - suffix) === newText.charCodeAt(newText.length - 1 - suffix)) suffix++;
  const oldEnd = oldText.length - suffix;
  const newEnd = newText.length - suffix;
  const removed = oldText.slice(prefix, oldEnd);
  const inserted = newText.slice(prefix, newEnd);
  if (removed.length + inserted.length === 0 || removed.length > MAX_EDIT || inserted.length > MAX_EDIT) return undefined;
  if (SPECIAL.test(removed) || SPECIAL.test(inserted)) return undefined;

  const found = findStringScalar(document.contents as Node | null, prefix, oldEnd);
  if (!found) return undefined;
  const target = found.node;
  const [start, valueEnd] = target.range!;
  const block = target.type === "BLOCK_FOLDED" || target.type === "BLOCK_LITERAL";
  if (block) {
    const header = oldText.slice(start, oldText.indexOf("\n", start));
    // An explicit indentation indicator, or an edit on the header line or in a line's indentation, can change layout.
    if (/[1-9]/.test(header) || oldText.indexOf("\n", start) >= prefix) return undefined;
    const lineStart = oldText.lastIndexOf("\n", prefix - 1) + 1;
    if (oldText.slice(lineStart, prefix).trim() === "") return undefined;
  }
  const delta = inserted.length - removed.length;
  const oldValue = readAlone(oldText.slice(start, valueEnd));
  const newValue = readAlone(newText.slice(start, valueEnd + delta));
  if (oldValue !== target.value || typeof newValue !== "string") return undefined;

  target.value = newValue;
  if (delta !== 0) {
    shiftRanges(document.contents as Node | null, oldEnd, delta);
    shift(document.range as Range, oldEnd, delta);
  }
  return { path: found.path, value: newValue, node: target };
}

type Range = [number, number, number];

function shift(range: Range | null | undefined, from: number, delta: number): void {
  if (!range) return;
  if (range[0] >= from) range[0] += delta;
  if (range[1] >= from) range[1] += delta;
  if (range[2] >= from) range[2] += delta;
}

/**
 * Moves every range at or after `from` by `delta`. Items are in source order, so a child that ends before `from` is
 * skipped with everything in it; only what follows the edit is touched.
 */
function shiftRanges(node: Node | null | undefined, from: number, delta: number): void {
  if (!node) return;
  const range = node.range as Range | null | undefined;
  if (range && range[2] < from) return;
  shift(range, from, delta);
  if (isMap(node) || isSeq(node)) {
    for (const item of node.items) {
      if (isPair(item)) {
        shiftRanges(item.key as Node | null, from, delta);
        shiftRanges(item.value as Node | null, from, delta);
      } else {
        shiftRanges(item as Node | null, from, delta);
      }
    }
  }
}

/**
 * The string value (not a key) whose source strictly contains [from, to), found by descending only into the
 * collections whose range contains it, with its data path. Aliases make one node reachable by several paths, so a
 * tree with any alias on the way is left to the full parse.
 */
function findStringScalar(root: Node | null, from: number, to: number): { node: Scalar; path: (string | number)[] } | undefined {
  const path: (string | number)[] = [];
  let node: Node | null | undefined = root;
  for (;;) {
    // An anchored node's value is shared by every alias to it, which a path cannot say.
    if (!node || node.anchor) return undefined;
    if (isScalar(node)) {
      const range = node.range;
      return typeof node.value === "string" && range && range[0] < from && to < range[1] ? { node, path } : undefined;
    }
    if (isMap(node)) {
      let next: Node | null | undefined;
      for (const item of node.items) {
        const value = item.value as Node | null;
        const range = value?.range;
        if (range && range[0] < from && to < range[2]) {
          if (!isScalar(item.key)) return undefined;
          path.push(String(item.key.value));
          next = value;
          break;
        }
      }
      node = next;
    } else if (isSeq(node)) {
      let next: Node | null | undefined;
      for (let index = 0; index < node.items.length; index++) {
        const item = node.items[index] as Node | null;
        const range = item?.range;
        if (range && range[0] < from && to < range[2]) {
          path.push(index);
          next = item;
          break;
        }
      }
      node = next;
    } else {
      return undefined;
    }
  }
}

/**
 * A scalar's source read as the value of a one-key document, which is how it reads in place too. The fast reader
 * first: it reads what it accepts exactly as `yaml` does, and is the reader already in use, where `yaml`'s own
 * parser would be compiled for the first edit of a session.
 */
function readAlone(scalarSource: string): unknown {
  const source = `x: ${scalarSource}\n`;
  const fast = readYamlFast(source);
  if (fast) return (fast.value as { x?: unknown }).x;
  try {
    const value = parse(source, { prettyErrors: false, logLevel: "error" }) as { x?: unknown } | null;
    return value?.x;
  } catch {
    return undefined;
  }
}
