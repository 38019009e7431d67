import { pick, type Language, type RelationInfo, type ReportModel } from "@govreport/core";
import { describeValue } from "@govreport/core";
import type { CodeLens } from "vscode-languageserver";
import { toRange } from "../convert.js";
import { ui } from "../messages.js";
import type { Analysis } from "../workspace.js";
import { relationMark, relationStatusText } from "./hover.js";

/** Above each declared check, the check with the figures' values in it and whether it holds: `✓ 105份 = 45份 + 60份`. */
export function codeLenses(analysis: Analysis): CodeLens[] {
  const { result, language } = analysis;
  const model = result.model;
  if (!model) return [];
  return model.relations.map((relation) => ({
    range: toRange(result.source.lineIndex, result.source.rangeOf(relation.path)),
    // An empty command id makes the lens a plain label.
    command: { title: lensTitle(relation, model, language), command: "" },
  }));
}

export function lensTitle(relation: RelationInfo, model: ReportModel, language: Language): string {
  if (!relation.parsed.ok) return `✗ ${pick(ui.checkInvalid, language)}`;
  const substituted = withValues(relation, model);
  const evaluation = relation.result;
  if (!evaluation || evaluation.status === "holds") return `${relationMark(relation)} ${substituted}`;
  if (evaluation.status === "fails" && evaluation.left && evaluation.right) {
    const left = pick(describeValue(evaluation.left), language);
    const right = pick(describeValue(evaluation.right), language);
    const sides = language === "zh" ? `（左边 ${left}，右边 ${right}）` : ` (left ${left}, right ${right})`;
    return `✗ ${substituted}${sides}`;
  }
  const reason = pick(relationStatusText(relation), language);
  return `${relationMark(relation)} ${substituted}${language === "zh" ? `（${reason}）` : ` (${reason})`}`;
}

/** The check's text with each figure id replaced by the figure's value as written. */
function withValues(relation: RelationInfo, model: ReportModel): string {
  if (!relation.parsed.ok) return relation.source;
  let text = relation.source;
  const references = [...relation.parsed.relation.references].sort((a, b) => b.start - a.start);
  for (const reference of references) text = text.slice(0, reference.start) + (model.figures.get(reference.id)?.text ?? "?") + text.slice(reference.end);
  return text.replace(/\s+/g, " ").trim();
}
