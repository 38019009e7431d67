import type { DataPath } from "../diagnostic.js";
import type { RuleContext } from "./rule.js";

export interface TextField {
  readonly path: DataPath;
  readonly text: string;
}

/** Every piece of text that gets printed: meta lines, prose, and figure values (which are substituted into prose). */
export function printedTextFields(context: RuleContext): TextField[] {
  const { report, model } = context;
  const fields: TextField[] = [];
  const meta = report.meta;
  if (meta.letterhead !== undefined) fields.push({ path: ["meta", "letterhead"], text: meta.letterhead });
  fields.push({ path: ["meta", "issuer"], text: meta.issuer }, { path: ["meta", "recipient"], text: meta.recipient });
  if (meta.contact) fields.push({ path: ["meta", "contact", "name"], text: meta.contact.name }, { path: ["meta", "contact", "phone"], text: meta.contact.phone });
  for (const field of model.prose) fields.push({ path: field.path, text: field.text });
  for (const figure of model.figures.values()) fields.push({ path: figure.valuePath, text: figure.text });
  return fields;
}

/** Prose and figure values only: where numbers and wording are written. */
export function proseAndFigureFields(context: RuleContext): TextField[] {
  const fields: TextField[] = context.model.prose.map((field) => ({ path: field.path, text: field.text }));
  for (const figure of context.model.figures.values()) fields.push({ path: figure.valuePath, text: figure.text });
  return fields;
}

/** Whether an edit that replaces these characters would change only them, i.e. the source spells them literally. */
export function isLiteralInSource(context: RuleContext, path: DataPath, start: number, end: number): boolean {
  const field = context.source.rangeInString(path, start, end);
  const value = context.source.nodeAt(path);
  const text = value && "value" in value && typeof value.value === "string" ? value.value.slice(start, end) : undefined;
  return text !== undefined && context.source.textOf(field) === text;
}
