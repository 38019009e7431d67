import { addFigureEdit, freshFigureId, pick, type DataPath, type ReportModel, type Diagnostic as CoreDiagnostic, type SourceRange, type TextEdit as CoreTextEdit } from "@govreport/core";
import { scanProse } from "@govreport/core";
import { isMap, isPair, type Node } from "yaml";
import { CodeActionKind, type CodeAction, type CodeActionParams, type WorkspaceEdit } from "vscode-languageserver";
import { rangesOverlap, toLspDiagnostic, toSourceRange, toTextEdit } from "../convert.js";
import { pathAtOffset, samePath, startsWith } from "../locate.js";
import { ui } from "../messages.js";
import type { Analysis } from "../workspace.js";

/** The kind of the "fix all" action; editors run it on save when asked for `source.fixAll`. */
export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.govreport`;

export interface CodeActionOptions {
  /** Send edits tied to the document version (the client supports `documentChanges`). */
  readonly versioned: boolean;
}

function wants(only: readonly string[] | undefined, kind: string): boolean {
  if (!only || only.length === 0) return true;
  return only.some((requested) => kind === requested || kind.startsWith(`${requested}.`));
}

export function codeActions(analysis: Analysis, params: CodeActionParams, options: CodeActionOptions): CodeAction[] {
  const only = params.context.only;
  const range = toSourceRange(analysis.result.source.lineIndex, params.range);
  const actions: CodeAction[] = [];
  if (wants(only, CodeActionKind.QuickFix)) actions.push(...quickFixes(analysis, range, options));
  // "Fix all" is offered in the light bulb only when asked for explicitly or next to problems it fixes.
  if (only?.some((kind) => FIX_ALL_KIND.startsWith(kind) && kind.startsWith(CodeActionKind.Source)) || (!only && actions.length > 0)) {
    const fixAll = fixAllAction(analysis, options);
    if (fixAll) actions.push(fixAll);
  }
  if (wants(only, CodeActionKind.RefactorExtract) || wants(only, CodeActionKind.RefactorRewrite)) actions.push(...extractActions(analysis, range, options, only));
  return actions;
}

/** Ranges of figure values; only a fix offered on that figure's own diagnostic may change one. */
function figureValueRanges(analysis: Analysis): Array<{ path: DataPath; range: SourceRange }> {
  const model = analysis.result.model;
  if (!model) return [];
  return [...model.figures.values()].map((figure) => ({ path: figure.path, range: analysis.result.source.rangeOf(figure.valuePath) }));
}

function touchesForeignFigure(edits: readonly CoreTextEdit[], diagnostic: CoreDiagnostic | undefined, figures: ReturnType<typeof figureValueRanges>): boolean {
  return edits.some((edit) =>
    figures.some((figure) => rangesOverlap(edit.range, figure.range) && !(diagnostic?.path && startsWith(diagnostic.path, figure.path))),
  );
}

function workspaceEdit(analysis: Analysis, edits: readonly CoreTextEdit[], versioned: boolean): WorkspaceEdit {
  const lines = analysis.result.source.lineIndex;
  const lspEdits = edits.map((edit) => toTextEdit(lines, edit));
  if (versioned && analysis.version !== null) return { documentChanges: [{ textDocument: { uri: analysis.uri, version: analysis.version }, edits: lspEdits }] };
  return { changes: { [analysis.uri]: lspEdits } };
}

function quickFixes(analysis: Analysis, range: SourceRange, options: CodeActionOptions): CodeAction[] {
  const { result, language, uri } = analysis;
  const figures = figureValueRanges(analysis);
  const actions: CodeAction[] = [];
  result.diagnostics.forEach((diagnostic) => {
    if (diagnostic.fixes.length === 0 || !rangesOverlap(diagnostic.range, range)) return;
    const lsp = toLspDiagnostic(diagnostic, result.source.lineIndex, uri, language);
    let first = true;
    for (const fix of diagnostic.fixes) {
      if (fix.edits.length === 0 || touchesForeignFigure(fix.edits, diagnostic, figures)) continue;
      actions.push({
        title: pick(fix.title, language),
        kind: CodeActionKind.QuickFix,
        diagnostics: [lsp],
        isPreferred: first,
        edit: workspaceEdit(analysis, fix.edits, options.versioned),
      });
      first = false;
    }
  });
  return actions;
}

/**
 * The first safe fix of every problem, as one edit. Edits that overlap one taken earlier are left for the next
 * run, and a figure's value is never changed here: that takes a fix picked on the figure's own problem.
 */
export function fixAllEdits(analysis: Analysis): CoreTextEdit[] {
  const figures = figureValueRanges(analysis);
  const candidates: CoreTextEdit[][] = [];
  for (const diagnostic of analysis.result.diagnostics) {
    const fix = diagnostic.fixes.find((each) => each.safe && each.edits.length > 0 && !touchesForeignFigure(each.edits, undefined, figures));
    if (fix) candidates.push([...fix.edits]);
  }
  const taken: CoreTextEdit[] = [];
  for (const edits of candidates) {
    if (edits.some((edit) => taken.some((other) => rangesOverlap(edit.range, other.range)))) continue;
    taken.push(...edits);
  }
  return taken.sort((a, b) => a.range.start - b.range.start);
}

function fixAllAction(analysis: Analysis, options: CodeActionOptions): CodeAction | undefined {
  const edits = fixAllEdits(analysis);
  if (edits.length === 0) return undefined;
  return { title: pick(ui.fixAll, analysis.language), kind: FIX_ALL_KIND, edit: workspaceEdit(analysis, edits, options.versioned) };
}

/** A literal quantity in prose under the cursor: make it a figure, or use a figure that already says the same. */
function extractActions(analysis: Analysis, range: SourceRange, options: CodeActionOptions, only: readonly string[] | undefined): CodeAction[] {
  const { result, language } = analysis;
  const { model, source } = result;
  if (!model || source.language !== "yaml") return [];
  const hit = pathAtOffset(source, range.start);
  const field = hit && model.prose.find((prose) => samePath(prose.path, hit.path));
  if (!field) return [];
  const actions: CodeAction[] = [];
  // Where a rule already offers the extraction as its fix, the light bulb has it once, from the rule.
  const offeredByRule = result.diagnostics.filter((d) => d.code === "literal-quantity-unbound" && d.fixes.length > 0).map((d) => d.range);
  for (const literal of scanProse(field.text)) {
    const at = source.rangeInString(field.path, literal.start, literal.end);
    if (!rangesOverlap(at, range) || source.textOf(at) !== literal.text) continue;
    if (wants(only, CodeActionKind.RefactorRewrite)) {
      for (const figure of model.figures.values()) {
        if (figure.text.replace(/\s+/g, "") !== literal.text.replace(/\s+/g, "")) continue;
        actions.push({ title: pick(ui.useFigure(figure.id), language), kind: CodeActionKind.RefactorRewrite, edit: workspaceEdit(analysis, [{ range: at, newText: `{${figure.id}}` }], options.versioned) });
      }
    }
    if (wants(only, CodeActionKind.RefactorExtract) && !offeredByRule.some((ruleRange) => rangesOverlap(ruleRange, at))) {
      const id = freshFigureId(model, field.path, literal.start);
      const insert = addFigureEdit(source, id, literal.text, literal.label);
      if (insert) {
        actions.push({
          title: pick(ui.extractFigure(literal.text), language),
          kind: CodeActionKind.RefactorExtract,
          edit: workspaceEdit(analysis, [{ range: at, newText: `{${id}}` }, insert], options.versioned),
        });
      }
    }
  }
  return actions;
}

