import { isScalar, parse, visit, type Document, type Node, type Scalar } from "yaml";

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

export function reparseAfterEdit(document: Document.Parsed, oldText: string, newText: string): boolean {
  let prefix = 0;
  const shortest = Math.min(oldText.length, newText.length);
  while (prefix < shortest && oldText.charCodeAt(prefix) === newText.charCodeAt(prefix)) prefix++;
  let suffix = 0;
  while (suffix < shortest - prefix && oldText.charCodeAt(oldText.length - 1 - suffix) === newText.charCodeAt(newText.length - 1 - suffix)) suffix++;
  const oldEnd = oldText.length - suffix;
  const newEnd = newText.length - suffix;
  const removed = oldText.slice(prefix, oldEnd);
  const inserted = newText.slice(prefix, newEnd);
  if (removed.length + inserted.length === 0 || removed.length > MAX_EDIT || inserted.length > MAX_EDIT) return false;
  if (SPECIAL.test(removed) || SPECIAL.test(inserted)) return false;

  let target: Scalar | undefined;
  visit(document, {
    Scalar(key, node) {
      const range = node.range;
      if (key !== "key" && typeof node.value === "string" && range && range[0] < prefix && oldEnd < range[1]) target = node;
    },
  });
  if (!target?.range) return false;
  const [start, valueEnd] = target.range;
  const block = target.type === "BLOCK_FOLDED" || target.type === "BLOCK_LITERAL";
  if (block) {
    const header = oldText.slice(start, oldText.indexOf("\n", start));
    // An explicit indentation indicator, or an edit on the header line or in a line's indentation, can change layout.
    if (/[1-9]/.test(header) || oldText.indexOf("\n", start) >= prefix) return false;
    const lineStart = oldText.lastIndexOf("\n", prefix - 1) + 1;
    if (oldText.slice(lineStart, prefix).trim() === "") return false;
  }
  const delta = inserted.length - removed.length;
  const oldValue = readAlone(oldText.slice(start, valueEnd));
  const newValue = readAlone(newText.slice(start, valueEnd + delta));
  if (oldValue !== target.value || typeof newValue !== "string") return false;

  target.value = newValue;
  const shift = (range: [number, number, number] | undefined | null) => {
    if (!range) return;
    for (let i = 0; i < 3; i++) if ((range[i] as number) >= oldEnd) range[i] = (range[i] as number) + delta;
  };
  visit(document, { Node: (_key, node) => shift((node as Node).range as [number, number, number] | undefined) });
  shift(document.range as [number, number, number]);
  return isScalar(target);
}

/** A scalar's source read as the value of a one-key document, which is how it reads in place too. */
function readAlone(scalarSource: string): unknown {
  try {
    const value = parse(`x: ${scalarSource}\n`, { prettyErrors: false }) as { x?: unknown } | null;
    return value?.x;
  } catch {
    return undefined;
  }
}
