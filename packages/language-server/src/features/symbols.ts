import { pick, type DataPath, type SourceRange } from "@govreport/core";
import { headingNumber, pointMarker } from "@govreport/render";
import { isMap, isPair, isScalar, type Node } from "yaml";
import { SymbolKind, type DocumentSymbol } from "vscode-languageserver";
import { toRange } from "../convert.js";
import { figureKeyRange, samePath, startsWith } from "../locate.js";
import { ui } from "../messages.js";
import type { Analysis } from "../workspace.js";

const MAX_NAME = 60;

function shorten(text: string): string {
  const line = text.replace(/\s+/g, " ").trim();
  return line.length > MAX_NAME ? `${line.slice(0, MAX_NAME - 1)}…` : line;
}

/**
 * The outline: sections numbered as they will be printed (一、 （一） 1. （1）), their points (一是 …), then the
 * header, the figures and the checks, in the order they stand in the file.
 */
export function documentSymbols(analysis: Analysis): DocumentSymbol[] {
  const { result, language } = analysis;
  const { source, model, report } = result;
  const lines = source.lineIndex;
  const symbol = (name: string, detail: string | undefined, kind: SymbolKind, range: SourceRange, selection: SourceRange, children?: DocumentSymbol[]): DocumentSymbol => {
    // Editors reject a selection outside the range, and an empty name.
    const inside = selection.start >= range.start && selection.end <= range.end ? selection : { start: range.start, end: range.start };
    const item: DocumentSymbol = { name: name.trim() === "" ? "—" : name, kind, range: toRange(lines, range), selectionRange: toRange(lines, inside) };
    if (detail) item.detail = detail;
    if (children && children.length > 0) item.children = children;
    return item;
  };
  const entryRange = (path: DataPath): SourceRange => {
    const key = source.keyRangeOf(path);
    const value = source.rangeOf(path);
    return { start: Math.min(key.start, value.start), end: Math.max(key.end, value.end) };
  };

  if (!model || !report) return genericSymbols(analysis);

  const sectionSymbols = (parent: DataPath): DocumentSymbol[] =>
    model.sections
      .filter((info) => info.path.length === parent.length + 1 && startsWith(info.path, parent))
      .map((info) => {
        const number = info.section.number ?? headingNumber(info.level, info.index);
        const points = model.points
          .filter((point) => samePath(point.sectionPath, info.path))
          .map((point) => {
            const lead = pointText(point.path, analysis);
            return symbol(`${pointMarker(point.index)}${lead ? shorten(lead) : ""}`, undefined, SymbolKind.EnumMember, source.rangeOf(point.path), source.rangeOf(point.path));
          });
        const children = [...points, ...sectionSymbols([...info.path, "sections"])];
        return symbol(`${number}${shorten(info.section.title)}`, info.covers.join(", ") || undefined, SymbolKind.Namespace, source.rangeOf(info.path), source.rangeOf([...info.path, "title"]), children);
      });

  const symbols: DocumentSymbol[] = [];
  symbols.push(symbol("meta", shorten(report.meta.title), SymbolKind.Module, entryRange(["meta"]), source.keyRangeOf(["meta"])));
  symbols.push(...sectionSymbols(["sections"]));
  if (report.figures) {
    const figures = [...model.figures.values()].map((figure) =>
      symbol(figure.id, figure.label ? `${figure.text} · ${figure.label}` : figure.text, SymbolKind.Constant, entryRange(figure.path), figureKeyRange(source, figure)),
    );
    symbols.push(symbol("figures", pick(ui.figureCount(figures.length), language), SymbolKind.Module, entryRange(["figures"]), source.keyRangeOf(["figures"]), figures));
  }
  if (report.checks) {
    const checks = model.relations.map((relation) => symbol(shorten(relation.source), undefined, SymbolKind.Operator, source.rangeOf(relation.path), source.rangeOf(relation.path)));
    symbols.push(symbol("checks", pick(ui.checkCount(checks.length), language), SymbolKind.Module, entryRange(["checks"]), source.keyRangeOf(["checks"]), checks));
  }
  return symbols.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
}

function pointText(path: DataPath, analysis: Analysis): string | undefined {
  const node = analysis.result.source.nodeAt([...path, "lead"]) ?? analysis.result.source.nodeAt([...path, "text"]);
  return node && isScalar(node) && typeof node.value === "string" ? node.value : undefined;
}

/** A file that is not (yet) a valid report still gets its top-level keys, so the outline does not go blank while typing. */
function genericSymbols(analysis: Analysis): DocumentSymbol[] {
  const source = analysis.result.source;
  const root = source.nodeAt([]) as Node | undefined;
  if (!root || !isMap(root)) return [];
  const lines = source.lineIndex;
  const symbols: DocumentSymbol[] = [];
  for (const item of root.items) {
    if (!isPair(item) || !isScalar(item.key) || !item.key.range) continue;
    const key = item.key.range;
    const end = (item.value as Node | null)?.range?.[1] ?? key[1];
    const range = { start: key[0], end: Math.max(end, key[1]) };
    symbols.push({ name: String(item.key.value) || "—", kind: SymbolKind.Module, range: toRange(lines, range), selectionRange: toRange(lines, { start: key[0], end: key[1] }) });
  }
  return symbols;
}
