import { isAlias, isMap, isPair, isScalar, isSeq, parseDocument, type Document, type Node, type Pair, type YAMLMap } from "yaml";
import type { DataPath, Message, SourceRange } from "../diagnostic.js";
import { LineIndex } from "./line-index.js";
import { readYamlFast } from "./fast-yaml.js";
import { reparseAfterEdit, type InPlaceEdit } from "./incremental.js";
import { mapScalarOffsets, verbatimLead } from "./scalar-offsets.js";

export type SourceLanguage = "yaml" | "json";

/** A problem found while reading the text, before any rule runs. */
export interface ParseProblem {
  readonly code: "syntax-error" | "input-too-large";
  readonly message: Message;
  readonly range: SourceRange;
}

/** Above this size a report is not a report; refusing early keeps editors and CI responsive. */
export const MAX_SOURCE_LENGTH = 4 * 1024 * 1024;
/** Aliases are legitimate YAML, but an alias bomb must not expand into gigabytes. */
const MAX_ALIAS_COUNT = 200;
/** Maps up to this many keys are searched rather than indexed. */
const SMALL_MAP = 8;

/** Where a data path leads in the tree: as deep as it exists (`depth` segments), the node there and its pair. */
interface Walked {
  readonly node: Node | undefined;
  readonly pair: Pair | undefined;
  readonly depth: number;
}

/**
 * A report-data file as text plus its YAML/JSON tree: every value is reachable by its data path, and every
 * data path (and every character inside a string value) maps back to an exact source range.
 */
export class SourceDocument {
  private lines: LineIndex | undefined;
  readonly problems: ParseProblem[] = [];
  /** The plain JS value, or undefined when the text could not be read as data at all. */
  readonly value: unknown;
  private readonly document: Document.Parsed | undefined;
  /** Per string scalar: its offset map, or the lead of a value spelled verbatim (see `verbatimLead`). */
  private readonly scalarOffsetCache: Map<Node, Int32Array | number> = new Map();
  private readonly pairIndex: Map<YAMLMap, Map<string, Pair>> = new Map();
  private readonly aliasTargets: Map<Node, Node | undefined> = new Map();

  /** Set when a later version took this document's tree over (see `previous` below); it must not be used then. */
  private superseded = false;
  private lastWalk: { readonly path: DataPath; readonly walked: Walked } | undefined;

  /**
   * `previous`, the document of the version before an edit, lets a small edit inside one string value be applied to
   * its tree instead of parsing again (see incremental.ts); the previous document is used up by that.
   */
  constructor(
    readonly text: string,
    readonly language: SourceLanguage,
    previous?: SourceDocument,
  ) {
    if (text.length > MAX_SOURCE_LENGTH) {
      this.problems.push({
        code: "input-too-large",
        message: {
          zh: `文件过大（${Math.round(text.length / 1024)} KB），超过 ${MAX_SOURCE_LENGTH / 1024 / 1024} MB 上限，未作检查`,
          en: `File too large (${Math.round(text.length / 1024)} KB); the limit is ${MAX_SOURCE_LENGTH / 1024 / 1024} MB, so it was not checked`,
        },
        range: { start: 0, end: 0 },
      });
      this.value = undefined;
      return;
    }
    const reused = previous ? previous.takeOverFor(text, language) : undefined;
    if (reused && previous) {
      // Only one string value changed: keys, maps and every other string's own text are as they were.
      this.reusedTree = true;
      this.document = previous.document;
      this.pairIndex = previous.pairIndex;
      this.aliasTargets = previous.aliasTargets;
      this.scalarOffsetCache = previous.scalarOffsetCache;
      this.scalarOffsetCache.delete(reused.node);
      this.value = withStringAt(previous.value, reused.path, reused.value);
      return;
    }
    const fast = language !== "yaml" ? undefined : readYamlFast(text);
    // yaml would print its warnings (a collection used as a key, say) to stderr itself, in English; the drafter
    // hears of such text through findings instead.
    const document = fast?.document ?? parseDocument(text, { prettyErrors: false, uniqueKeys: false, logLevel: "error" });
    this.document = document;
    for (const error of document.errors) {
      this.problems.push({ code: "syntax-error", message: describeYamlError(error.code, error.message, language), range: widen(text, error.code, error.message, toRange(error.pos, text.length)) });
    }
    // yaml's own duplicate-key check compares every key with every other (quadratic in a map's size, seconds for a
    // report with thousands of figures), so duplicates are found here in one pass instead. The fast reader declines
    // any text with a duplicate key, so what it read has none.
    if (!fast) this.reportDuplicateKeys(document.contents as Node | null);
    if (this.problems.length > 0) {
      this.value = undefined;
      return;
    }
    if (fast) {
      this.value = fast.value;
      return;
    }
    let value: unknown;
    try {
      value = document.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    } catch (error) {
      this.problems.push({
        code: "syntax-error",
        message: {
          zh: "别名（*引用）展开过多，疑似“别名炸弹”，未作检查",
          en: `Too many alias expansions (possible alias bomb); not checked: ${error instanceof Error ? error.message : String(error)}`,
        },
        range: { start: 0, end: Math.min(text.length, 1) },
      });
      value = undefined;
    }
    this.value = value;
  }

  /** Whether the tree came from the previous version by an in-place edit rather than a fresh parse. */
  readonly reusedTree: boolean = false;

  private takeOverFor(text: string, language: SourceLanguage): InPlaceEdit | undefined {
    if (this.superseded || language !== this.language || !this.document || this.problems.length > 0) return undefined;
    const edit = reparseAfterEdit(this.document, this.text, text);
    if (edit) this.superseded = true;
    return edit;
  }

  /** The YAML node at a data path, following aliases; undefined when the path does not exist in the text. */
  nodeAt(path: DataPath): Node | undefined {
    const found = this.walk(path);
    return found.depth === path.length ? found.node : undefined;
  }

  /** The pair whose value is at this path, when the last segment is a map key. */
  pairAt(path: DataPath): Pair | undefined {
    return this.walk(path).pair;
  }

  /**
   * The source range of the value at a path. When the path does not exist (a missing key), the range of the
   * nearest existing ancestor's key is used, so "missing field" findings land on the object that lacks it.
   */
  rangeOf(path: DataPath): SourceRange {
    const found = this.walk(path);
    // An empty value (`figures:` alone) has an empty range; its key is where a drafter can see it.
    if (found.node?.range && found.depth === path.length && found.node.range[1] > found.node.range[0]) return { start: found.node.range[0], end: found.node.range[1] };
    const anchor = found.pair && isScalar(found.pair.key) ? found.pair.key : found.node;
    if (anchor?.range) return { start: anchor.range[0], end: anchor.range[1] };
    return { start: 0, end: 0 };
  }

  /** The range of a map key (e.g. a figure id), falling back to the value's range. */
  keyRangeOf(path: DataPath): SourceRange {
    const found = this.walk(path);
    if (found.depth === path.length && found.pair && isScalar(found.pair.key) && found.pair.key.range) {
      return { start: found.pair.key.range[0], end: found.pair.key.range[1] };
    }
    return this.rangeOf(path);
  }

  /** Lines of the text, made when first asked for: the engine itself works in offsets, only the edges need lines. */
  get lineIndex(): LineIndex {
    return (this.lines ??= new LineIndex(this.text));
  }

  /** The source range of characters [start, end) of the string value at a path. */
  rangeInString(path: DataPath, start: number, end: number): SourceRange {
    const node = this.nodeAt(path);
    if (!node || !isScalar(node) || typeof node.value !== "string") return this.rangeOf(path);
    const offsets = this.offsetsOf(node, node.value);
    const length = node.value.length;
    const offsetAt = (index: number): number | undefined => (typeof offsets === "number" ? (index >= 0 && index <= length ? offsets + index : undefined) : offsets[index]);
    const base = node.range?.[0] ?? 0;
    const a = base + (offsetAt(Math.max(0, Math.min(start, length))) ?? 0);
    const lastIndex = Math.max(start, end - 1);
    const b = end > start ? base + (offsetAt(Math.min(lastIndex, length - 1)) ?? a - base) + 1 : a;
    return { start: a, end: Math.max(a, b) };
  }

  /** The text a range covers. */
  textOf(range: SourceRange): string {
    return this.text.slice(range.start, range.end);
  }

  /** The string value's scalar style, e.g. PLAIN or BLOCK_FOLDED, when the path holds a string scalar. */
  scalarStyleAt(path: DataPath): string | undefined {
    const node = this.nodeAt(path);
    return node && isScalar(node) ? node.type : undefined;
  }

  private offsetsOf(node: Node, value: string): Int32Array | number {
    let offsets = this.scalarOffsetCache.get(node);
    if (offsets === undefined) {
      offsets = verbatimLead(this.text, node as never, value);
      if (offsets === undefined) {
        const mapped = mapScalarOffsets(this.text, node as never, value);
        // Kept relative to the scalar's start, so they stay right when an edit before the scalar moves it.
        const base = node.range?.[0] ?? 0;
        for (let i = 0; i < mapped.length; i++) mapped[i] = (mapped[i] as number) - base;
        offsets = mapped;
      }
      this.scalarOffsetCache.set(node, offsets);
    }
    return offsets;
  }

  private walk(path: DataPath): Walked {
    // A finding's range, its fix and the check whether that fix is safe each look up the same path in turn.
    const last = this.lastWalk;
    if (last !== undefined && sameSegments(last.path, path)) return last.walked;
    const walked = this.walkFromRoot(path);
    // A copy: a caller may reuse its path array for another value.
    this.lastWalk = { path: [...path], walked };
    return walked;
  }

  private walkFromRoot(path: DataPath): Walked {
    let node: Node | undefined = (this.document?.contents ?? undefined) as Node | undefined;
    let pair: Pair | undefined;
    let depth = 0;
    for (const segment of path) {
      const resolved = this.resolveAlias(node);
      let nextNode: Node | undefined;
      let nextPair: Pair | undefined;
      if (isMap(resolved)) {
        nextPair = this.pairIn(resolved, String(segment));
        nextNode = (nextPair?.value ?? undefined) as Node | undefined;
        if (!nextPair) break;
      } else if (isSeq(resolved) && typeof segment === "number") {
        nextNode = resolved.items[segment] as Node | undefined;
        if (!nextNode) break;
        nextPair = undefined;
      } else {
        break;
      }
      node = nextNode;
      pair = nextPair;
      depth++;
      if (!nextNode) break;
    }
    return { node: this.resolveAlias(node), pair, depth };
  }

  private reportDuplicateKeys(root: Node | null): void {
    const stack: Node[] = root ? [root] : [];
    while (stack.length > 0) {
      const node = stack.pop()!;
      if (isMap(node)) {
        const seen = new Set<string>();
        for (const item of node.items) {
          if (!isPair(item)) continue;
          const key = item.key as Node | null;
          if (isScalar(key)) {
            const name = String(key.value);
            if (seen.has(name) && key.range) {
              this.problems.push({
                code: "syntax-error",
                message: describeYamlError("DUPLICATE_KEY", `Map keys must be unique: "${name}"`, this.language),
                range: { start: key.range[0], end: key.range[1] },
              });
            }
            seen.add(name);
          }
          if (item.value) stack.push(item.value as Node);
        }
      } else if (isSeq(node)) {
        for (const item of node.items) if (item) stack.push(item as Node);
      }
    }
  }

  /** The pair of a map's key: the first of that name, as yaml's own lookup finds. */
  private pairIn(map: YAMLMap, key: string): Pair | undefined {
    // A few keys are compared directly; a larger map is indexed once, so that findings on a report with thousands
    // of figures stay linear.
    if (map.items.length <= SMALL_MAP) {
      for (const item of map.items) if (isPair(item) && isScalar(item.key) && String(item.key.value) === key) return item;
      return undefined;
    }
    return this.pairsOf(map).get(key);
  }

  /** Key → pair of a map, built once per map. */
  private pairsOf(map: YAMLMap): Map<string, Pair> {
    let pairs = this.pairIndex.get(map);
    if (!pairs) {
      pairs = new Map();
      for (const item of map.items) {
        if (isPair(item) && isScalar(item.key)) {
          const key = String(item.key.value);
          if (!pairs.has(key)) pairs.set(key, item);
        }
      }
      this.pairIndex.set(map, pairs);
    }
    return pairs;
  }

  private resolveAlias(node: Node | undefined): Node | undefined {
    if (!node || !isAlias(node) || !this.document) return node;
    // Resolving an alias searches the whole document, so each alias is resolved once.
    if (!this.aliasTargets.has(node)) this.aliasTargets.set(node, (node.resolve(this.document) ?? node) as Node);
    return this.aliasTargets.get(node);
  }
}

function sameSegments(a: DataPath, b: DataPath): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** `value` with the string at `path` replaced, copying only the objects on the path. */
function withStringAt(value: unknown, path: readonly (string | number)[], text: string, depth = 0): unknown {
  if (depth === path.length) return text;
  const segment = path[depth] as string | number;
  if (Array.isArray(value)) {
    const copy = value.slice();
    copy[segment as number] = withStringAt(value[segment as number], path, text, depth + 1);
    return copy;
  }
  const record = value as Record<string, unknown>;
  return { ...record, [segment]: withStringAt(record[segment], path, text, depth + 1) };
}

function toRange(pos: [number, number] | undefined, length: number): SourceRange {
  const start = Math.min(pos?.[0] ?? 0, length);
  const end = Math.min(Math.max(pos?.[1] ?? start, start), length);
  return { start, end };
}

/** An empty range is invisible in an editor: widen it to one character, and a duplicate key to the whole key. */
function widen(text: string, code: string, message: string, range: SourceRange): SourceRange {
  let { start, end } = range;
  const quote = /Missing closing (["'])quote/.exec(message)?.[1];
  if (quote) {
    const opening = text.lastIndexOf(quote, Math.max(0, start - 1));
    if (opening >= 0) return { start: opening, end: opening + 1 };
  }
  if (code === "DUPLICATE_KEY") {
    while (end < text.length && !/[:\s]/.test(text[end] ?? ":")) end++;
  }
  if (start === end) {
    if (end < text.length && text[end] !== "\n") end++;
    else {
      while (start > 0 && /\s/.test(text[start - 1] ?? "")) start--;
      if (start > 0) start--;
      end = start + 1;
    }
  }
  return { start, end };
}

const YAML_ERROR_MESSAGES: Record<string, string> = {
  DUPLICATE_KEY: "同一层级出现重复的键，后一个会覆盖前一个",
  BAD_INDENT: "缩进不正确",
  MISSING_CHAR: "缺少必要的符号（如引号、括号或冒号）",
  MULTILINE_IMPLICIT_KEY: "键不能跨行；是否漏了冒号后的空格或缩进有误？",
  BLOCK_AS_IMPLICIT_KEY: "块结构不能用作键",
  TAB_AS_INDENT: "不能用制表符（Tab）缩进，请改用空格",
  UNEXPECTED_TOKEN: "出现了意外的符号",
  BAD_SCALAR_START: "值的开头字符不合法，含特殊字符的值请加引号",
  MULTIPLE_DOCS: "一个文件只能包含一份报告数据",
  BAD_ALIAS: "别名引用无效",
  BAD_DIRECTIVE: "指令无效",
  BLOCK_IN_FLOW: "流式结构中不能出现块结构",
  DUPLICATE_ALIAS: "锚点名称重复",
  KEY_OVER_1024_CHARS: "键过长（超过 1024 个字符）",
  IMPOSSIBLE: "无法解析的结构",
  MISSING_TARGET: "缺少目标",
  TAG_RESOLVE_FAILED: "无法识别的标签",
};

function describeYamlError(code: string, englishMessage: string, language: SourceLanguage): Message {
  const kind = language === "json" ? "JSON" : "YAML";
  const unclosedFlow = /^Flow (sequence|mapping)/.exec(englishMessage)?.[1];
  const detail = unclosedFlow
    ? `${unclosedFlow === "sequence" ? "方括号列表 [ ]" : "花括号对象 { }"}没有闭合，或续行缩进不足`
    : (YAML_ERROR_MESSAGES[code] ?? "语法错误");
  return { zh: `${kind} 语法错误：${detail}`, en: `${kind} syntax error: ${englishMessage.split("\n")[0] ?? englishMessage}` };
}
