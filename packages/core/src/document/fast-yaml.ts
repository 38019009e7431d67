import { Document, Pair, Scalar, YAMLMap, YAMLSeq, type Node } from "yaml";

/**
 * A fast reader for the plain YAML that report-data files are written in: block mappings and sequences, plain,
 * quoted and block scalars on their own lines, and one-line flow collections of scalars. It builds the same node
 * tree, with the same ranges, that `yaml`'s `parseDocument` builds, in a fraction of the time, because reading is
 * most of what a check costs and a CI run checks thousands of reports. Comments and blank lines are skipped, not
 * attached to nodes (`comment`, `spaceBefore`): nothing reads them, and the tree is never written back.
 *
 * It reads only what it can read exactly. Anything else — anchors, aliases, tags, multi-line plain or quoted
 * scalars, escapes, nested flow collections, comments in unusual places, tabs, a lone CR as a line end, duplicate
 * keys, nesting deeper than reports go, anything malformed —
 * makes it decline (return undefined) and the caller parses with `yaml`, which also produces the error messages.
 * A differential test holds it to `parseDocument` on every file in the repository and on random edits of them.
 */
export interface FastRead {
  readonly document: Document.Parsed;
  /** The plain JS value of the document, as `document.toJS()` gives it. */
  readonly value: unknown;
}

export function readYamlFast(text: string): FastRead | undefined {
  // A byte-order mark and tabs change how lines and indentation are read; leave those files to the full parser.
  // Line ends may be LF or CRLF (drafters on Windows write CRLF); a lone CR is a line end of its own and declines.
  if (text.charCodeAt(0) === 0xfeff || text.indexOf("\t") >= 0 || /\r(?!\n)/.test(text)) return undefined;
  try {
    return new Reader(text).readDocument();
  } catch (error) {
    if (error === DECLINE) return undefined;
    throw error;
  }
}

const DECLINE = Symbol("decline");
function decline(): never {
  throw DECLINE;
}

// Plain scalars resolve to null, booleans and numbers by the core schema's own tests, taken from `yaml` itself so
// the two readers cannot disagree on what `1e3`, `0o17` or `~` mean.
interface ScalarTag {
  readonly default?: boolean | "key";
  readonly test?: RegExp;
  readonly format?: string;
  resolve(value: string, onError: (message: string) => void, options: object): unknown;
}
/**
 * yaml's node constructors mark each node with its type through Object.defineProperty, which costs several times
 * more than everything else about making the node. These make the same objects — instances of the same classes,
 * with the same fields — but carry the mark (and a collection's unset `schema`) on a prototype shared by all nodes
 * of a kind, where yaml's `isScalar`, `isMap`, … find it just the same.
 */
const NODE_TYPE = Symbol.for("yaml.node.type");

/** A prototype for nodes like `sample` carrying its hidden own properties, or undefined if they are not as expected. */
function prototypeOf<T extends object>(sample: T, hidden: readonly PropertyKey[]): T | undefined {
  const descriptors: PropertyDescriptorMap = {};
  for (const key of Reflect.ownKeys(sample)) {
    const descriptor = Object.getOwnPropertyDescriptor(sample, key)!;
    if (descriptor.enumerable) continue;
    // A hidden property this does not know of: a newer yaml; its own constructors are used then.
    if (!hidden.includes(key)) return undefined;
    descriptors[key] = descriptor;
  }
  return hidden.every((key) => key in descriptors) ? (Object.create(Object.getPrototypeOf(sample) as object, descriptors) as T) : undefined;
}

const SCALAR_PROTOTYPE = prototypeOf(new Scalar(null), [NODE_TYPE]);
const PAIR_PROTOTYPE = prototypeOf(new Pair(null), [NODE_TYPE]);
const MAP_PROTOTYPE = prototypeOf(new YAMLMap(), [NODE_TYPE, "schema"]);
const SEQ_PROTOTYPE = prototypeOf(new YAMLSeq(), [NODE_TYPE, "schema"]);

function newScalar(value: unknown): Scalar {
  if (!SCALAR_PROTOTYPE) return new Scalar(value);
  const node = Object.create(SCALAR_PROTOTYPE) as Scalar;
  node.value = value;
  return node;
}

function newPair(key: unknown, value: unknown): Pair {
  if (!PAIR_PROTOTYPE) return new Pair(key, value);
  const pair = Object.create(PAIR_PROTOTYPE) as Pair;
  pair.key = key;
  pair.value = value;
  return pair;
}

function newMap(): YAMLMap {
  if (!MAP_PROTOTYPE) return new YAMLMap();
  const map = Object.create(MAP_PROTOTYPE) as YAMLMap;
  map.items = [];
  return map;
}

function newSeq(): YAMLSeq {
  if (!SEQ_PROTOTYPE) return new YAMLSeq();
  const seq = Object.create(SEQ_PROTOTYPE) as YAMLSeq;
  seq.items = [];
  return seq;
}

const coreDocument = new Document();
const coreTags = (coreDocument.schema.tags as unknown as ScalarTag[]).filter((tag) => tag.default === true && tag.test !== undefined);
const coreOptions = coreDocument.options;

function lastLeaf(node: Node): Node {
  let current: Node = node;
  while ((current instanceof YAMLMap || current instanceof YAMLSeq) && current.items.length > 0) {
    const last: unknown = current.items[current.items.length - 1];
    current = (last instanceof Pair ? last.value : last) as Node;
  }
  return current;
}

const SPACE = 0x20;
const NEWLINE = 0x0a;
const CR = 0x0d;
const HASH = 0x23;
const COLON = 0x3a;
const DASH = 0x2d;
const COMMA = 0x2c;

type Range = [number, number, number];

/**
 * Collections nested deeper than this are left to `yaml`. Reports nest a handful of levels; the reader calls itself
 * once per level, and each level looks again at the blank lines after its last item, so far deeper text would run
 * out of stack or take time growing with depth times lines. `yaml` reports such text as an error.
 */
const MAX_NESTING = 64;

class Reader {
  private readonly length: number;
  /** Block collections open around the current position. */
  private nesting = 0;

  constructor(private readonly text: string) {
    this.length = text.length;
  }

  readDocument(): FastRead {
    const start = this.skipBlankAndCommentLines(0);
    if (start >= this.length) decline();
    if (this.indentAt(start) !== 0) decline();
    const root = this.readBlockMap(start, 0);
    // Only blank and comment lines may follow the top-level mapping.
    if (this.skipBlankAndCommentLines(root.end) < this.length) decline();
    const document = new Document() as unknown as Document.Parsed;
    document.contents = root.node as never;
    // A document that ends in an empty value ends there for `yaml`, before any trailing line breaks.
    const last = lastLeaf(root.node);
    const documentEnd = last instanceof Scalar && last.value === null && last.range && last.range[0] === last.range[2] ? last.range[2] : this.length;
    (document as { range: Range }).range = [start, root.node.range![1], documentEnd];
    return { document, value: root.value };
  }

  /** From a line start, skips blank lines and lines that hold only a comment; returns the next line's start. */
  private skipBlankAndCommentLines(position: number): number {
    let p = position;
    while (p < this.length) {
      let q = p;
      while (this.text.charCodeAt(q) === SPACE) q++;
      const c = this.text.charCodeAt(q);
      if (q >= this.length) return this.length;
      if (!this.isBreakAt(q) && c !== HASH) return p;
      p = this.nextLineStart(q);
    }
    return p;
  }

  private nextLineStart(position: number): number {
    const newline = this.text.indexOf("\n", position);
    return newline < 0 ? this.length : newline + 1;
  }

  /** Where the line holding `position` ends, before its LF or CRLF. */
  private lineEnd(position: number): number {
    const newline = this.text.indexOf("\n", position);
    if (newline < 0) return this.length;
    return this.text.charCodeAt(newline - 1) === CR && newline - 1 >= position ? newline - 1 : newline;
  }

  private isBreakAt(position: number): boolean {
    const c = this.text.charCodeAt(position);
    return c === NEWLINE || (c === CR && this.text.charCodeAt(position + 1) === NEWLINE);
  }

  private indentAt(lineStart: number): number {
    let p = lineStart;
    while (this.text.charCodeAt(p) === SPACE) p++;
    return p - lineStart;
  }

  /**
   * A block mapping whose first key starts at `start` (possibly mid-line, after `- `), with every key at column
   * `indent`. Returns the node, its JS value and the position after it (a line start).
   */
  private readBlockMap(start: number, indent: number): { node: YAMLMap; value: Record<string, unknown>; end: number } {
    if (++this.nesting > MAX_NESTING) decline();
    const map = newMap();
    const value: Record<string, unknown> = {};
    let keyStart = start;
    let end = start;
    for (;;) {
      const key = this.readKey(keyStart);
      const item = this.readMapValue(key.colon + 1, indent);
      map.items.push(newPair(key.node, item.node));
      // A duplicate key is reported by SourceDocument, which looks for duplicates only in what `yaml` read.
      if (Object.prototype.hasOwnProperty.call(value, key.name)) decline();
      value[key.name] = item.value;
      end = item.end;
      const next = this.skipBlankAndCommentLines(item.end);
      const nextIndent = next >= this.length ? -1 : this.indentAt(next);
      const first = this.text.charCodeAt(next + nextIndent);
      // A sequence at the mapping's own indentation can only be the value of a key, which was handled already.
      const ends = nextIndent < indent || (first === DASH && this.isSequenceDash(next + nextIndent));
      if (ends) {
        if (indent === 0 && nextIndent === 0) decline();
        if (indent > 0) this.declineOnTrailingComment(item.end, next, indent);
        break;
      }
      if (nextIndent > indent) decline();
      // Document markers are not keys; `readKey` would decline them too, but say so where it matters.
      if (this.text.startsWith("---", next) || this.text.startsWith("...", next)) decline();
      keyStart = next + nextIndent;
    }
    map.range = [start, this.rangeEnd(map.items), this.rangeEnd(map.items)];
    this.nesting--;
    return { node: map, value, end };
  }

  /**
   * `yaml` counts comment lines after a collection's last item into the collection's range when they are indented at
   * least as deep as the collection; not modelled.
   */
  private declineOnTrailingComment(from: number, to: number, indent: number): void {
    for (let p = from; p < to; p = this.nextLineStart(p)) {
      const lineIndent = this.indentAt(p);
      if (lineIndent >= indent && this.text.charCodeAt(p + lineIndent) === HASH) decline();
    }
  }

  /** The end of a collection's range: where its last item's value ends. */
  private rangeEnd(items: readonly unknown[]): number {
    const last = items[items.length - 1];
    const node = (last instanceof Pair ? last.value : last) as Node | null;
    const range = node?.range;
    if (!range) decline();
    return range[2];
  }

  /** A plain key with a plain string value, followed by `:` and a space or line end. */
  private readKey(start: number): { node: Scalar; name: string; colon: number } {
    let p = start;
    for (;;) {
      const c = this.text.charCodeAt(p);
      // Keys are identifiers: letters, digits and `_ . -`, nothing that could need quoting or resolve to a non-string.
      if ((c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39) || c === 0x5f || c === 0x2e || (c === DASH && p > start)) {
        p++;
        continue;
      }
      break;
    }
    if (p === start || this.text.charCodeAt(p) !== COLON) decline();
    const after = this.text.charCodeAt(p + 1);
    if (!(after === SPACE || this.isBreakAt(p + 1) || p + 1 >= this.length)) decline();
    const name = this.text.slice(start, p);
    if (name === "__proto__") decline();
    const node = this.plainScalar(name, [start, p, p]);
    if (typeof node.value !== "string") decline();
    return { node, name, colon: p };
  }

  /** The value after a block mapping's `key:`; `position` is just after the colon. */
  private readMapValue(position: number, indent: number): { node: Node; value: unknown; end: number } {
    let p = position;
    while (this.text.charCodeAt(p) === SPACE) p++;
    const c = this.text.charCodeAt(p);
    // An empty value sits where its line's spaces end, as `yaml` places it.
    if (p >= this.length || this.isBreakAt(p)) return this.readNestedBlock(p, this.nextLineStart(p), indent, true);
    if (c === HASH) decline();
    return this.readInlineValue(p, indent);
  }

  /**
   * The value of a key or `-` with nothing after it on its line: a block collection on the following lines, or null.
   * A mapping's value may be a sequence at the mapping's own indentation (`key:` then `- item`).
   */
  private readNestedBlock(emptyAt: number, lineStart: number, indent: number, sequenceMayShareIndent: boolean): { node: Node; value: unknown; end: number } {
    const next = this.skipBlankAndCommentLines(lineStart);
    if (next < this.length) {
      const nextIndent = this.indentAt(next);
      const first = next + nextIndent;
      const isDash = this.text.charCodeAt(first) === DASH && this.isSequenceDash(first);
      if (nextIndent > indent || (sequenceMayShareIndent && nextIndent === indent && isDash)) {
        if (isDash) return this.readBlockSeq(first, nextIndent);
        return this.readBlockMap(first, nextIndent);
      }
    }
    // A comment line after an empty value becomes part of it for `yaml`; not modelled.
    if (next !== lineStart) this.declineOnTrailingComment(lineStart, next, 0);
    const empty = this.plainScalar(null, [emptyAt, emptyAt, emptyAt]);
    return { node: empty, value: null, end: lineStart };
  }

  private isSequenceDash(position: number): boolean {
    const after = this.text.charCodeAt(position + 1);
    return after === SPACE || this.isBreakAt(position + 1) || position + 1 >= this.length;
  }

  /** A block sequence whose first `-` is at `start`, at column `indent`. */
  private readBlockSeq(start: number, indent: number): { node: YAMLSeq; value: unknown[]; end: number } {
    if (++this.nesting > MAX_NESTING) decline();
    const seq = newSeq();
    const value: unknown[] = [];
    let dash = start;
    let end = start;
    for (;;) {
      const item = this.readSequenceItem(dash, indent);
      seq.items.push(item.node);
      value.push(item.value);
      end = item.end;
      const next = this.skipBlankAndCommentLines(item.end);
      const nextIndent = next >= this.length ? -1 : this.indentAt(next);
      const first = next + nextIndent;
      if (nextIndent < indent || !(this.text.charCodeAt(first) === DASH && this.isSequenceDash(first))) {
        this.declineOnTrailingComment(item.end, next, indent);
        break;
      }
      if (nextIndent > indent) decline();
      dash = first;
    }
    seq.range = [start, this.rangeEnd(seq.items), this.rangeEnd(seq.items)];
    this.nesting--;
    return { node: seq, value, end };
  }

  private readSequenceItem(dash: number, indent: number): { node: Node; value: unknown; end: number } {
    let p = dash + 1;
    while (this.text.charCodeAt(p) === SPACE) p++;
    const c = this.text.charCodeAt(p);
    if (p >= this.length || this.isBreakAt(p)) return this.readNestedBlock(p, this.nextLineStart(p), indent, false);
    if (c === HASH || (c === DASH && this.isSequenceDash(p))) decline();
    if (this.looksLikeKey(p)) return this.readBlockMap(p, p - this.lineStartOf(p));
    return this.readInlineValue(p, indent);
  }

  private lineStartOf(position: number): number {
    return this.text.lastIndexOf("\n", position - 1) + 1;
  }

  /** Whether a plain key and `: ` (or `:` at the line end) start here. */
  private looksLikeKey(position: number): boolean {
    let p = position;
    for (;;) {
      const c = this.text.charCodeAt(p);
      if ((c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39) || c === 0x5f || c === 0x2e || (c === DASH && p > position)) {
        p++;
        continue;
      }
      if (c !== COLON || p === position) return false;
      const after = this.text.charCodeAt(p + 1);
      return after === SPACE || this.isBreakAt(p + 1) || p + 1 >= this.length;
    }
  }

  /**
   * A value that starts on the current line: a block scalar, a quoted or plain scalar, or a flow collection.
   * `indent` is the column of the collection it belongs to; continuation lines must be deeper than it.
   */
  private readInlineValue(start: number, indent: number): { node: Node; value: unknown; end: number } {
    const c = this.text.charCodeAt(start);
    switch (c) {
      case 0x3e: // >
      case 0x7c: // |
        return this.readBlockScalar(start, indent);
      case 0x22: // "
      case 0x27: // '
        return this.readQuoted(start, indent);
      case 0x7b: // {
      case 0x5b: // [
        return this.readFlowCollection(start, indent);
      default:
        return this.readPlain(start, indent);
    }
  }

  /** Where a value's range ends: after trailing spaces, a comment and the line break. Declines on anything else. */
  private afterValue(position: number): number {
    let p = position;
    while (this.text.charCodeAt(p) === SPACE) p++;
    if (p >= this.length) return this.length;
    const c = this.text.charCodeAt(p);
    if (this.isBreakAt(p)) return this.nextLineStart(p);
    // A comment needs a space before it; `"a"#b` is malformed.
    if (c === HASH && p > position) return this.nextLineStart(p);
    decline();
  }

  /** Lines after a one-line value must not continue it: the next content line may not be deeper than `indent`. */
  private assertNoContinuation(lineStart: number, indent: number): void {
    const next = this.skipBlankAndCommentLines(lineStart);
    if (next !== lineStart) {
      // Blank or comment lines follow; a deeper comment line is still fine for `yaml`, but keep it simple.
      for (let p = lineStart; p < next; p = this.nextLineStart(p)) if (this.indentAt(p) > indent && !this.isBreakAt(p + this.indentAt(p))) decline();
    }
    if (next < this.length && this.indentAt(next) > indent) decline();
  }

  private readPlain(start: number, indent: number): { node: Node; value: unknown; end: number } {
    const c = this.text.charCodeAt(start);
    // Indicators that start something other than a plain scalar, or need the full parser to tell.
    if (c === 0x26 || c === 0x2a || c === 0x21 || c === 0x25 || c === 0x40 || c === 0x60 || c === 0x3f || c === COMMA || c === 0x5d || c === 0x7d || c === COLON || c === HASH) decline();
    if (c === DASH && this.isSequenceDash(start)) decline();
    const lineEnd = this.lineEnd(start);
    let valueEnd = lineEnd;
    for (let p = start; p < lineEnd; p++) {
      const d = this.text.charCodeAt(p);
      if (d === HASH && this.text.charCodeAt(p - 1) === SPACE) {
        valueEnd = p; // a comment follows
        break;
      }
      if (d === COLON) {
        const after = this.text.charCodeAt(p + 1);
        if (after === SPACE || p + 1 === lineEnd) decline();
      }
    }
    while (valueEnd > start && this.text.charCodeAt(valueEnd - 1) === SPACE) valueEnd--;
    const end = this.nextLineStart(lineEnd);
    this.assertNoContinuation(end, indent);
    const node = this.plainScalar(this.text.slice(start, valueEnd), [start, valueEnd, end]);
    return { node, value: node.value, end };
  }

  /** A plain scalar resolved the way the core schema resolves it. */
  private plainScalar(source: string | null, range: Range): Scalar {
    let node: Scalar;
    let format: string | undefined;
    if (source === null) {
      node = newScalar(null);
    } else {
      const first = source.charCodeAt(0);
      // Only these can start a null, boolean or number; everything else (CJK text above all) is a string.
      const mayResolve = first < 0x80 && (first <= 0x39 || first === 0x4e || first === 0x6e || first === 0x54 || first === 0x74 || first === 0x46 || first === 0x66 || first === 0x7e);
      const tag = mayResolve ? coreTags.find((candidate) => candidate.test!.test(source)) : undefined;
      if (tag) {
        let failed = false;
        const resolved = tag.resolve(source, () => (failed = true), coreOptions);
        if (failed) decline();
        node = resolved instanceof Scalar ? resolved : newScalar(resolved);
        format = tag.format;
      } else {
        node = newScalar(source);
      }
      node.source = source;
    }
    if (source === null) node.source = "";
    node.range = range;
    node.type = Scalar.PLAIN;
    if (format) node.format = format;
    return node;
  }

  private readQuoted(start: number, indent: number): { node: Node; value: unknown; end: number } {
    const quote = this.text.charCodeAt(start);
    const lineEnd = this.lineEnd(start);
    let p = start + 1;
    let value = "";
    let chunkStart = p;
    for (;;) {
      if (p >= lineEnd) decline(); // a multi-line quoted scalar folds its lines; not modelled
      const c = this.text.charCodeAt(p);
      if (quote === 0x22 && c === 0x5c) decline(); // escapes
      if (c === quote) {
        if (quote === 0x27 && this.text.charCodeAt(p + 1) === 0x27) {
          value += this.text.slice(chunkStart, p + 1);
          p += 2;
          chunkStart = p;
          continue;
        }
        value += this.text.slice(chunkStart, p);
        break;
      }
      p++;
    }
    const valueEnd = p + 1;
    const end = this.afterValue(valueEnd);
    this.assertNoContinuation(end, indent);
    const node = newScalar(value);
    node.source = value;
    node.range = [start, valueEnd, end];
    node.type = quote === 0x22 ? Scalar.QUOTE_DOUBLE : Scalar.QUOTE_SINGLE;
    return { node, value, end };
  }

  /** `>`, `>-`, `|`, `|-` with their lines; keep chomping, indentation indicators and deeper lines decline. */
  private readBlockScalar(start: number, indent: number): { node: Node; value: unknown; end: number } {
    const folded = this.text.charCodeAt(start) === 0x3e;
    let p = start + 1;
    const strip = this.text.charCodeAt(p) === DASH;
    if (strip) p++;
    const headerEnd = this.afterValue(p);
    if (headerEnd >= this.length) decline();
    let contentIndent = -1;
    const lines: string[] = [];
    let pendingEmpty = 0;
    let lineStart = headerEnd;
    let contentEnd = headerEnd;
    while (lineStart < this.length) {
      const lineIndent = this.indentAt(lineStart);
      const lineEnd = this.lineEnd(lineStart);
      if (lineStart + lineIndent === lineEnd) {
        // A blank line; one with more spaces than the content's indentation would carry those spaces.
        if (contentIndent >= 0 ? lineIndent > contentIndent : false) decline();
        pendingEmpty++;
        lineStart = this.nextLineStart(lineEnd);
        continue;
      }
      if (contentIndent < 0) {
        if (lineIndent <= indent) break;
        if (pendingEmpty > 0) decline(); // leading blank lines: their spaces decide things; not modelled
        contentIndent = lineIndent;
      } else if (lineIndent < contentIndent) {
        break;
      } else if (lineIndent > contentIndent) {
        decline(); // deeper lines keep their breaks and spaces
      }
      if (lines.length > 0) lines.push(folded ? (pendingEmpty > 0 ? "\n".repeat(pendingEmpty) : " ") : "\n".repeat(pendingEmpty + 1));
      pendingEmpty = 0;
      lines.push(this.text.slice(lineStart + contentIndent, lineEnd));
      lineStart = this.nextLineStart(lineEnd);
      contentEnd = lineStart;
    }
    if (contentIndent < 0) decline();
    let value = lines.join("");
    if (!strip) value += "\n";
    // The range ends after the last content line; trailing blank lines belong to nothing.
    const node = newScalar(value);
    node.source = value;
    node.range = [start, contentEnd, contentEnd];
    node.type = folded ? Scalar.BLOCK_FOLDED : Scalar.BLOCK_LITERAL;
    return { node, value, end: lineStart };
  }

  /** `{ key: value, … }` or `[ value, … ]` on one line, holding only plain and quoted scalars. */
  private readFlowCollection(start: number, indent: number): { node: Node; value: unknown; end: number } {
    const isMap = this.text.charCodeAt(start) === 0x7b;
    const close = isMap ? 0x7d : 0x5d;
    const collection = isMap ? newMap() : newSeq();
    collection.flow = true;
    const mapValue: Record<string, unknown> = {};
    const seqValue: unknown[] = [];
    let p = start + 1;
    for (;;) {
      while (this.text.charCodeAt(p) === SPACE) p++;
      if (this.text.charCodeAt(p) === close) break;
      if (isMap) {
        const key = this.readKey(p);
        p = key.colon + 1;
        while (this.text.charCodeAt(p) === SPACE) p++;
        const item = this.readFlowScalar(p, close);
        (collection as YAMLMap).items.push(newPair(key.node, item.node));
        if (Object.prototype.hasOwnProperty.call(mapValue, key.name)) decline();
        mapValue[key.name] = item.value;
        p = item.next;
      } else {
        const item = this.readFlowScalar(p, close);
        (collection as YAMLSeq).items.push(item.node);
        seqValue.push(item.value);
        p = item.next;
      }
      const c = this.text.charCodeAt(p);
      if (c === COMMA) {
        p++;
        while (this.text.charCodeAt(p) === SPACE) p++;
        if (this.text.charCodeAt(p) === close) decline(); // a trailing comma
        continue;
      }
      if (c === close) break;
      decline();
    }
    const valueEnd = p + 1;
    const end = this.afterValue(valueEnd);
    this.assertNoContinuation(end, indent);
    collection.range = [start, valueEnd, end];
    return { node: collection, value: isMap ? mapValue : seqValue, end };
  }

  /** A scalar inside a flow collection; `next` is the position of the `,` or closing bracket after it. */
  private readFlowScalar(start: number, close: number): { node: Scalar; value: unknown; next: number } {
    const c = this.text.charCodeAt(start);
    if (c === 0x22 || c === 0x27) {
      const lineEnd = this.lineEnd(start);
      let p = start + 1;
      while (p < lineEnd && this.text.charCodeAt(p) !== c) {
        if (c === 0x22 && this.text.charCodeAt(p) === 0x5c) decline();
        p++;
      }
      if (p >= lineEnd || (c === 0x27 && this.text.charCodeAt(p + 1) === 0x27)) decline();
      const value = this.text.slice(start + 1, p);
      let next = p + 1;
      while (this.text.charCodeAt(next) === SPACE) next++;
      const node = newScalar(value);
      node.source = value;
      node.range = [start, p + 1, next];
      node.type = c === 0x22 ? Scalar.QUOTE_DOUBLE : Scalar.QUOTE_SINGLE;
      return { node, value, next };
    }
    // Indicators cannot start a plain scalar; `yaml` rejects some and reads others otherwise (block scalar headers `|`
    // and `>` are errors inside a flow collection).
    if (c === 0x26 || c === 0x2a || c === 0x21 || c === 0x25 || c === 0x40 || c === 0x60 || c === 0x3f || c === 0x7c || c === 0x3e || c === COMMA || c === HASH || c === COLON || c === 0x7b || c === 0x5b || c === 0x7d || c === 0x5d || c === DASH) decline();
    const lineEnd = this.lineEnd(start);
    let p = start;
    for (; p < lineEnd; p++) {
      const d = this.text.charCodeAt(p);
      if (d === COMMA || d === close) break;
      if (d === COLON || d === HASH || d === 0x7b || d === 0x5b || d === 0x7d || d === 0x5d || d === 0x22 || d === 0x27) decline();
    }
    if (p >= lineEnd) decline();
    let valueEnd = p;
    while (valueEnd > start && this.text.charCodeAt(valueEnd - 1) === SPACE) valueEnd--;
    const node = this.plainScalar(this.text.slice(start, valueEnd), [start, valueEnd, p]);
    return { node, value: node.value, next: p };
  }
}
