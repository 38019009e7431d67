/**
 * Relations readable from plain prose, with nothing declared: a total and its 其中 breakdown, a rate beside the
 * counts it is computed from, a literal number and the figure that bears its label.
 *
 * Rules read prose as it prints: each `{figure.id}` is replaced by its figure's value text, so that
 * `受理案件{cases}，其中合同45件` is read like `受理案件105件，其中合同45件`. A map from printed offsets back to
 * the source string keeps every finding on what the drafter wrote: a literal maps to its own characters, a
 * substituted figure to the whole `{id}`.
 *
 * The inference is deliberately cautious. Every rule built on it reports a contradiction as an error, so a
 * reading that is not clearly a total with its parts, or a rate with its counts, is no reading at all.
 */
import {
  addIntervals,
  compareRational,
  divideIntervals,
  type Interval,
  intervalsIntersect,
  type ProseQuantity,
  type Quantity,
  scanProse,
  subtractIntervals,
} from "../quantity/index.js";
import { cachedMarks, cachedPrinted, cachedScan, type CheckCache } from "./check-cache.js";
import { matchesOf } from "./matches.js";
import { Derivation, REFERENCE_PATTERN, type FigureInfo, type ProseField, type ReportModel, type SectionInfo } from "./model.js";

/** A quantity found in printed prose, with where it came from. */
export interface PrintedQuantity {
  /** Position among the field's quantities. */
  readonly index: number;
  /** Offsets, label, 其中 marks, all relative to the printed text. */
  readonly scanned: ProseQuantity;
  readonly quantity: Quantity;
  /** The characters of the source string that print it: the literal, or the whole `{id}`. */
  readonly source: readonly [number, number];
  /** Figures whose value text is part of it; empty for a literal. */
  readonly figureIds: readonly string[];
  /** Written out in the prose, not taken from a figure. */
  readonly literal: boolean;
  /** The figure the quantity is, when it is exactly one figure's value. */
  readonly figureId: string | undefined;
}

export interface PrintedProse {
  readonly field: ProseField;
  /** The prose with every resolvable `{id}` replaced by its figure's value text. */
  readonly text: string;
  readonly quantities: readonly PrintedQuantity[];
  /**
   * Printed ranges whose meaning is unknown: a reference to a missing figure, or a figure the prose scanner did not
   * read as a quantity. A relation with such a gap in it cannot be judged.
   */
  readonly opaque: ReadonlyArray<readonly [number, number]>;
  /** The source span of printed characters [start, end). */
  toSource(start: number, end: number): readonly [number, number];
  /** Parenthesis depth just before printed offset `at`. */
  depthAt(at: number): number;
  /** Where the sentence (up to 。！？ or a line break) holding printed offset `at` starts. */
  sentenceStart(at: number): number;
  /** Where the item of a sentence (up to ； as well) holding printed offset `at` starts. */
  itemStart(at: number): number;
  /** Where the clause (up to any punctuation) holding printed offset `at` starts. */
  clauseStart(at: number): number;
}

interface Segment {
  readonly printedStart: number;
  readonly printedEnd: number;
  readonly sourceStart: number;
  readonly sourceEnd: number;
  /** `undefined` for literal text. */
  readonly figureId: string | undefined;
  /** A reference whose figure exists; its printed text is the figure's value. */
  readonly resolved: boolean;
}

/** Shared by every field and quantity without references. */
const NO_SEGMENTS: readonly Segment[] = [];


/** Substitutes figure values into one prose field and scans the result. */
export function printProse(
  field: ProseField,
  figures: ReadonlyMap<string, FigureInfo>,
  scan: (text: string) => readonly ProseQuantity[] = scanProse,
  marksOf: (text: string) => TextMarks = textMarks,
): PrintedProse {
  // Most prose has no reference at all: it prints as written, and needs neither the pattern run over it nor segments.
  if (!field.text.includes("{")) return readPrinted(new PrintedText(field, field.text, undefined, marksOf), NO_SEGMENTS, scan);
  const segments: Segment[] = [];
  /** The references among the segments, in text order: only they need looking at once the text is printed. */
  const figureSegments: Segment[] = [];
  let printed = "";
  let cursor = 0;
  const literal = (end: number): void => {
    if (end <= cursor) return;
    segments.push({ printedStart: printed.length, printedEnd: printed.length + end - cursor, sourceStart: cursor, sourceEnd: end, figureId: undefined, resolved: false });
    printed += field.text.slice(cursor, end);
    cursor = end;
  };
  for (const match of matchesOf(REFERENCE_PATTERN, field.text)) {
    const start = match.index;
    const end = start + match[0].length;
    literal(start);
    const id = match[1] ?? "";
    const figure = figures.get(id);
    const value = figure ? figure.text : match[0];
    const segment: Segment = { printedStart: printed.length, printedEnd: printed.length + value.length, sourceStart: start, sourceEnd: end, figureId: id, resolved: figure !== undefined };
    segments.push(segment);
    figureSegments.push(segment);
    printed += value;
    cursor = end;
  }
  literal(field.text.length);
  return readPrinted(new PrintedText(field, printed, segments, marksOf), figureSegments, scan);
}

/** Scans a printed field and ties its quantities to the references they were printed from. */
function readPrinted(prose: PrintedText, figureSegments: readonly Segment[], scan: (text: string) => readonly ProseQuantity[]): PrintedText {
  const printed = prose.text;
  const { quantities, opaque } = prose;
  for (const segment of figureSegments) if (!segment.resolved) opaque.push([segment.printedStart, segment.printedEnd]);
  // Quantities and figure segments both come in text order, so one forward pointer finds the segments each touches.
  let firstSegment = 0;
  for (const scanned of scan(printed)) {
    while (firstSegment < figureSegments.length && figureSegments[firstSegment]!.printedEnd <= scanned.start) firstSegment++;
    // Most quantities are literals in paragraphs without references, and touch no segment at all: no list is made.
    let touching: Segment[] | undefined;
    let unresolved = false;
    for (let k = firstSegment; k < figureSegments.length && figureSegments[k]!.printedStart < scanned.end; k++) {
      const segment = figureSegments[k]!;
      if (segment.printedEnd > scanned.start) {
        (touching ??= []).push(segment);
        if (!segment.resolved) unresolved = true;
      }
    }
    if (unresolved) continue;
    const touched = touching ?? NO_SEGMENTS;
    const only = touched.length === 1 ? touched[0]! : undefined;
    const exact = only !== undefined && printed.slice(only.printedStart, only.printedEnd).trim() === scanned.text.trim() && scanned.start >= only.printedStart && scanned.end <= only.printedEnd;
    quantities.push({
      index: quantities.length,
      scanned,
      quantity: scanned.quantity,
      source: prose.toSource(scanned.start, scanned.end),
      figureIds: touched.map((s) => s.figureId!),
      literal: touched.length === 0,
      figureId: exact ? only.figureId : undefined,
    });
  }
  let nextQuantity = 0;
  for (const segment of figureSegments) {
    if (!segment.resolved || segment.printedEnd === segment.printedStart) continue;
    while (nextQuantity < quantities.length && quantities[nextQuantity]!.scanned.end <= segment.printedStart) nextQuantity++;
    const candidate = quantities[nextQuantity];
    const read = candidate !== undefined && candidate.scanned.start < segment.printedEnd;
    // A figure whose value does not parse is reported by figure-unparsable; here it is only a gap in the reading.
    if (!read) opaque.push([segment.printedStart, segment.printedEnd]);
  }
  opaque.sort((a, b) => a[0] - b[0]);
  return prose;
}

/** What is found in a printed text when first asked for. */
interface FoundInText {
  /** Only prose with a 其中 or a rate in it is ever asked about its sentences and clauses. */
  marks?: TextMarks;
  /** Two rules read the breakdowns of every paragraph: the one that exceeds its total and the one that falls short. */
  breakdowns?: readonly Breakdown[];
  /** Read by the rule on rates that contradict their counts. */
  rateReadings?: readonly RateReading[];
}

/**
 * One printed field. A class rather than an object of closures: a report has a printed field for every paragraph,
 * and each would otherwise carry its own copy of every function.
 */
class PrintedText implements PrintedProse {
  readonly quantities: PrintedQuantity[];
  readonly opaque: Array<readonly [number, number]>;
  /** What is found about the text once asked for; shared with every field the same reading serves. */
  private readonly found: FoundInText;

  constructor(
    readonly field: ProseField,
    readonly text: string,
    /** What was written and what was substituted, in order; undefined when the field prints as written. */
    private readonly segments: readonly Segment[] | undefined,
    private readonly marksOf: (text: string) => TextMarks,
    shared?: Pick<PrintedText, "quantities" | "opaque"> & { readonly found: FoundInText },
  ) {
    this.quantities = shared?.quantities ?? [];
    this.opaque = shared?.opaque ?? [];
    this.found = shared?.found ?? {};
  }

  /**
   * The same reading for another field that holds the same text and refers to figures printed the same way: all
   * that was found is shared, and only the field (its path, its kind) is the other's.
   */
  forField(field: ProseField): PrintedText {
    if (field === this.field) return this;
    return new PrintedText(field, this.text, this.segments, this.marksOf, { quantities: this.quantities, opaque: this.opaque, found: this.found });
  }

  /** Something found from the text alone, computed on the first question. */
  remembered<K extends keyof FoundInText>(key: K, compute: () => NonNullable<FoundInText[K]>): NonNullable<FoundInText[K]> {
    return (this.found[key] ??= compute()) as NonNullable<FoundInText[K]>;
  }

  toSource(start: number, end: number): readonly [number, number] {
    if (!this.segments) {
      // As the segments would answer for one literal segment over the whole text.
      const length = this.text.length;
      const sourceStart = start >= 0 && start < length ? start : length;
      const lastInside = end > start ? end > 0 && end <= length : start >= 0 && start < length;
      return [sourceStart, Math.max(sourceStart, lastInside ? end : sourceStart)];
    }
    const first = segmentAt(this.segments, start, "start");
    const last = end > start ? segmentAt(this.segments, end, "end") : first;
    const sourceStart = !first ? this.field.text.length : first.figureId !== undefined ? first.sourceStart : first.sourceStart + (start - first.printedStart);
    const sourceEnd = !last ? sourceStart : last.figureId !== undefined ? last.sourceEnd : last.sourceStart + (end - last.printedStart);
    return [sourceStart, Math.max(sourceStart, sourceEnd)];
  }

  depthAt(offset: number): number {
    const marks = this.textMarks();
    return marks.depths[lastAtOrBefore(marks.depthChanges, this.clamp(offset))] ?? 0;
  }

  sentenceStart(offset: number): number {
    const sentences = this.textMarks().sentences;
    return sentences[lastAtOrBefore(sentences, this.clamp(offset))] ?? 0;
  }

  itemStart(offset: number): number {
    const items = this.textMarks().items;
    return items[lastAtOrBefore(items, this.clamp(offset))] ?? 0;
  }

  clauseStart(offset: number): number {
    const clauses = this.textMarks().clauses;
    return clauses[lastAtOrBefore(clauses, this.clamp(offset))] ?? 0;
  }

  private textMarks(): TextMarks {
    return this.remembered("marks", () => this.marksOf(this.text));
  }

  private clamp(offset: number): number {
    return Math.max(0, Math.min(offset, this.text.length));
  }
}

/** The segment holding a printed offset (its start or end edge); a binary search, as a paragraph may hold many references. */
function segmentAt(segments: readonly Segment[], at: number, edge: "start" | "end"): Segment | undefined {
  let low = 0;
  let high = segments.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const segment = segments[middle]!;
    const inside = edge === "start" ? at >= segment.printedStart && at < segment.printedEnd : at > segment.printedStart && at <= segment.printedEnd;
    if (inside) return segment;
    if ((edge === "start" ? at < segment.printedStart : at <= segment.printedStart)) high = middle - 1;
    else low = middle + 1;
  }
  return undefined;
}

/**
 * Where the sentences, list items and clauses of a text start, and where its bracket depth changes: the offsets just
 * after each mark, in ascending order. Kept as positions rather than a value per character, since a paragraph has
 * far fewer marks than characters; a question is a binary search.
 */
export interface TextMarks {
  readonly sentences: readonly number[];
  readonly items: readonly number[];
  readonly clauses: readonly number[];
  readonly depthChanges: readonly number[];
  /** The bracket depth from each of `depthChanges` on. */
  readonly depths: readonly number[];
}

/** Index of the last position at or before `at`, or −1. */
function lastAtOrBefore(positions: readonly number[], at: number): number {
  let low = 0;
  let high = positions.length - 1;
  let found = -1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    if (positions[middle]! <= at) {
      found = middle;
      low = middle + 1;
    } else high = middle - 1;
  }
  return found;
}

/** What a character does to the marks; see `markOf`. */
const CLAUSE = 1;
const ITEM = 2;
const SENTENCE = 4;
const OPEN = 8;
const CLOSE = 16;
const LINE = 32;

/**
 * Sentences end at 。！？ and line breaks; list items also at ；; clauses at any punctuation. Codes rather than
 * one-character strings, so that reading a paragraph allocates nothing per character.
 */
function markOf(code: number): number {
  switch (code) {
    case 0x3002: // 。
    case 0xff01: // ！
    case 0xff1f: // ？
    case 0x21: // !
    case 0x3f: // ?
      return SENTENCE | ITEM | CLAUSE;
    case 0x0a: // \n
    case 0x0d: // \r
      return SENTENCE | ITEM | CLAUSE | LINE;
    case 0xff1b: // ；
    case 0x3b: // ;
      return ITEM | CLAUSE;
    case 0xff08: // （
    case 0x28: // (
      return OPEN | CLAUSE;
    case 0xff09: // ）
    case 0x29: // )
      return CLOSE | CLAUSE;
    case 0xff0c: // ，
    case 0xff1a: // ：
    case 0x3001: // 、
    case 0x2c: // ,
    case 0x3a: // :
    case 0x201c: // “
    case 0x201d: // ”
    case 0x300a: // 《
    case 0x300b: // 》
      return CLAUSE;
    default:
      return 0;
  }
}

/** The marks of a text (see `TextMarks`), in one pass. */
export function textMarks(text: string): TextMarks {
  const marks = { sentences: [] as number[], items: [] as number[], clauses: [] as number[], depthChanges: [] as number[], depths: [] as number[] };
  let depth = 0;
  for (let i = 1; i <= text.length; i++) {
    const mark = markOf(text.charCodeAt(i - 1));
    if (mark === 0) continue;
    const before = depth;
    if ((mark & OPEN) !== 0) depth++;
    else if ((mark & CLOSE) !== 0 && depth > 0) depth--;
    if ((mark & LINE) !== 0) depth = 0;
    if (depth !== before) {
      marks.depthChanges.push(i);
      marks.depths.push(depth);
    }
    if ((mark & SENTENCE) !== 0) marks.sentences.push(i);
    if ((mark & ITEM) !== 0) marks.items.push(i);
    // Every mark ends a clause.
    marks.clauses.push(i);
  }
  return marks;
}

const PRINTED = new Derivation((model): readonly PrintedProse[] => {
  const { cache, figures } = model;
  const scan = (text: string) => cachedScan(cache, text);
  const marksOf = marksThrough(cache);
  const print = (field: ProseField) => printProse(field, figures, scan, marksOf) as PrintedText;
  // Across an editor's versions, a paragraph whose text and referenced figures did not change reads the same.
  return cache ? model.prose.map((field) => cachedPrinted(cache, printingKey(field, figures), () => print(field)).forField(field)) : model.prose.map(print);
});

/**
 * Sentence marks through the editor's cache. A printed reading keeps this function, and the cache keeps the reading
 * for later versions, so it is made here, where it can hold on to nothing but the cache: made inside a function
 * that sees the model, it would keep every earlier version's model alive.
 */
function marksThrough(cache: CheckCache | undefined): (text: string) => TextMarks {
  return cache ? (text) => cachedMarks(cache, text, textMarks) : textMarks;
}

/** Every prose field as printed; computed once per model and shared by the rules that read prose. */
export function printedProse(model: ReportModel): readonly PrintedProse[] {
  return PRINTED.of(model);
}

/**
 * What a field's printed reading depends on: its text, and for each `{id}` in it the value text of that figure (or
 * that there is none).
 */
function printingKey(field: ProseField, figures: ReadonlyMap<string, FigureInfo>): string {
  if (!field.text.includes("{")) return field.text;
  // JSON, so that no text or value, whatever characters it holds, can make two different keys read the same.
  const values: Array<string | null> = [];
  for (const match of matchesOf(REFERENCE_PATTERN, field.text)) values.push(figures.get(match[1] ?? "")?.text ?? null);
  return JSON.stringify([field.text, values]);
}

// ---------------------------------------------------------------------------------------------------------------
// Words and units

/** What a quantity measures, for deciding which quantities may be added or divided: `count:件`, `money:元`, `%`. */
export function dimensionKey(quantity: Quantity): string | undefined {
  const unit = quantity.unit;
  if (!unit) return undefined;
  if (unit.kind === "ratio") return "%";
  return `${unit.kind}:${unit.dimension ?? ""}`;
}

/** Counts, money and physical measures add up; rates, percentage points and multiples do not. */
export function isAdditive(quantity: Quantity): boolean {
  const kind = quantity.unit?.kind;
  return kind === "count" || kind === "money" || kind === "measure";
}

/**
 * The words that lead up to a quantity within its clause, linking words included (the scanner's label drops
 * 累计, 共计 and the like, which matter here): `同比增加` for 同比增加12件, `合计` for 合计50件.
 */
export function leadIn(prose: PrintedProse, quantity: PrintedQuantity): string {
  const previous = quantity.index > 0 ? prose.quantities[quantity.index - 1]!.scanned.end : 0;
  const start = Math.max(previous, prose.clauseStart(quantity.scanned.start));
  return prose.text.slice(start, quantity.scanned.start);
}

/** A change against another period, not an amount of this one: 同比增加12件, 较上年减少5件. */
const CHANGE_WORDS = /同比|环比|增加|增长|减少|下降|上升|提高|提升|降低|增幅|降幅|较上|比上|较去|比去|较同期|多出|少了|新增加/;
/** A restatement of the sum of the parts: 合计50件. */
const AGGREGATE_WORDS = /合计|共计|总计|小计|累计|总共|一共|总数|总量|共有|^共$/;

export function isChange(prose: PrintedProse, quantity: PrintedQuantity): boolean {
  return CHANGE_WORDS.test(leadIn(prose, quantity)) || CHANGE_WORDS.test(quantity.scanned.label);
}

function isAggregate(prose: PrintedProse, quantity: PrintedQuantity): boolean {
  return AGGREGATE_WORDS.test(leadIn(prose, quantity).trim());
}

function overlapsOpaque(prose: PrintedProse, start: number, end: number): boolean {
  return prose.opaque.some(([a, b]) => a < end && b > start);
}

// ---------------------------------------------------------------------------------------------------------------
// 其中 breakdowns

export interface Breakdown {
  readonly total: PrintedQuantity;
  /** The parts of the same unit, in order. */
  readonly parts: readonly PrintedQuantity[];
  /** Printed offset of 其中. */
  readonly qizhong: number;
  /** What the parts add up to, in the base unit of their dimension. */
  readonly sum: Interval;
  /**
   * The breakdown reads as a full list: at least two parts, joined by 、 only, with no 等, 其他 or 主要 that would
   * say more parts exist than are written.
   */
  readonly complete: boolean;
}

/** Words between parts that detail an earlier part or add something beside the breakdown. */
const NESTED = /含|包括|另|此外|以及/;
/** A clause telling what became of the one before it: 已整改, 均已办结, 全部化解. */
const FOLLOW_UP = /^(?:已|均|全部|并|且|都|皆|经|后|随后|其后)/;
/** Words that say the written parts are not all of them. */
const OPEN_LIST = /等|其他|其它|其余|主要|重点|部分|包括|含|例如|比如/;

/**
 * The totals followed by a 其中 breakdown: `受理案件105件，其中合同45件、文件61件` gives the total 105件 and the parts
 * 45件 and 61件. The total is the nearest quantity of the parts' unit before 其中, in the same sentence, or in the
 * sentence before when 其中 opens its own (`……14492条。其中，概况类信息245条，……`). Parts are the quantities
 * of that unit after 其中 at its parenthesis level, leaving out changes (同比增加10件) and restated sums (合计).
 */
export function findBreakdowns(prose: PrintedProse): Breakdown[] {
  // A printed field keeps them; a copy goes out, so that no caller's sorting or filtering reaches the next.
  if (prose instanceof PrintedText) return [...prose.remembered("breakdowns", () => readBreakdowns(prose))];
  return readBreakdowns(prose);
}

function readBreakdowns(prose: PrintedProse): Breakdown[] {
  const groups = new Map<number, PrintedQuantity[]>();
  for (const quantity of prose.quantities) {
    const at = quantity.scanned.qizhongStart;
    if (at === null) continue;
    const group = groups.get(at);
    if (group) group.push(quantity);
    else groups.set(at, [quantity]);
  }
  const breakdowns: Breakdown[] = [];
  for (const [qizhong, group] of groups) {
    const depth = prose.depthAt(qizhong);
    const byDimension = new Map<string, PrintedQuantity[]>();
    for (const quantity of group) {
      const key = dimensionKey(quantity.quantity);
      if (!key || !isAdditive(quantity.quantity) || prose.depthAt(quantity.scanned.start) !== depth) continue;
      const list = byDimension.get(key);
      if (list) list.push(quantity);
      else byDimension.set(key, [quantity]);
    }
    for (const [key, candidates] of byDimension) {
      const breakdown = readBreakdown(prose, qizhong, totalBefore(prose, qizhong, depth, key), candidates);
      if (breakdown) breakdowns.push(breakdown);
    }
  }
  return breakdowns.sort((a, b) => a.qizhong - b.qizhong);
}

function readBreakdown(prose: PrintedProse, qizhong: number, total: PrintedQuantity | undefined, candidates: readonly PrintedQuantity[]): Breakdown | undefined {
  const text = prose.text;
  if (!total || isChange(prose, total)) return undefined;
  if (overlapsOpaque(prose, total.scanned.end, qizhong)) return undefined;

  const parts = candidates.filter((part) => !isChange(prose, part) && !isAggregate(prose, part));
  if (parts.length === 0) return undefined;
  const last = parts[parts.length - 1]!;
  const region = text.slice(qizhong, last.scanned.end);
  // 其中行政案件80件，含一审60件: the later numbers detail an earlier part, so the parts cannot be added up.
  if (NESTED.test(text.slice(parts[0]!.scanned.end, last.scanned.end))) return undefined;
  // 其中发现问题企业30家，已整改30家: a later number tells what became of an earlier part, it is no part of its own.
  if (parts.slice(1).some((part) => FOLLOW_UP.test(leadIn(prose, part).trim()))) return undefined;

  let sum: Interval = { low: parts[0]!.quantity.low, high: parts[0]!.quantity.high };
  for (const part of parts.slice(1)) sum = addIntervals(sum, part.quantity);

  const complete =
    parts.length >= 2 &&
    parts.length === candidates.length &&
    !overlapsOpaque(prose, qizhong, last.scanned.end) &&
    !OPEN_LIST.test(region) &&
    !/^\s*等/.test(text.slice(last.scanned.end, last.scanned.end + 3)) &&
    parts.every((part, i) => i === 0 || joinedByEnumerationComma(text.slice(parts[i - 1]!.scanned.end, part.scanned.start))) &&
    // Every quantity between the first and the last part must be a part: a 5万元 in between means mixed clauses.
    last.index - parts[0]!.index + 1 === parts.length;
  return { total, parts, qizhong, sum, complete };
}

function joinedByEnumerationComma(between: string): boolean {
  const outside = between.replace(/（[^（）]*）|\([^()]*\)/g, "");
  return outside.includes("、") && !/[，,；;：:。]/.test(outside);
}

/** How many quantities back a total or a count is looked for: more than any sentence holds, few enough for any input. */
const MAX_LOOK_BACK = 200;

/** Index of the last quantity ending at or before `offset`, or −1. */
function lastQuantityBefore(prose: PrintedProse, offset: number): number {
  let low = 0;
  let high = prose.quantities.length - 1;
  let found = -1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    if (prose.quantities[middle]!.scanned.end <= offset) {
      found = middle;
      low = middle + 1;
    } else high = middle - 1;
  }
  return found;
}

function totalBefore(prose: PrintedProse, qizhong: number, depth: number, key: string): PrintedQuantity | undefined {
  const text = prose.text;
  let scopeStart = prose.sentenceStart(qizhong);
  // 其中 opening a sentence (……14492条。其中，……) breaks down the sentence before it.
  if (scopeStart > 0 && text.slice(scopeStart, qizhong).trim() === "" && /[。！？!?]/.test(text[scopeStart - 1]!)) {
    scopeStart = prose.sentenceStart(scopeStart - 1);
  }
  const last = lastQuantityBefore(prose, qizhong);
  for (let i = last; i >= 0 && i > last - MAX_LOOK_BACK; i--) {
    const quantity = prose.quantities[i]!;
    if (quantity.scanned.start < scopeStart) return undefined;
    if (prose.depthAt(quantity.scanned.start) > depth) continue;
    if (dimensionKey(quantity.quantity) === key) return quantity;
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------------------------
// Rates beside their counts

/** At most this many counts before a rate are read, nearest first: enough for any sentence, bounded for any input. */
const MAX_COUNTS = 12;

/** Rates that may pass 100% or are not shares at all: growth, completion of a target, gross enrolment, returns. */
const NOT_A_SHARE = /增长|增速|增幅|增加|提高|提升|上升|下降|降低|减少|同比|环比|完成率|达成率|超额|毛入|回报率|收益率|利润率|负债率|周转率|增值率|溢价率|倍/;

/**
 * Whether a label names a share of a whole, which cannot pass 100%: 调解成功率, 按时办复率, 占比. Growth rates
 * (增长率), completion of a target (完成率) and the like are not shares.
 */
export function isShareLabel(label: string): boolean {
  const trimmed = label.trim();
  if (!/(?:率|占比)$/.test(trimmed)) return false;
  return !NOT_A_SHARE.test(trimmed);
}

/** Pairs of characters too common in these reports to tie a count to a rate. */
const COMMON_PAIRS = new Set(["案件", "全年", "全区", "全市", "全县", "全省", "工作", "情况", "开展", "进行"]);
const NEGATED = /[未不无没]/;
/** Words that mark a count as the whole a rate is taken of: 受理案件105件. */
const WHOLE_WORDS = /受理|收到|接收|接到|新收|共|总|全年/;

function pairsOf(text: string): Set<string> {
  const pairs = new Set<string>();
  const han = text.replace(/[^\p{Script=Han}]/gu, " ");
  for (let i = 0; i + 1 < han.length; i++) {
    const pair = han.slice(i, i + 2);
    if (!pair.includes(" ")) pairs.add(pair);
  }
  return pairs;
}

function shares(a: ReadonlySet<string>, b: ReadonlySet<string>, skipCommon: boolean): boolean {
  for (const pair of a) if (b.has(pair) && !(skipCommon && COMMON_PAIRS.has(pair))) return true;
  return false;
}

export interface RateReading {
  readonly rate: PrintedQuantity;
  readonly numerator: PrintedQuantity;
  readonly denominator: PrintedQuantity;
  /** numerator / denominator, as a fraction. */
  readonly computed: Interval;
  /** Whether some reading of the counts before the rate gives it; when false, none does. */
  readonly consistent: boolean;
}

/**
 * Rates written beside the counts they are computed from: `调解1571件，成功1570件，调解成功率100%`. A rate's name
 * is its whole and then the property counted (调解|成功率, 劳动保障监察案件|按期结案率): the numerator is a count
 * whose words share a word with the last four characters of the name that the whole's words do not (成功); the
 * denominator an earlier count, at least as large, that names the whole (调解), says it is one (受理, 共) or counts
 * the same kind of thing (认领事项 and 全程网办事项). All within one item of the sentence (up to ；).
 * The reading returned is the pairing nearest the rate; `consistent` tells whether any reading of the counts
 * gives the rate (see `anyReadingGives`), so a wrong guess at the pairing never makes a contradiction.
 */
export function findRateReadings(prose: PrintedProse): RateReading[] {
  if (prose instanceof PrintedText) return [...prose.remembered("rateReadings", () => readRateReadings(prose))];
  return readRateReadings(prose);
}

function readRateReadings(prose: PrintedProse): RateReading[] {
  const readings: RateReading[] = [];
  // The words of a count are compared with every rate after it and every count beside it; they are found once.
  const words = new Map<PrintedQuantity, Set<string>>();
  const wordsOf = (quantity: PrintedQuantity): Set<string> => {
    let found = words.get(quantity);
    if (!found) words.set(quantity, (found = pairsOf(`${quantity.scanned.label} ${quantity.scanned.following}`)));
    return found;
  };
  for (const rate of prose.quantities) {
    if (rate.quantity.unit?.kind !== "ratio" || !isShareLabel(rate.scanned.label) || isChange(prose, rate)) continue;
    const scopeStart = prose.itemStart(rate.scanned.start);
    if (overlapsOpaque(prose, scopeStart, rate.scanned.start)) continue;
    const stemText = rate.scanned.label.replace(/(?:率|占比)$/, "").replace(/[^\p{Script=Han}]/gu, "");
    const stem = pairsOf(stemText);
    // A rate's name is its whole, then the property counted: 劳动保障监察案件|按期结案率. The numerator has the property.
    const property = pairsOf(stemText.slice(-4));
    const counts: PrintedQuantity[] = [];
    for (let i = rate.index - 1; i >= 0 && i >= rate.index - MAX_LOOK_BACK && counts.length < MAX_COUNTS; i--) {
      const quantity = prose.quantities[i]!;
      if (quantity.scanned.start < scopeStart) break;
      if (isAdditive(quantity.quantity) && !isChange(prose, quantity)) counts.unshift(quantity);
    }
    const pairs: Array<{ numerator: PrintedQuantity; denominator: PrintedQuantity }> = [];
    for (let n = counts.length - 1; n >= 0; n--) {
      const numerator = counts[n]!;
      const numeratorWords = wordsOf(numerator);
      // 未办结7件 is the rest, not the count a 办结率 is taken of.
      if (!shares(numeratorWords, property, true) || NEGATED.test(numerator.scanned.label)) continue;
      for (let d = n - 1; d >= 0; d--) {
        const denominator = counts[d]!;
        if (dimensionKey(denominator.quantity) !== dimensionKey(numerator.quantity)) continue;
        if (denominator.quantity.high !== null && compareRational(numerator.quantity.low, denominator.quantity.high) > 0) continue;
        const denominatorWords = wordsOf(denominator);
        const distinct = [...numeratorWords].some((pair) => property.has(pair) && !COMMON_PAIRS.has(pair) && !denominatorWords.has(pair));
        if (!distinct) continue;
        const namesWhole = shares(denominatorWords, stem, true) || shares(denominatorWords, numeratorWords, true) || WHOLE_WORDS.test(leadIn(prose, denominator));
        if (namesWhole) pairs.push({ numerator, denominator });
      }
    }
    if (pairs.length === 0) continue;
    const strongest = pairs[0]!;
    const computed = divideIntervals(strongest.numerator.quantity, strongest.denominator.quantity);
    if (!computed) continue;
    const key = dimensionKey(strongest.numerator.quantity);
    const consistent = anyReadingGives(rate.quantity, counts.filter((q) => dimensionKey(q.quantity) === key));
    readings.push({ rate, numerator: strongest.numerator, denominator: strongest.denominator, computed, consistent });
  }
  return readings;
}


/**
 * Whether any way of reading the counts gives the rate: one count over another (成功1570件 of 调解1571件), the rest of
 * a count over it (受理105件，未办结7件: 98 of 105), or a count over itself plus another (成功1570件，失败1件). The
 * pairing found by words is only a guess; a rate is called a contradiction only when no reading supports it.
 */
function anyReadingGives(rate: Interval, counts: readonly PrintedQuantity[]): boolean {
  const values: Interval[] = counts.map((q) => q.quantity);
  const gives = (numerator: Interval, denominator: Interval): boolean => {
    const quotient = divideIntervals(numerator, denominator);
    return quotient !== undefined && intervalsIntersect(quotient, rate);
  };
  for (let i = 0; i < values.length; i++) {
    for (let j = 0; j < values.length; j++) {
      if (i === j) continue;
      const a = values[i]!;
      const b = values[j]!;
      if (gives(a, b) || gives(subtractIntervals(a, b), a) || gives(a, addIntervals(a, b))) return true;
    }
  }
  return false;
}

// ---------------------------------------------------------------------------------------------------------------
// Literals and the figures that bear their label

/** Words that say nothing about what is counted: 全年共受理 reads as 受理. */
const FILLER_PREFIXES = ["全年", "今年", "本年度", "本年", "年内", "当年", "全区", "全县", "全市", "全镇", "全省", "总共", "一共", "共计", "共", "累计", "其中"];
/** Another period or a comparison: 上年受理案件38件 is not this year's figure. */
const OTHER_PERIOD = /[0-9０-９]|上年|去年|前年|同期|上一年|历年|此前|以往|截至|至今|同比|环比|较|比上|比去|力争|预计|计划|目标|将/;

/** A label reduced to what is counted, or `undefined` when it speaks of another period or is too short to match on. */
export function matchableLabel(label: string): string | undefined {
  if (OTHER_PERIOD.test(withoutAsides(label))) return undefined;
  const text = withoutFillers(label);
  const han = text.replace(/[^\p{Script=Han}]/gu, "");
  return han.length >= 4 ? text : undefined;
}

export interface FigureMatch {
  readonly figure: FigureInfo;
  /** The two labels are the same words, not one a shorter name of the other. */
  readonly exact: boolean;
  readonly consistent: boolean;
}

/**
 * The figures a literal names: a figure whose label, reduced the same way, equals the literal's label, puts a short
 * qualifier before it (`西区调解案件` for `调解案件1571件`) or adds only a generic noun after it (`调处成功案件` for
 * `调处成功1570件`), in the same unit dimension. Ordered best first: exact matches, then
 * longer labels.
 */
export function figuresNamedBy(quantity: PrintedQuantity, model: ReportModel): FigureMatch[] {
  const label = matchableLabel(quantity.scanned.label);
  const key = dimensionKey(quantity.quantity);
  if (!label || !key) return [];
  const matches: FigureMatch[] = [];
  for (const { figure, label: figureLabel, value } of LABELLED_FIGURES.of(model).get(key) ?? []) {
    if (!(figureLabel === label || narrowsBy(figureLabel, label) || namesSameCount(figureLabel, label))) continue;
    matches.push({ figure, exact: figureLabel === label, consistent: intervalsIntersect(value, quantity.quantity) });
  }
  return matches.sort((a, b) => Number(b.exact) - Number(a.exact) || (b.figure.label?.length ?? 0) - (a.figure.label?.length ?? 0));
}

/** A figure that a literal may name: it has a label and a value, both as compared with the literal's. */
interface LabelledFigure {
  readonly figure: FigureInfo;
  /** The label reduced as a literal's is (see `matchableLabelOfFigure`). */
  readonly label: string;
  readonly value: Quantity;
}

/**
 * The figures with a usable label, by the dimension of their value, in figure order. Every literal in the prose is
 * compared with the figures; reducing each figure's label once, and comparing only figures of the literal's
 * dimension, keeps that from growing with literals times figures. A model's figures never change, so this is kept.
 */
const LABELLED_FIGURES = new Derivation(({ figures }): ReadonlyMap<string, readonly LabelledFigure[]> => {
  const byKey = new Map<string, LabelledFigure[]>();
  for (const figure of figures.values()) {
    if (!figure.label || !figure.quantity.ok) continue;
    const key = dimensionKey(figure.quantity.quantity);
    const label = matchableLabelOfFigure(figure.label);
    if (!key || !label) continue;
    const entry: LabelledFigure = { figure, label, value: figure.quantity.quantity };
    const list = byKey.get(key);
    if (list) list.push(entry);
    else byKey.set(key, [entry]);
  }
  return byKey;
});

/** Generic nouns a figure's label may add after the words of the prose: 调处成功 and 调处成功案件 name one count. */
const HEAD_NOUNS = new Set(["案件", "件数", "数", "人数", "次数", "总数", "数量", "事项"]);

/**
 * The figure's label is the prose's words with a short qualifier in front (西区行政诉讼案件 for 行政诉讼案件). A
 * longer one, or one with 的 (经调解撤回的行政复议申请), names a part of what the prose counts, not the same count.
 */
function narrowsBy(figureLabel: string, label: string): boolean {
  if (!figureLabel.endsWith(label)) return false;
  const qualifier = figureLabel.slice(0, figureLabel.length - label.length);
  return qualifier.length <= 4 && !qualifier.includes("的");
}

function namesSameCount(figureLabel: string, label: string): boolean {
  return figureLabel.startsWith(label) && HEAD_NOUNS.has(figureLabel.slice(label.length));
}

/** A label without bracketed asides and spaces. */
function withoutAsides(label: string): string {
  return label.replace(/（[^（）]*）|\([^()]*\)/g, "").replace(/\s+/g, "");
}

/** A label without its asides and without the filler words in front (全年、共、累计…), however many there are. */
function withoutFillers(label: string): string {
  let text = withoutAsides(label);
  for (let changed = true; changed; ) {
    changed = false;
    for (const prefix of FILLER_PREFIXES) {
      if (text.startsWith(prefix) && text.length > prefix.length) {
        text = text.slice(prefix.length);
        changed = true;
      }
    }
  }
  return text;
}

/** A figure's label is this year's by definition, so only the filler words are dropped. */
function matchableLabelOfFigure(label: string): string | undefined {
  const text = withoutFillers(label);
  return text.replace(/[^\p{Script=Han}]/gu, "").length >= 2 ? text : undefined;
}

/** Whether a declared check already relates all these figures, so the check's own finding covers them. */
export function declaredTogether(model: ReportModel, ids: readonly string[]): boolean {
  if (ids.length === 0) return false;
  return model.relations.some((relation) => {
    if (!relation.parsed.ok) return false;
    const named = new Set(relation.parsed.relation.references.map((reference) => reference.id));
    return ids.every((id) => named.has(id));
  });
}

/** The figure ids of quantities that are each exactly one figure, or `undefined` when any is a literal. */
export function figureIdsOf(quantities: readonly PrintedQuantity[]): string[] | undefined {
  const ids: string[] = [];
  for (const quantity of quantities) {
    if (quantity.figureId === undefined) return undefined;
    ids.push(quantity.figureId);
  }
  return ids;
}

/** Whether a prose field lies in a section that covers the given profile requirement (or in one nested in it). */
export function inSectionCovering(model: ReportModel, field: ProseField, requirement: string): boolean {
  return sectionsCovering(model, requirement).some(
    (section) => section.path.length <= field.path.length && section.path.every((segment, i) => field.path[i] === segment),
  );
}

/** The sections that cover each requirement, found once per model: it is asked for every paragraph. */
const COVERING = new Derivation(() => new Map<string, readonly SectionInfo[]>());

function sectionsCovering(model: ReportModel, requirement: string): readonly SectionInfo[] {
  const byRequirement = COVERING.of(model);
  let sections = byRequirement.get(requirement);
  if (!sections) byRequirement.set(requirement, (sections = model.sections.filter((section) => section.covers.includes(requirement))));
  return sections;
}
