import { readdirSync } from "node:fs";
import path from "node:path";
import { pick, type Language, type ReportModel } from "@govreport/core";
import { knownUnitTexts } from "@govreport/core";
import { builtinProfiles, type Profile } from "@govreport/schema";
import { CompletionItemKind, InsertTextFormat, MarkupKind, type CompletionItem, type CompletionList, type Position } from "vscode-languageserver";
import { toOffset, toRange } from "../convert.js";
import { ui } from "../messages.js";
import { reportSchemaIndex, describedIn } from "../schema-info.js";
import { cursorContext, type ContextSegment } from "../yaml-context.js";
import type { Analysis } from "../workspace.js";

/** Keys whose value is prose, where `{` starts a figure reference. */
const PROSE_KEYS = new Set(["text", "lead", "preamble", "closing", "title"]);

export interface CompletionInput {
  /** The analysis of the text as it is now (often not a valid report while typing). */
  readonly current: Analysis;
  /** The latest analysis of this document that was a valid report, for figure ids and the profile. */
  readonly lastValid: Analysis | undefined;
}

export function completion(input: CompletionInput, position: Position, triggerCharacter?: string): CompletionList {
  const { current } = input;
  const source = current.result.source;
  const lines = source.lineIndex;
  const offset = toOffset(lines, position);
  const before = lines.lineText(position.line).slice(0, position.character);
  const model = current.result.model ?? input.lastValid?.result.model;
  const language = current.language;
  const list = (items: CompletionItem[]): CompletionList => ({ isIncomplete: false, items });
  const replace = (start: number) => toRange(lines, { start, end: offset });

  // A space typed for indentation or in the middle of prose asks for nothing.
  if (triggerCharacter === " " && /^\s*$/.test(before)) return list([]);
  const context = cursorContext(lines, offset);
  if (triggerCharacter === " " && context.kind === "text") return list([]);

  const brace = /\{([A-Za-z0-9_.]*)$/.exec(before);
  if (brace && model) {
    const inProse =
      context.kind === "text" ||
      (context.kind === "value" && (/^["']/.test(context.value) || context.value.indexOf("{") > 0 || PROSE_KEYS.has(String(context.path[context.path.length - 1]))));
    if (inProse) {
      const start = offset - (brace[1]?.length ?? 0);
      const closed = lines.lineText(position.line).charAt(position.character) === "}";
      return list(figureItems(model, language, (id) => ({ range: replace(start), newText: closed ? id : `${id}}` })));
    }
  }

  if (context.kind === "text") return list([]);

  const path = context.path;
  const last = path[path.length - 1];
  const profile = current.result.profile ?? input.lastValid?.result.profile ?? profileNamedIn(source.text);

  if (context.kind === "value") {
    const word = /[A-Za-z0-9_.\-]*$/.exec(context.value)?.[0] ?? "";
    const wordStart = offset - word.length;
    if (last === "covers" || (last === "*" && path[path.length - 2] === "covers")) return list(requirementItems(profile, language, replace(wordStart)));
    if (path.length === 2 && path[0] === "checks" && last === "*" && model) return list(figureItems(model, language, (id) => ({ range: replace(wordStart), newText: id })));
    if (path.length === 1 && last === "profile") return list(profileItems(language, replace(offset - context.value.length)));
    if (path.length === 1 && last === "previous") return list(previousItems(current, replace(offset - context.value.length)));
    if (path[0] === "figures" && (path.length === 2 || (path.length === 3 && last === "value"))) {
      if (/[0-9０-９零一二三四五六七八九十百千万亿两][余多]?\s*$/.test(context.value)) return list(unitItems(language, toRange(lines, { start: offset, end: offset })));
      return list([]);
    }
    return list(literalItems(schemaPath(path), replace(offset - context.value.length)));
  }

  // A key, or a list item that may be a plain value.
  const wordRange = replace(context.wordStart);
  if (last === "*" && path.length === 2 && path[0] === "checks" && model) return list(figureItems(model, language, (id) => ({ range: wordRange, newText: id })));
  if (last === "*" && path[path.length - 2] === "covers") return list(requirementItems(profile, language, wordRange));
  if (path.length === 1 && path[0] === "figures" && model) return list(undeclaredFigureItems(model, language, wordRange));
  if (current.result.source.language !== "yaml") return list([]);
  const schema = reportSchemaIndex();
  const taken = new Set(context.siblings);
  const items = schema
    .properties(schemaPath(path))
    .filter((property) => !taken.has(property.name))
    .map((property): CompletionItem => {
      const description = typeof property.schema.description === "string" ? property.schema.description : "";
      const kinds = schema.kinds(schemaPath([...path, property.name]));
      const nested = kinds.has("object") || kinds.has("array");
      return {
        label: property.name,
        kind: CompletionItemKind.Property,
        detail: description ? describedIn(description, language) : undefined,
        documentation: description ? { kind: MarkupKind.PlainText, value: description } : undefined,
        sortText: `${property.required ? "0" : "1"}${property.name}`,
        textEdit: { range: wordRange, newText: nested ? `${property.name}:` : `${property.name}: ` },
        insertTextFormat: InsertTextFormat.PlainText,
      };
    });
  return list(items);
}

function schemaPath(path: readonly ContextSegment[]): ContextSegment[] {
  return [...path];
}

function figureItems(model: ReportModel, language: Language, edit: (id: string) => { range: ReturnType<typeof toRange>; newText: string }): CompletionItem[] {
  return [...model.figures.values()].map((figure) => ({
    label: figure.id,
    kind: CompletionItemKind.Constant,
    detail: figure.label ? `${figure.text} · ${figure.label}` : figure.text,
    labelDetails: { description: figure.text },
    textEdit: edit(figure.id),
    filterText: figure.id,
    documentation: figure.label ? { kind: MarkupKind.PlainText, value: `${pick(ui.label, language)}：${figure.label}` } : undefined,
  }));
}

/** In `figures:`, ids the prose refers to but no figure declares yet. */
function undeclaredFigureItems(model: ReportModel, language: Language, range: ReturnType<typeof toRange>): CompletionItem[] {
  const missing = new Set(model.references.filter((reference) => !model.figures.has(reference.id)).map((reference) => reference.id));
  return [...missing].map((id) => ({
    label: id,
    kind: CompletionItemKind.Constant,
    detail: pick(ui.unknownFigure(id), language),
    textEdit: { range, newText: `${id}: ` },
  }));
}

function requirementItems(profile: Profile | undefined, language: Language, range: ReturnType<typeof toRange>): CompletionItem[] {
  if (!profile) return [];
  return profile.requirements.map((requirement, index) => ({
    label: requirement.id,
    kind: CompletionItemKind.EnumMember,
    detail: requirement.title,
    labelDetails: { description: requirement.title },
    documentation: { kind: MarkupKind.PlainText, value: `${pick(ui.requirementItem, language)}：${requirement.title}` },
    sortText: String(index).padStart(3, "0"),
    textEdit: { range, newText: requirement.id },
  }));
}

function profileItems(language: Language, range: ReturnType<typeof toRange>): CompletionItem[] {
  return [...builtinProfiles.values()].map((profile) => ({
    label: profile.id,
    kind: CompletionItemKind.Module,
    detail: profile.name,
    documentation: { kind: MarkupKind.PlainText, value: `${pick(ui.profileItem, language)}：${profile.name}${profile.description ? `\n${profile.description}` : ""}` },
    textEdit: { range, newText: profile.id },
  }));
}

/** Other report-data files in the report's folder, for `previous:`. */
function previousItems(current: Analysis, range: ReturnType<typeof toRange>): CompletionItem[] {
  if (!current.fileName) return [];
  const folder = path.dirname(current.fileName);
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch {
    return [];
  }
  const own = path.basename(current.fileName);
  return names
    .filter((name) => name !== own && /\.report\.(ya?ml|json)$/i.test(name))
    .slice(0, 200)
    .map((name) => ({ label: `./${name}`, kind: CompletionItemKind.File, textEdit: { range, newText: `./${name}` } }));
}

/** Money is mostly written with a scale word: 17.46万元, 近10亿元. */
const SCALED_UNITS = ["万元", "亿元"];

function unitItems(language: Language, range: ReturnType<typeof toRange>): CompletionItem[] {
  const units = knownUnitTexts();
  return [...units, ...SCALED_UNITS.filter((unit) => !units.includes(unit))].map((unit, index) => ({
    label: unit,
    kind: CompletionItemKind.Unit,
    detail: pick(ui.unitItem, language),
    sortText: String(index).padStart(4, "0"),
    textEdit: { range, newText: unit },
  }));
}

function literalItems(path: ContextSegment[], range: ReturnType<typeof toRange>): CompletionItem[] {
  return reportSchemaIndex()
    .literalValues(path)
    .map((value) => ({ label: String(value), kind: CompletionItemKind.Value, textEdit: { range, newText: String(value) } }));
}

/** While the report does not parse, the profile it names (a built-in id) still tells what `covers` may say. */
function profileNamedIn(text: string): Profile | undefined {
  const named = /^profile:\s*["']?([a-z][a-z0-9-]*)["']?\s*(#.*)?$/m.exec(text)?.[1];
  return named ? builtinProfiles.get(named) : undefined;
}
