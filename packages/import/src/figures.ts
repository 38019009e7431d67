import { evaluateRelation, parseQuantity, parseRelation, type ProseQuantity, scanProse } from "@govreport/core";
import type { FigureEntry } from "@govreport/schema";
import { IdAllocator, type MeasureKind, proposeIds } from "./figure-ids.js";

/**
 * Figures from the literal quantities in prose: each one found by the core's prose scanner becomes a figure
 * with a readable id, and its place in the prose becomes `{id}`. Relations the prose states are proposed as
 * checks: a total and its 其中 breakdown, a rate written next to the counts it is the ratio of, and what was
 * added in the year next to the total it brought the count to. Each proposal is evaluated by the core's interval
 * arithmetic, so the drafter sees whether it holds as the text stands.
 */

/** One piece of prose that can hold figures, with the way to write it back. */
export interface ProseSlot {
  read(): string;
  write(text: string): void;
  /** The heading the prose sits under, e.g. `一、工作开展情况 （一）坚持法治引领`, for comments. */
  readonly context: string;
}

export interface ExtractedFigure {
  readonly id: string;
  readonly entry: FigureEntry;
  readonly context: string;
}

export interface ProposedCheck {
  readonly check: string;
  /** Whether the relation holds for the figures as the source states them. */
  readonly holds: boolean;
  readonly kind: "breakdown" | "rate" | "increment";
  /** The prose it was read from, shortened, for the comment above it. */
  readonly evidence: string;
}

export interface FigureExtraction {
  readonly figures: ExtractedFigure[];
  readonly checks: ProposedCheck[];
}

interface Found {
  readonly id: string;
  readonly match: ProseQuantity;
}

const MEASURE_DIMENSIONS = new Set(["length", "area", "volume", "mass", "energy", "power", "time"]);

function measureKind(match: ProseQuantity): MeasureKind {
  const unit = match.quantity.unit;
  if (unit?.kind === "ratio") return "rate";
  if (unit?.kind === "money") return "amount";
  if (unit?.dimension === "人") return "people";
  if (unit?.kind === "measure" && unit.dimension !== null && MEASURE_DIMENSIONS.has(unit.dimension)) return unit.dimension as MeasureKind;
  return "count";
}

const SENTENCE_END_CHARS = new Set(["。", "！", "？", "!", "?", "\n"]);
/** How far back the words of a sentence are read for a figure's topic. */
const CONTEXT_WINDOW = 80;

/**
 * For each offset, where its sentence starts: one pass over the text, so that every question about "the same
 * sentence" is answered in constant time even in a paragraph with thousands of quantities.
 */
function sentenceStarts(text: string): Int32Array {
  const starts = new Int32Array(text.length + 1);
  let start = 0;
  for (let index = 0; index <= text.length; index++) {
    starts[index] = start;
    if (SENTENCE_END_CHARS.has(text[index] ?? "")) start = index + 1;
  }
  return starts;
}

/** The sentence up to `end`, at most the last few dozen characters of it. */
function sentenceBefore(text: string, starts: Int32Array, end: number): string {
  return text.slice(Math.max(starts[end] ?? 0, end - CONTEXT_WINDOW), end);
}

/** Whether a sentence ends between two offsets. */
function sentenceEndsBetween(starts: Int32Array, from: number, to: number): boolean {
  return (starts[to] ?? 0) > from;
}

/** What a figure counts, for its `label:`. A bare verb (推出, 对) says less than the words after the number. */
function figureLabel(match: ProseQuantity): string {
  if (Array.from(match.label).length <= 2 && match.following !== "") return match.following;
  return match.label !== "" ? match.label : match.following;
}

function isRatio(match: ProseQuantity): boolean {
  return match.quantity.unit?.kind === "ratio";
}

function dimension(match: ProseQuantity): string | null | undefined {
  return match.quantity.unit === null ? undefined : match.quantity.unit.dimension;
}

const SENTENCE_END = /[。！？!?\n]/;

/**
 * Whether the words between a total and the 其中 after it keep them together: the same sentence, or the next
 * one when 其中 opens it (`共主动公开政府信息14492条。其中，…`), and no more than a short phrase apart.
 */
function joinsBreakdown(text: string, from: number, to: number): boolean {
  if (to - from > 2 * MAX_TOTAL_DISTANCE) return false;
  const body = text.slice(from, to).replace(/[。\s]+$/, "");
  return Array.from(body).length <= MAX_TOTAL_DISTANCE && !SENTENCE_END.test(body);
}

const MAX_TOTAL_DISTANCE = 20;

function longestCommonRun(a: string, b: string): number {
  let best = 0;
  for (let i = 0; i < a.length; i++) {
    for (let j = 0; j < b.length; j++) {
      let k = 0;
      while (i + k < a.length && j + k < b.length && a[i + k] === b[j + k]) k++;
      if (k > best) best = k;
    }
  }
  return best;
}

const RATE_LABEL = /率|占比|比例|比重/;

function rateStem(label: string): string {
  return label.replace(/(率|占比|比例|比重).*$/, "");
}

function shorten(text: string, max = 60): string {
  const chars = Array.from(text.slice(0, 4 * max).replace(/\s+/g, " ").trim());
  return chars.length <= max ? chars.join("") : `${chars.slice(0, max).join("")}…`;
}

export function extractFigures(slots: readonly ProseSlot[]): FigureExtraction {
  const ids = new IdAllocator();
  const figures: ExtractedFigure[] = [];
  const candidates: Candidate[] = [];

  for (const slot of slots) {
    const text = slot.read();
    const matches = scanProse(text);
    if (matches.length === 0) continue;
    const starts = sentenceStarts(text);
    const found: Found[] = matches.map((match) => {
      const id = ids.allocate(
        proposeIds({ label: match.label, following: match.following, sentence: sentenceBefore(text, starts, match.labelStart), kind: measureKind(match) }),
      );
      const label = figureLabel(match);
      figures.push({ id, entry: label === "" ? match.text : { value: match.text, label }, context: slot.context });
      return { id, match };
    });

    candidates.push(...breakdownCandidates(text, found, candidates.length), ...rateCandidates(text, found, starts), ...incrementCandidates(text, found, starts));

    let rewritten = "";
    let at = 0;
    for (const { id, match } of found) {
      rewritten += `${text.slice(at, match.start)}{${id}}`;
      at = match.end;
    }
    slot.write(rewritten + text.slice(at));
  }

  const values = new Map(figures.map((figure) => [figure.id, typeof figure.entry === "string" ? figure.entry : figure.entry.value]));
  const lookup = (id: string) => {
    const value = values.get(id);
    return value === undefined ? undefined : parseQuantity(value);
  };
  const evaluated = candidates.flatMap((candidate) => {
    const parsed = parseRelation(candidate.check);
    if (!parsed.ok) return [];
    const status = evaluateRelation(parsed.relation, lookup).status;
    return status === "holds" || status === "fails" ? [{ ...candidate, holds: status === "holds" }] : [];
  });
  const byGroup = new Map<number, typeof evaluated>();
  for (const candidate of evaluated) {
    if (candidate.group === undefined) continue;
    const group = byGroup.get(candidate.group);
    if (group) group.push(candidate);
    else byGroup.set(candidate.group, [candidate]);
  }
  const checks: ProposedCheck[] = [];
  const seen = new Set<string>();
  for (const candidate of evaluated) {
    if (seen.has(candidate.check)) continue;
    // A breakdown is proposed as `total = a + b` and as `a + b <= total`: the equality when it holds (the
    // parts make up the whole), else the bound.
    if (candidate.group !== undefined) {
      const alternatives = byGroup.get(candidate.group) ?? [];
      const chosen = alternatives.find((other) => other.form === "sum" && other.holds) ?? alternatives.find((other) => other.form === "bound");
      if (chosen !== candidate) continue;
    }
    seen.add(candidate.check);
    checks.push({ check: candidate.check, holds: candidate.holds, kind: candidate.kind, evidence: candidate.evidence });
  }
  return { figures, checks };
}

interface Candidate {
  readonly check: string;
  readonly kind: ProposedCheck["kind"];
  readonly evidence: string;
  /** Alternatives for one breakdown share a group. */
  readonly group?: number;
  readonly form?: "sum" | "bound";
}

function breakdownCandidates(text: string, found: readonly Found[], groupBase: number): Candidate[] {
  const groups = new Map<number, { first: number; members: Found[] }>();
  found.forEach((item, index) => {
    const start = item.match.qizhongStart;
    if (!item.match.afterQizhong || start === null) return;
    const group = groups.get(start);
    if (group) group.members.push(item);
    else groups.set(start, { first: index, members: [item] });
  });
  const out: Candidate[] = [];
  for (const [qizhongStart, { first, members }] of groups) {
    const group = groupBase + out.length;
    // The total is the last quantity before 其中; quantities after it and before the first part are parts too.
    let at = first - 1;
    while (at >= 0 && found[at]!.match.end > qizhongStart) at--;
    const total = found[at];
    if (!total || isRatio(total.match)) continue;
    const totalDimension = dimension(total.match);
    if (totalDimension === undefined || totalDimension === null) continue;
    if (!joinsBreakdown(text, total.match.end, qizhongStart)) continue;
    const parts = members.filter((item) => !isRatio(item.match) && dimension(item.match) === totalDimension);
    if (parts.length === 0) continue;
    const sum = parts.map((part) => part.id).join(" + ");
    const evidence = shorten(text.slice(total.match.labelStart, parts[parts.length - 1]!.match.end));
    if (parts.length >= 2) out.push({ check: `${total.id} = ${sum}`, kind: "breakdown", evidence, group, form: "sum" });
    out.push({ check: `${sum} <= ${total.id}`, kind: "breakdown", evidence, group, form: "bound" });
  }
  return out;
}

/** How many quantities back from a rate its counts are looked for. */
const RATE_REACH = 8;

function rateCandidates(text: string, found: readonly Found[], starts: Int32Array): Candidate[] {
  const out: Candidate[] = [];
  found.forEach((rate, index) => {
    if (!isRatio(rate.match) || !RATE_LABEL.test(rate.match.label)) return;
    const stem = rateStem(rate.match.label);
    if (stem.length < 2) return;
    const counts: Found[] = [];
    for (let k = index - 1; k >= 0 && k >= index - RATE_REACH; k--) {
      const item = found[k]!;
      if (sentenceEndsBetween(starts, item.match.end, rate.match.start)) break;
      if (!isRatio(item.match)) counts.push(item);
    }
    // counts runs backwards from the rate: find the nearest pair of counts of one dimension.
    for (let later = 0; later < counts.length; later++) {
      const numerator = counts[later]!;
      const unit = dimension(numerator.match);
      if (unit === undefined || unit === null) continue;
      const denominator = counts.slice(later + 1).find((item) => dimension(item.match) === unit);
      if (!denominator) continue;
      // The rate must name what its numerator counts (调解成功率 beside 调处成功), or it rates something else.
      if (longestCommonRun(stem, numerator.match.label) >= 2) {
        out.push({
          check: `${rate.id} = ${numerator.id} / ${denominator.id}`,
          kind: "rate",
          evidence: shorten(text.slice(denominator.match.labelStart, rate.match.end)),
        });
      }
      break;
    }
  });
  return out;
}

const NEW_WORDS = /新增|新建|新认定|新引进|新开工|新设立|新培育|新开通|新招引|新接入/;
const TOTAL_WORDS = /总数|总量|累计|共计|总计|增至|增加到|达到|累计达|现有/;
const MAX_INCREMENT_GAP = 24;

/**
 * 新增国家高新技术企业1525家，总数9923家: what was added in the year cannot exceed the total it brought the count
 * to. Only for two quantities of one unit next to each other in one sentence, the first named as new and the
 * second as a total.
 */
function incrementCandidates(text: string, found: readonly Found[], starts: Int32Array): Candidate[] {
  const out: Candidate[] = [];
  for (let index = 0; index + 1 < found.length; index++) {
    const added = found[index]!;
    const total = found[index + 1]!;
    if (isRatio(added.match) || isRatio(total.match)) continue;
    const unit = dimension(added.match);
    if (unit === undefined || unit === null || dimension(total.match) !== unit) continue;
    if (total.match.start - added.match.end > MAX_INCREMENT_GAP || sentenceEndsBetween(starts, added.match.end, total.match.start)) continue;
    const between = text.slice(added.match.end, total.match.start);
    // The label stops at quotes (新增“四上”企业1525家), so 新增 is looked for from the previous quantity on.
    const from = Math.max(found[index - 1]?.match.end ?? 0, starts[added.match.start] ?? 0, added.match.start - CONTEXT_WINDOW);
    const before = text.slice(from, added.match.start);
    if (!NEW_WORDS.test(before) || !TOTAL_WORDS.test(between)) continue;
    const evidenceStart = added.match.start - before.replace(/^[\s，,；;：:]+/, "").length;
    out.push({ check: `${added.id} <= ${total.id}`, kind: "increment", evidence: shorten(text.slice(evidenceStart, total.match.end)) });
  }
  return out;
}
