import { citeSource, matchRequirements, pick, type Language, type RelationInfo } from "@govreport/core";
import { describeFailure, describeValue, valueOfQuantity } from "@govreport/core";
import { headingNumber } from "@govreport/render";
import { MarkupKind, type Hover, type Position } from "vscode-languageserver";
import { toOffset, toRange } from "../convert.js";
import { samePath, targetAt, type Target } from "../locate.js";
import { escapeMarkdown, inlineCode } from "../markdown.js";
import { ui } from "../messages.js";
import { reportSchemaIndex } from "../schema-info.js";
import type { Analysis } from "../workspace.js";

export function hover(analysis: Analysis, position: Position): Hover | null {
  const { result } = analysis;
  const target = targetAt(result, toOffset(result.source.lineIndex, position));
  if (!target) return null;
  const markdown = hoverText(analysis, target);
  if (!markdown) return null;
  return { contents: { kind: MarkupKind.Markdown, value: markdown }, range: toRange(result.source.lineIndex, target.range) };
}

function hoverText(analysis: Analysis, target: Target): string | undefined {
  switch (target.kind) {
    case "figure":
      return figureHover(analysis, target.id);
    case "section-title":
      return sectionHover(analysis, target.section.path);
    case "previous":
      return previousHover(analysis);
    case "key":
      return keyHover(analysis, target.path);
    case "value":
      // On a figure's value (or its label) the figure is what the drafter asks about.
      if (target.path[0] === "figures" && target.path.length >= 2 && analysis.result.model?.figures.has(String(target.path[1]))) {
        return figureHover(analysis, String(target.path[1]));
      }
      return coversHover(analysis, target.path);
  }
}

/** ✓ holds, ✗ fails (or cannot hold for its units), ? cannot be decided. */
export function relationMark(relation: RelationInfo): "✓" | "✗" | "?" {
  const status = relation.result?.status;
  if (status === "holds") return "✓";
  if (status === "unresolved" || status === undefined) return "?";
  return "✗";
}

export function relationStatusText(relation: RelationInfo): { zh: string; en: string } {
  switch (relation.result?.status) {
    case "holds":
      return ui.checkHolds;
    case "fails":
      return ui.checkFails;
    case "unit-mismatch":
      return ui.checkUnitMismatch;
    case "division-by-zero":
      return ui.checkDivisionByZero;
    case "unresolved":
      return ui.checkUnresolved;
    default:
      return ui.checkInvalid;
  }
}

function figureHover(analysis: Analysis, id: string): string {
  const { result, language } = analysis;
  const model = result.model;
  const figure = model?.figures.get(id);
  const t = (message: { zh: string; en: string }) => pick(message, language);
  if (!model || !figure) return `**${t(ui.figure)}** ${inlineCode(id)}\n\n${escapeMarkdown(t(ui.unknownFigure(id)))}`;

  const lines = [`**${t(ui.figure)}** ${inlineCode(id)}`, ""];
  lines.push(`${t(ui.value)}：${escapeMarkdown(figure.text)}  `);
  if (figure.quantity.ok) lines.push(`${t(ui.interval)}：${escapeMarkdown(t(describeValue(valueOfQuantity(figure.quantity.quantity))))}  `);
  else lines.push(`${t(ui.interval)}：${t(ui.unreadable)}（${escapeMarkdown(t(figure.quantity.message))}）  `);
  if (figure.label) lines.push(`${t(ui.label)}：${escapeMarkdown(figure.label)}  `);
  const entry = result.report?.figures?.[id];
  if (entry && typeof entry === "object" && entry.note) lines.push(`${t(ui.note)}：${escapeMarkdown(entry.note)}  `);
  const uses = model.references.filter((reference) => reference.id === id && !reference.inCheck).length;
  lines.push(escapeMarkdown(t(ui.usedIn(uses))));

  const relations = model.relations.filter((relation) => relation.parsed.ok && relation.parsed.relation.references.some((reference) => reference.id === id));
  lines.push("", relations.length === 0 ? t(ui.noChecks) : `${t(ui.checks)}：`);
  for (const relation of relations) lines.push(`- ${relationMark(relation)} ${inlineCode(relation.source)}${relationDetail(relation, analysis, language)}`);
  return lines.join("\n");
}

function relationDetail(relation: RelationInfo, analysis: Analysis, language: Language): string {
  if (!relation.result || relation.result.status === "holds") return "";
  const model = analysis.result.model;
  const detail = describeFailure(relation.result, { name: (id) => model?.figures.get(id)?.label });
  return ` — ${escapeMarkdown(pick(detail, language))}`;
}

function sectionHover(analysis: Analysis, path: readonly (string | number)[]): string | undefined {
  const { result, language } = analysis;
  const { report, model, profile } = result;
  const section = model?.sections.find((info) => samePath(info.path, path));
  if (!report || !model || !section) return undefined;
  const t = (message: { zh: string; en: string }) => pick(message, language);
  const number = section.section.number ?? headingNumber(section.level, section.index);
  const lines = [`**${escapeMarkdown(number + section.section.title)}**`, ""];
  const matches = profile ? matchRequirements(report, model, profile).filter((match) => match.parts.some((part) => samePath(part.path, path))) : [];
  for (const match of matches) {
    const part = match.parts.find((each) => samePath(each.path, path));
    lines.push(`${t(ui.requirement)} ${inlineCode(match.requirement.id)}${part ? `（${t(ui.matchedBy(part.by))}）` : ""}  `);
    lines.push(`${t(ui.officialWording)}：${escapeMarkdown(match.requirement.title)}  `);
    lines.push(`${t(ui.source)}：${escapeMarkdown(citeSource(match.requirement.source))}`);
    if (match.requirement.source.note) lines.push(`  \n${escapeMarkdown(match.requirement.source.note)}`);
    lines.push("");
  }
  if (matches.length === 0) {
    if (section.level !== 1) return lines.join("\n").trimEnd();
    lines.push(t(ui.noRequirement));
  }
  return lines.join("\n").trimEnd();
}

function previousHover(analysis: Analysis): string | undefined {
  const previous = analysis.previous;
  if (!previous) return undefined;
  const t = (message: { zh: string; en: string }) => pick(message, analysis.language);
  const header = `**${t(ui.previousReport)}** ${inlineCode(previous.reference)}`;
  if (!previous.file || !previous.exists) return `${header}\n\n${escapeMarkdown(t(ui.previousMissing(previous.file ?? previous.reference)))}`;
  return `${header}\n\n${escapeMarkdown(previous.file)}`;
}

function keyHover(analysis: Analysis, path: readonly (string | number)[]): string | undefined {
  const description = reportSchemaIndex().description(path);
  if (!description) return undefined;
  const key = String(path[path.length - 1]);
  // Chinese first with the English after it; English readers get the English half.
  const shown = analysis.language === "en" && description.includes(" — ") ? description.slice(description.lastIndexOf(" — ") + 3) : description;
  return `${inlineCode(key)}\n\n${escapeMarkdown(shown)}`;
}

/** A requirement id in `covers`: what the profile says it is. */
function coversHover(analysis: Analysis, path: readonly (string | number)[]): string | undefined {
  const coversAt = path.lastIndexOf("covers");
  const profile = analysis.result.profile;
  if (coversAt < 0 || !profile) return undefined;
  const container = analysis.result.source.nodeAt(path);
  const id = container && "value" in container && typeof container.value === "string" ? container.value : undefined;
  const requirement = profile.requirements.find((each) => each.id === id);
  if (!requirement) return undefined;
  const t = (message: { zh: string; en: string }) => pick(message, analysis.language);
  return [
    `**${t(ui.requirementItem)}** ${inlineCode(requirement.id)}`,
    "",
    `${t(ui.officialWording)}：${escapeMarkdown(requirement.title)}  `,
    `${t(ui.source)}：${escapeMarkdown(citeSource(requirement.source))}`,
  ].join("\n");
}
