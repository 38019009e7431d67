import type { Diagnostic as CoreDiagnostic, Language, LineIndex } from "@govreport/core";
import type { Diagnostic, DocumentDiagnosticParams, DocumentDiagnosticReport, Position } from "vscode-languageserver";
import { DocumentDiagnosticReportKind } from "vscode-languageserver";
import { convertsToSame, toLspDiagnostic } from "../convert.js";
import { markUnchanging } from "../json-encoder.js";
import type { Analysis, Logger, Workspace } from "../workspace.js";

/** Core diagnostics and their LSP form, index for index. */
export interface ConvertedDiagnostics {
  readonly core: readonly CoreDiagnostic[];
  readonly lsp: readonly Diagnostic[];
}

function comparePositions(a: Position, b: Position): number {
  return a.line - b.line || a.character - b.character;
}

/**
 * The LSP form of `diagnostics`, taking the object from `previous` (converted for the same uri and language)
 * wherever a finding converts to the same thing: after a keystroke that is nearly every finding. Both lists
 * are in reading order, so one pass over each finds the candidates — those starting at the same position.
 * Every object returned is never modified afterwards, so its JSON is encoded once however often it is sent.
 */
export function toLspDiagnostics(
  diagnostics: readonly CoreDiagnostic[],
  lines: LineIndex,
  uri: string,
  language: Language,
  previous?: ConvertedDiagnostics,
): Diagnostic[] {
  const converted: Diagnostic[] = new Array(diagnostics.length);
  let candidate = 0;
  for (let i = 0; i < diagnostics.length; i++) {
    const diagnostic = diagnostics[i] as CoreDiagnostic;
    let lsp: Diagnostic | undefined;
    if (previous) {
      const start = lines.positionAt(diagnostic.range.start);
      while (candidate < previous.lsp.length && comparePositions((previous.lsp[candidate] as Diagnostic).range.start, start) < 0) candidate++;
      for (let j = candidate; j < previous.lsp.length; j++) {
        const before = previous.lsp[j] as Diagnostic;
        if (comparePositions(before.range.start, start) !== 0) break;
        if (convertsToSame(diagnostic, start, lines, language, previous.core[j] as CoreDiagnostic, before)) {
          lsp = before;
          break;
        }
      }
    }
    if (!lsp) {
      lsp = toLspDiagnostic(diagnostic, lines, uri, language);
      markUnchanging(lsp);
    }
    converted[i] = lsp;
  }
  return converted;
}

interface LatestConversion extends ConvertedDiagnostics {
  readonly resultId: string;
  readonly language: Language;
}

/**
 * Each open document's diagnostics in LSP form, remembered for its latest analysis: a pull after a push (or a
 * second pull) converts nothing, and the next version converts only the findings that changed.
 */
export class LspDiagnostics {
  private readonly latest = new Map<string, LatestConversion>();

  of(analysis: Analysis): Diagnostic[] {
    const { result, uri, language, resultId } = analysis;
    const before = this.latest.get(uri);
    if (before && before.resultId === resultId) return [...before.lsp];
    const lsp = toLspDiagnostics(result.diagnostics, result.source.lineIndex, uri, language, before && before.language === language ? before : undefined);
    this.latest.set(uri, { resultId, language, core: result.diagnostics, lsp });
    return [...lsp];
  }

  forget(uri: string): void {
    this.latest.delete(uri);
  }
}

/** textDocument/diagnostic: always the current version, computed now if need be (no debounce on pull). */
export function pullDiagnostics(workspace: Workspace, converter: LspDiagnostics, params: DocumentDiagnosticParams): DocumentDiagnosticReport {
  const analysis = workspace.analysisFor(params.textDocument.uri);
  if (!analysis) return { kind: DocumentDiagnosticReportKind.Full, items: [] };
  if (params.previousResultId !== undefined && params.previousResultId === analysis.resultId) {
    return { kind: DocumentDiagnosticReportKind.Unchanged, resultId: analysis.resultId };
  }
  return { kind: DocumentDiagnosticReportKind.Full, resultId: analysis.resultId, items: converter.of(analysis) };
}

export interface PublishTarget {
  sendDiagnostics(params: { uri: string; version?: number; diagnostics: Diagnostic[] }): void;
}

/**
 * Push diagnostics for clients that do not pull: checks run a short while after the last edit, so a burst of
 * keystrokes costs one check, and a result is published only while its version is still the document's.
 */
export class DiagnosticsPublisher {
  /** Cancels the publish scheduled for each document. */
  private readonly pending = new Map<string, () => void>();

  constructor(
    private readonly workspace: Workspace,
    private readonly converter: LspDiagnostics,
    private readonly target: PublishTarget,
    private readonly log: Logger,
    private readonly currentVersion: (uri: string) => number | undefined,
    readonly delayMs: number,
  ) {}

  schedule(uri: string): void {
    this.cancel(uri);
    const publish = () => {
      this.pending.delete(uri);
      this.publishNow(uri);
    };
    if (this.delayMs > 0) {
      const timer = setTimeout(publish, this.delayMs);
      this.pending.set(uri, () => clearTimeout(timer));
      return;
    }
    // No delay asked for: publish as soon as the changes already received are applied. The connection applies
    // one message per turn of the event loop, each turn after this first hop, so a change already waiting
    // cancels the second hop, and a burst that arrived together still costs one check. A timer of 0 would do
    // the same but wait a millisecond at least.
    let immediate = setImmediate(() => {
      immediate = setImmediate(publish);
    });
    this.pending.set(uri, () => clearImmediate(immediate));
  }

  publishNow(uri: string): void {
    try {
      const analysis = this.workspace.analysisFor(uri);
      if (!analysis || analysis.version === null || analysis.version !== this.currentVersion(uri)) return;
      this.target.sendDiagnostics({ uri, version: analysis.version, diagnostics: this.converter.of(analysis) });
    } catch (error) {
      this.log.error(`publishing diagnostics for ${uri} failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  clear(uri: string): void {
    this.cancel(uri);
    this.target.sendDiagnostics({ uri, diagnostics: [] });
  }

  dispose(): void {
    for (const cancel of this.pending.values()) cancel();
    this.pending.clear();
  }

  private cancel(uri: string): void {
    this.pending.get(uri)?.();
    this.pending.delete(uri);
  }
}
