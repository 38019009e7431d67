import { parseQuantity, parseRelation, scanProse, type ParseResult, type ProseQuantity, type RelationParseResult } from "../quantity/index.js";

/**
 * Results of pure, per-string computations kept across checks of successive versions of one document: an edit
 * changes one paragraph, so every other paragraph's quantities are found again unchanged. The language server keeps
 * one cache for all open documents (keys are the strings themselves, so documents cannot mix each other up); a
 * one-off check (the CLI) passes none and computes everything afresh.
 */
export interface CheckCache {
  readonly scans: Map<string, readonly ProseQuantity[]>;
  /** Sentence and clause boundaries of printed prose (see prose-relations.ts). */
  readonly marks: Map<string, unknown>;
  readonly quantities: Map<string, ParseResult>;
  /** Printed prose by its text and the values of the figures it refers to (see prose-relations.ts). */
  readonly printed: Map<string, unknown>;
  /** The report's `checks`, parsed (evaluating them depends on the figures, so that is done every time). */
  readonly relations: Map<string, RelationParseResult>;
}

/** Entries beyond this are dropped oldest first, so a long editing session cannot grow the cache without bound. */
const LIMIT = 4000;

export function createCheckCache(): CheckCache {
  return { scans: new Map(), quantities: new Map(), marks: new Map(), printed: new Map(), relations: new Map() };
}

function remember<V>(map: Map<string, V>, key: string, compute: (key: string) => V): V {
  const hit = map.get(key);
  if (hit !== undefined) return hit;
  const value = compute(key);
  if (map.size >= LIMIT) map.delete(map.keys().next().value as string);
  map.set(key, value);
  return value;
}

export function cachedScan(cache: CheckCache | undefined, text: string): readonly ProseQuantity[] {
  return cache ? remember(cache.scans, text, scanProse) : scanProse(text);
}

export function cachedQuantity(cache: CheckCache | undefined, text: string): ParseResult {
  return cache ? remember(cache.quantities, text, parseQuantity) : parseQuantity(text);
}

export function cachedRelation(cache: CheckCache | undefined, source: string): RelationParseResult {
  return cache ? remember(cache.relations, source, parseRelation) : parseRelation(source);
}

export function cachedPrinted<T>(cache: CheckCache, key: string, compute: () => T): T {
  return remember(cache.printed, key, compute) as T;
}

export function cachedMarks<T>(cache: CheckCache | undefined, text: string, compute: (text: string) => T): T {
  return cache ? (remember(cache.marks, text, compute) as T) : compute(text);
}
