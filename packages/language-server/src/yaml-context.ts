/**
 * Where the cursor is in a YAML file that is being typed — and so is often not valid YAML at that moment
 * (`covers: ` with nothing after it, a key half written). The structure is read from indentation alone:
 * walking up from the cursor line, each line that starts further left is a parent. Only for completion;
 * everything else works on the parsed document.
 */
import type { LineIndex } from "@govreport/core";

/** A key, or `*` for an item of a list. */
export type ContextSegment = string;

export type CursorContext =
  /** Typing a key (or, in a list item, something that may be a key or a plain value) of the object at `path`. */
  | {
      readonly kind: "key";
      readonly path: ContextSegment[];
      readonly word: string;
      readonly wordStart: number;
      /** Keys the object already has. */
      readonly siblings: string[];
    }
  /** Typing the value of `path`: its last segment is the key, or `*` for a list item. */
  | { readonly kind: "value"; readonly path: ContextSegment[]; readonly value: string; readonly valueStart: number }
  /** Inside a multi-line text whose key is the last segment of `path`. */
  | { readonly kind: "text"; readonly path: ContextSegment[] };

interface LineTokens {
  /** Columns of the `- ` list markers at the start of the line. */
  readonly dashes: number[];
  readonly key: { readonly name: string; readonly column: number; readonly value: string } | undefined;
  /** Column after the indentation and list markers. */
  readonly contentColumn: number;
}

const KEY_PATTERN = /^("(?:[^"\\]|\\.)*"|'(?:[^']|'')*'|[^\s#"'{[\]}&*!|>%@`,?:-][^#]*?):(?:\s+(.*))?$/;

function unquote(key: string): string {
  if (key.startsWith('"') && key.endsWith('"')) {
    try {
      return JSON.parse(key) as string;
    } catch {
      return key.slice(1, -1);
    }
  }
  if (key.startsWith("'") && key.endsWith("'")) return key.slice(1, -1).replace(/''/g, "'");
  return key.trim();
}

function tokenize(line: string): LineTokens {
  const dashes: number[] = [];
  let pos = 0;
  while (pos < line.length && line[pos] === " ") pos++;
  while (line[pos] === "-" && (pos + 1 === line.length || line[pos + 1] === " ")) {
    dashes.push(pos);
    pos++;
    while (pos < line.length && line[pos] === " ") pos++;
  }
  const content = line.slice(pos).replace(/\s+#.*$/, "").trimEnd();
  const match = KEY_PATTERN.exec(content);
  const key = match ? { name: unquote(match[1] ?? ""), column: pos, value: (match[2] ?? "").trim() } : undefined;
  return { dashes, key, contentColumn: pos };
}

function isBlank(line: string): boolean {
  return /^\s*(#.*)?$/.test(line);
}

/**
 * The path of the object whose keys start at `column`, from the lines above `line`; or, when the column is
 * inside the text of a key above, that key's path as `text`. `afterDash`: the column is a list item's dash,
 * whose parent key may stand at the same column (`key:\n- item`).
 */
function containerPath(lines: LineIndex, line: number, column: number, afterDash: boolean, depth = 0): { path: ContextSegment[]; text?: ContextSegment[] } {
  const reversed: ContextSegment[] = [];
  let current = column;
  let dashContext = afterDash;
  for (let l = line - 1; l >= 0 && depth < 50; l--) {
    if (current === 0 && !dashContext) break;
    const text = lines.lineText(l);
    if (isBlank(text)) continue;
    const tokens = tokenize(text);
    const key = tokens.key;
    if (key && (key.column < current || (dashContext && key.column === current))) {
      if (key.value !== "" && !/^[[{&*!]/.test(key.value) && !dashContext && reversed.length === 0) {
        // Indented under a key that has a value on its own line: a block or multi-line text.
        const outer = containerOfLine(lines, l, tokens, depth + 1);
        return { path: [], text: [...outer, key.name] };
      }
      reversed.push(key.name);
      current = key.column;
      dashContext = false;
    }
    for (let i = tokens.dashes.length - 1; i >= 0; i--) {
      const dash = tokens.dashes[i] ?? 0;
      if (dash < current) {
        reversed.push("*");
        current = dash;
        dashContext = true;
      }
    }
  }
  return { path: reversed.reverse() };
}

/** The path of the object a line's key belongs to. */
function containerOfLine(lines: LineIndex, line: number, tokens: LineTokens, depth: number): ContextSegment[] {
  if (tokens.dashes.length === 0) {
    const container = containerPath(lines, line, tokens.contentColumn, false, depth);
    return container.text ?? container.path;
  }
  const container = containerPath(lines, line, tokens.dashes[0] ?? 0, true, depth);
  return [...(container.text ?? container.path), ...tokens.dashes.map(() => "*")];
}

/** Keys already written in the object whose keys start at `column`, above (unless it starts here) and below. */
function siblingKeys(lines: LineIndex, line: number, column: number, startsHere: boolean): string[] {
  const keys: string[] = [];
  if (!startsHere) {
    for (let l = line - 1; l >= 0; l--) {
      const text = lines.lineText(l);
      if (isBlank(text)) continue;
      const tokens = tokenize(text);
      const start = tokens.dashes[0] ?? tokens.contentColumn;
      if (tokens.key && tokens.key.column === column) {
        keys.push(tokens.key.name);
        if (tokens.dashes.length > 0) break;
        continue;
      }
      if (start < column) break;
    }
  }
  for (let l = line + 1; l < lines.lineCount; l++) {
    const text = lines.lineText(l);
    if (isBlank(text)) continue;
    const tokens = tokenize(text);
    const start = tokens.dashes[0] ?? tokens.contentColumn;
    if (start < column || tokens.dashes.length > 0) break;
    if (tokens.key && tokens.key.column === column) keys.push(tokens.key.name);
  }
  return keys;
}

export function cursorContext(lines: LineIndex, offset: number): CursorContext {
  const { line, character } = lines.positionAt(offset);
  const before = lines.lineText(line).slice(0, character);
  const tokens = tokenize(before);
  const lineStart = offset - character;

  if (tokens.dashes.length === 0) {
    const probe = containerPath(lines, line, tokens.contentColumn, false);
    if (probe.text) return { kind: "text", path: probe.text };
  }
  const container = containerOfLine(lines, line, tokens, 0);

  const colon = tokens.key ? before.indexOf(":", tokens.key.column) : -1;
  if (tokens.key && colon >= 0) {
    let valueStart = colon + 1;
    while (before[valueStart] === " ") valueStart++;
    return { kind: "value", path: [...container, tokens.key.name], value: before.slice(valueStart), valueStart: lineStart + valueStart };
  }

  const word = /[A-Za-z0-9_.\-]*$/.exec(before)?.[0] ?? "";
  const wordStart = character - word.length;
  if (before.slice(tokens.contentColumn, wordStart).trim() === "") {
    return {
      kind: "key",
      path: container,
      word,
      wordStart: lineStart + wordStart,
      siblings: siblingKeys(lines, line, tokens.contentColumn, tokens.dashes.length > 0),
    };
  }
  // A list item that is a plain value (`- review.total = re…`).
  return { kind: "value", path: container, value: before.slice(tokens.contentColumn), valueStart: lineStart + tokens.contentColumn };
}
