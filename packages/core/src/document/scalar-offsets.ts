import type { Scalar } from "yaml";

/**
 * Maps each UTF-16 index of a string scalar's decoded value to its offset in the source, so a finding about a
 * number inside a folded block scalar or an escaped quoted string points at that number.
 *
 * It aligns the decoded value with the source greedily: indentation, quotes, folded line breaks and escapes are
 * the only things that differ between them, and every one of them can be skipped or matched locally. When the
 * alignment cannot finish (a construct this does not model), every index maps to the scalar's start, which is
 * imprecise but never wrong about which value is meant.
 */
export function mapScalarOffsets(source: string, node: Scalar, valueText: string): Int32Array {
  const [start, valueEnd] = node.range ?? [0, 0];
  const offsets = new Int32Array(valueText.length + 1);
  const type = node.type;
  let p = start;
  if (type === "BLOCK_FOLDED" || type === "BLOCK_LITERAL") {
    const headerEnd = source.indexOf("\n", start);
    p = headerEnd < 0 ? valueEnd : headerEnd + 1;
  } else if (type === "QUOTE_DOUBLE" || type === "QUOTE_SINGLE") {
    p = start + 1;
  }
  const end = valueEnd;
  for (let i = 0; i < valueText.length; i++) {
    const c = valueText[i] as string;
    let matched = false;
    while (p < end) {
      const s = source[p] as string;
      if (type === "QUOTE_DOUBLE" && s === "\\") {
        const escape = decodeEscape(source, p);
        if (escape.decoded.length === 0) {
          p += escape.length;
          continue;
        }
        if (escape.decoded[0] === c) {
          offsets[i] = p;
          if (escape.decoded.length === 2 && valueText[i + 1] === escape.decoded[1]) offsets[++i] = p;
          p += escape.length;
          matched = true;
          break;
        }
        p += escape.length;
        continue;
      }
      if (type === "QUOTE_SINGLE" && s === "'" && source[p + 1] === "'" && c === "'") {
        offsets[i] = p;
        p += 2;
        matched = true;
        break;
      }
      if (s === c || ((c === " " || c === "\n") && (s === "\n" || s === "\r"))) {
        offsets[i] = p;
        p += s === "\r" && source[p + 1] === "\n" ? 2 : 1;
        matched = true;
        break;
      }
      p++;
    }
    if (!matched) return offsets.fill(start);
  }
  offsets[valueText.length] = valueText.length > 0 ? (offsets[valueText.length - 1] ?? start) + 1 : p;
  return offsets;
}

const SIMPLE_ESCAPES: Record<string, string> = {
  "0": "\0", a: "\x07", b: "\b", t: "\t", "\t": "\t", n: "\n", v: "\v", f: "\f", r: "\r", e: "\x1b",
  " ": " ", '"': '"', "/": "/", "\\": "\\", N: "\u0085", _: "\u00a0", L: "\u2028", P: "\u2029",
};

function decodeEscape(source: string, at: number): { decoded: string; length: number } {
  const next = source[at + 1] ?? "";
  if (next === "\n" || next === "\r") {
    let q = at + 2;
    if (next === "\r" && source[q] === "\n") q++;
    while (source[q] === " " || source[q] === "\t") q++;
    return { decoded: "", length: q - at };
  }
  const hexLength = next === "x" ? 2 : next === "u" ? 4 : next === "U" ? 8 : 0;
  if (hexLength > 0) {
    const code = Number.parseInt(source.slice(at + 2, at + 2 + hexLength), 16);
    const decoded = Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : "";
    return { decoded, length: 2 + hexLength };
  }
  return { decoded: SIMPLE_ESCAPES[next] ?? next, length: 2 };
}

/**
 * How many characters after a scalar's start its value is spelled out character for character — 0 for a plain
 * scalar, 1 after a quote, past the header and the indentation for a block scalar on one line — or undefined when it
 * is not. Most values in a report are spelled so, and need no map:
 * `mapScalarOffsets` would map each index i to that lead plus i.
 */
export function verbatimLead(source: string, node: Scalar, valueText: string): number | undefined {
  const start = node.range?.[0] ?? 0;
  switch (node.type) {
    case "PLAIN":
      return source.startsWith(valueText, start) ? 0 : undefined;
    // An escape or a doubled quote stands for one character of the value but spans two or more of the source.
    case "QUOTE_DOUBLE":
      return !valueText.includes("\\") && source.startsWith(valueText, start + 1) ? 1 : undefined;
    case "QUOTE_SINGLE":
      return !valueText.includes("'") && source.startsWith(valueText, start + 1) ? 1 : undefined;
    // A paragraph on one line under `>-`: the value starts at the line's first character after the indentation.
    case "BLOCK_FOLDED":
    case "BLOCK_LITERAL": {
      const first = valueText.charCodeAt(0);
      if (valueText.length === 0 || first === 0x20 || first === 0x09 || first === 0x0a || first === 0x0d) return undefined;
      const headerEnd = source.indexOf("\n", start);
      if (headerEnd < 0) return undefined;
      let contentStart = headerEnd + 1;
      while (source.charCodeAt(contentStart) === 0x20) contentStart++;
      return source.startsWith(valueText, contentStart) ? contentStart - start : undefined;
    }
    default:
      return undefined;
  }
}
