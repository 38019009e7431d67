import type { Diagnostic, DocumentDiagnosticParams, DocumentDiagnosticReport } from "vscode-languageserver";
import { DocumentDiagnosticReportKind } from "vscode-languageserver";
import { toLspDiagnostic } from "../convert.js";
import type { Analysis, Logger, Workspace } from "../workspace.js";

export function diagnosticsOf(analysis: Analysis): Diagnostic[] {
  const { result, uri, language } = analysis;
  return result.diagnostics.map((diagnostic) => toLspDiagnostic(diagnostic, result.source.lineIndex, uri, language));
}

/** textDocument/diagnostic: always the current version, computed now if need be (no debounce on pull). */
export function pullDiagnostics(workspace: Workspace, params: DocumentDiagnosticParams): DocumentDiagnosticReport {
  const analysis = workspace.analysisFor(params.textDocument.uri);
  if (!analysis) return { kind: DocumentDiagnosticReportKind.Full, items: [] };
  if (params.previousResultId !== undefined && params.previousResultId === analysis.resultId) {
    return { kind: DocumentDiagnosticReportKind.Unchanged, resultId: analysis.resultId };
  }
  return { kind: DocumentDiagnosticReportKind.Full, resultId: analysis.resultId, items: diagnosticsOf(analysis) };
}

export interface PublishTarget {
  sendDiagnostics(params: { uri: string; version?: number; diagnostics: Diagnostic[] }): void;
}

/**
 * Push diagnostics for clients that do not pull: checks run a short while after the last edit, so a burst of
 * keystrokes costs one check, and a result is published only while its version is still the document's.
 */
export class DiagnosticsPublisher {
  private readonly timers = new Map<string, NodeJS.Timeout>();

  constructor(
    private readonly workspace: Workspace,
    private readonly target: PublishTarget,
    private readonly log: Logger,
    private readonly currentVersion: (uri: string) => number | undefined,
    readonly delayMs: number,
  ) {}

  schedule(uri: string): void {
    const pending = this.timers.get(uri);
    if (pending) clearTimeout(pending);
    const timer = setTimeout(() => {
      this.timers.delete(uri);
      this.publishNow(uri);
    }, this.delayMs);
    this.timers.set(uri, timer);
  }

  publishNow(uri: string): void {
    try {
      const analysis = this.workspace.analysisFor(uri);
      if (!analysis || analysis.version === null || analysis.version !== this.currentVersion(uri)) return;
      this.target.sendDiagnostics({ uri, version: analysis.version, diagnostics: diagnosticsOf(analysis) });
    } catch (error) {
      this.log.error(`publishing diagnostics for ${uri} failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  clear(uri: string): void {
    const pending = this.timers.get(uri);
    if (pending) clearTimeout(pending);
    this.timers.delete(uri);
    this.target.sendDiagnostics({ uri, diagnostics: [] });
  }

  dispose(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
  }
}
