/**
 * What is under the cursor: the data path at an offset, and the report things (a figure, a reference to one,
 * a section title) the handlers answer about. Core maps paths to ranges; this is the way back.
 */
import type { CheckResult, DataPath, FigureInfo, FigureReference, PathSegment, SectionInfo, SourceDocument, SourceRange } from "@govreport/core";
import { isAlias, isMap, isPair, isScalar, isSeq, type Node } from "yaml";
import { rangeContains } from "./convert.js";

export interface PathHit {
  readonly path: PathSegment[];
  /** The cursor is on the key of the last segment (not on its value). */
  readonly onKey: boolean;
  /** The range of the key or value the cursor is on. */
  readonly range: SourceRange;
  /** The node the cursor is in (the value's node when on a key). */
  readonly node: Node | undefined;
}

function nodeRange(node: Node | null | undefined): SourceRange | undefined {
  const range = node?.range;
  return range ? { start: range[0], end: range[1] } : undefined;
}

/** The deepest data path whose key or value contains `offset`; aliases are not followed (the cursor is on the alias). */
export function pathAtOffset(source: SourceDocument, offset: number): PathHit | undefined {
  const root = source.nodeAt([]);
  const rootRange = nodeRange(root);
  if (!root || !rootRange || !rangeContains(rootRange, offset)) return undefined;
  let hit: PathHit = { path: [], onKey: false, range: rootRange, node: root };
  let node: Node | undefined = root;
  const path: PathSegment[] = [];
  for (let depth = 0; node && depth < 200; depth++) {
    let next: Node | undefined;
    if (isMap(node)) {
      for (const item of node.items) {
        if (!isPair(item)) continue;
        const key = item.key as Node | null;
        const keyRange = nodeRange(key);
        const segment = isScalar(key) ? String(key.value) : undefined;
        if (segment === undefined) continue;
        if (keyRange && rangeContains(keyRange, offset)) {
          return { path: [...path, segment], onKey: true, range: keyRange, node: (item.value ?? undefined) as Node | undefined };
        }
        const value = (item.value ?? undefined) as Node | undefined;
        const valueRange = nodeRange(value);
        if (valueRange && rangeContains(valueRange, offset)) {
          path.push(segment);
          hit = { path: [...path], onKey: false, range: valueRange, node: value };
          next = value;
          break;
        }
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, index) => {
        if (next) return;
        const itemNode = item as Node | undefined;
        const range = nodeRange(itemNode);
        if (range && rangeContains(range, offset)) {
          path.push(index);
          hit = { path: [...path], onKey: false, range, node: itemNode };
          next = itemNode;
        }
      });
    }
    node = next;
  }
  return hit;
}

/** The longest prefix of `path` that exists in the document (aliases are followed). */
export function existingPrefix(source: SourceDocument, path: DataPath): PathSegment[] {
  let length = 0;
  while (length < path.length && source.nodeAt(path.slice(0, length + 1)) !== undefined) length++;
  return path.slice(0, length);
}

export function samePath(a: DataPath, b: DataPath): boolean {
  return a.length === b.length && a.every((segment, i) => String(segment) === String(b[i]));
}

export function startsWith(path: DataPath, prefix: DataPath): boolean {
  return prefix.length <= path.length && prefix.every((segment, i) => String(segment) === String(path[i]));
}

/** The source range of a reference's id: inside the braces of `{id}` in prose, the id itself in a check. */
export function referenceIdRange(source: SourceDocument, reference: FigureReference): SourceRange {
  const braced = !reference.inCheck;
  return source.rangeInString(reference.path, braced ? reference.start + 1 : reference.start, braced ? reference.end - 1 : reference.end);
}

/** The source range of a figure's id in its `figures:` key, without quotes. */
export function figureKeyRange(source: SourceDocument, figure: FigureInfo): SourceRange {
  const range = source.keyRangeOf(figure.path);
  const written = source.textOf(range);
  const at = written.indexOf(figure.id);
  return at > 0 ? { start: range.start + at, end: range.start + at + figure.id.length } : range;
}

export type Target =
  | { readonly kind: "figure"; readonly id: string; readonly range: SourceRange; readonly via: "key" | "reference" | "check" }
  | { readonly kind: "section-title"; readonly section: SectionInfo; readonly range: SourceRange }
  | { readonly kind: "previous"; readonly range: SourceRange }
  | { readonly kind: "key"; readonly path: PathSegment[]; readonly range: SourceRange }
  | { readonly kind: "value"; readonly path: PathSegment[]; readonly range: SourceRange };

/** What a hover, a definition or a rename at `offset` is about. */
export function targetAt(result: CheckResult, offset: number): Target | undefined {
  const hit = pathAtOffset(result.source, offset);
  if (!hit || hit.path.length === 0) return undefined;
  const model = result.model;
  const [first] = hit.path;

  if (model && first === "figures" && hit.path.length === 2 && hit.onKey) {
    const id = String(hit.path[1]);
    const figure = model.figures.get(id);
    if (figure) return { kind: "figure", id, range: figureKeyRange(result.source, figure), via: "key" };
  }
  if (model && !hit.onKey) {
    for (const reference of model.references) {
      if (!samePath(reference.path, hit.path)) continue;
      const range = referenceIdRange(result.source, reference);
      // Braces count as part of a prose reference for the cursor, so a hover on `{` or `}` works too.
      const hitRange = reference.inCheck ? range : { start: range.start - 1, end: range.end + 1 };
      if (rangeContains(hitRange, offset)) return { kind: "figure", id: reference.id, range, via: reference.inCheck ? "check" : "reference" };
    }
  }
  if (model && !hit.onKey && hit.path[hit.path.length - 1] === "title") {
    const sectionPath = hit.path.slice(0, -1);
    const section = model.sections.find((info) => samePath(info.path, sectionPath));
    if (section) return { kind: "section-title", section, range: hit.range };
  }
  if (first === "previous" && hit.path.length === 1 && !hit.onKey) return { kind: "previous", range: hit.range };
  if (hit.onKey) return { kind: "key", path: hit.path, range: hit.range };
  return { kind: "value", path: hit.path, range: hit.range };
}

/** Every place a figure id is written: its key, and each reference in prose and checks. */
export function figureOccurrences(result: CheckResult, id: string): { declaration: SourceRange | undefined; references: SourceRange[] } {
  const model = result.model;
  if (!model) return { declaration: undefined, references: [] };
  const figure = model.figures.get(id);
  const declaration = figure ? figureKeyRange(result.source, figure) : undefined;
  const references = model.references.filter((reference) => reference.id === id).map((reference) => referenceIdRange(result.source, reference));
  return { declaration, references };
}
