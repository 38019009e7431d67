import type { ReportData, Section } from "@govreport/schema";
import { coveredRequirements, figureValueText } from "@govreport/schema/lite";
import type { DataPath } from "../diagnostic.js";
import { cachedQuantity, cachedRelation, type CheckCache } from "./check-cache.js";
import { matchesOf } from "./matches.js";
import {
  evaluateRelation,
  type ParseResult,
  type RelationParseResult,
  type RelationEvaluation,
} from "../quantity/index.js";

/** Which part of the report a piece of prose is; rules use it to decide what applies where. */
export type ProseKind = "title" | "preamble" | "section-title" | "section-text" | "point-lead" | "point-text" | "closing";

export interface ProseField {
  readonly path: DataPath;
  readonly text: string;
  readonly kind: ProseKind;
}

/** A `{figure.id}` in prose, or a figure id inside a declared check. Offsets are within the string at `path`. */
export interface FigureReference {
  readonly id: string;
  readonly path: DataPath;
  readonly start: number;
  readonly end: number;
  readonly inCheck: boolean;
}

export interface FigureInfo {
  readonly id: string;
  /** Path of the figure entry (`['figures', id]`); its key is the id. */
  readonly path: DataPath;
  /** Path of the value text (the entry itself, or its `value`). */
  readonly valuePath: DataPath;
  readonly text: string;
  readonly label: string | undefined;
  readonly quantity: ParseResult;
}

export interface RelationInfo {
  readonly index: number;
  readonly path: DataPath;
  readonly source: string;
  readonly parsed: RelationParseResult;
  /** Present when the relation parsed. */
  readonly result: RelationEvaluation | undefined;
}

export interface SectionInfo {
  readonly path: DataPath;
  /** 1 for 一、, 2 for （一）, … */
  readonly level: number;
  /** Position among its siblings, from 0. */
  readonly index: number;
  readonly section: Section;
  readonly covers: readonly string[];
}

export interface PointInfo {
  readonly path: DataPath;
  readonly sectionPath: DataPath;
  readonly index: number;
  readonly covers: readonly string[];
}

/** Everything the rules (and the language server's hover, lens and completion) derive from a valid report. */
export interface ReportModel {
  readonly prose: readonly ProseField[];
  readonly references: readonly FigureReference[];
  readonly figures: ReadonlyMap<string, FigureInfo>;
  readonly relations: readonly RelationInfo[];
  readonly sections: readonly SectionInfo[];
  readonly points: readonly PointInfo[];
  /** Kept across checks of one document by an editor; see check-cache.ts. */
  readonly cache: CheckCache | undefined;
  /** What the rules derive from this model, each once (see `Derivation`). */
  readonly derived: Map<Derivation<unknown>, unknown>;
}

/**
 * Something several rules compute from a model, computed once per model and kept on the model itself. (Not in a
 * module-level WeakMap keyed by the model: V8's young-generation collector keeps such a map's values alive, so every
 * check's derived data would be copied and promoted before it could die, and a run of many reports spent a good part
 * of its time collecting garbage.)
 */
export class Derivation<T> {
  constructor(private readonly derive: (model: ReportModel) => T) {}

  of(model: ReportModel): T {
    const derived = model.derived as Map<Derivation<T>, T>;
    let value = derived.get(this);
    if (value === undefined && !derived.has(this)) {
      value = this.derive(model);
      derived.set(this, value);
    }
    return value as T;
  }
}

/**
 * A `{figure}` reference in prose: `{...}` with anything id-like inside; ids that break the id grammar are still
 * found so they can be reported. Everything that looks for references uses this one pattern, so all agree on what
 * a reference is.
 */
export const REFERENCE_PATTERN = /\{([^{}\s]{1,100})\}/g;

export function buildModel(report: ReportData, cache?: CheckCache): ReportModel {
  const prose: ProseField[] = [];
  const sections: SectionInfo[] = [];
  const points: PointInfo[] = [];
  prose.push({ path: ["meta", "title"], text: report.meta.title, kind: "title" });
  if (report.preamble !== undefined) prose.push({ path: ["preamble"], text: report.preamble, kind: "preamble" });

  const visit = (list: readonly Section[], parentPath: DataPath, level: number): void => {
    list.forEach((section, index) => {
      const path = [...parentPath, index];
      sections.push({ path, level, index, section, covers: coveredRequirements(section) });
      prose.push({ path: [...path, "title"], text: section.title, kind: "section-title" });
      if (section.text !== undefined) prose.push({ path: [...path, "text"], text: section.text, kind: "section-text" });
      section.points?.forEach((point, pointIndex) => {
        const pointPath = [...path, "points", pointIndex];
        points.push({ path: pointPath, sectionPath: path, index: pointIndex, covers: coveredRequirements(point) });
        if (point.lead !== undefined) prose.push({ path: [...pointPath, "lead"], text: point.lead, kind: "point-lead" });
        if (point.text !== undefined) prose.push({ path: [...pointPath, "text"], text: point.text, kind: "point-text" });
      });
      if (section.sections) visit(section.sections, [...path, "sections"], level + 1);
    });
  };
  visit(report.sections, ["sections"], 1);
  if (report.closing !== undefined) prose.push({ path: ["closing"], text: report.closing, kind: "closing" });

  const references: FigureReference[] = [];
  for (const field of prose) {
    // Most paragraphs refer to no figure; they need no search.
    if (!field.text.includes("{")) continue;
    for (const match of matchesOf(REFERENCE_PATTERN, field.text)) {
      const start = match.index;
      references.push({ id: match[1] ?? "", path: field.path, start, end: start + match[0].length, inCheck: false });
    }
  }

  const figures = new Map<string, FigureInfo>();
  for (const [id, entry] of Object.entries(report.figures ?? {})) {
    const text = figureValueText(entry);
    const path = ["figures", id];
    figures.set(id, {
      id,
      path,
      valuePath: typeof entry === "string" ? path : [...path, "value"],
      text,
      label: typeof entry === "string" ? undefined : entry.label,
      quantity: cachedQuantity(cache, text),
    });
  }

  const lookup = (id: string) => figures.get(id)?.quantity;
  const relations: RelationInfo[] = (report.checks ?? []).map((source, index) => {
    const path = ["checks", index];
    const parsed = cachedRelation(cache, source);
    if (parsed.ok) {
      for (const reference of parsed.relation.references) {
        references.push({ id: reference.id, path, start: reference.start, end: reference.end, inCheck: true });
      }
    }
    return { index, path, source, parsed, result: parsed.ok ? evaluateRelation(parsed.relation, lookup) : undefined };
  });

  return { prose, references, figures, relations, sections, points, cache, derived: new Map() };
}
