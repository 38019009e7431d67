import { pick } from "@govreport/core";
import type { PathAtParams, PathAtResult, PreviewResult, RangeOfPathParams, RangeOfPathResult } from "@govreport/protocol";
import { isDataPath } from "@govreport/protocol";
import { renderHtml, type HtmlMark } from "@govreport/render";
import { toOffset, toRange } from "../convert.js";
import { existingPrefix, pathAtOffset } from "../locate.js";
import { ui } from "../messages.js";
import type { Analysis } from "../workspace.js";

const ESCAPES: Readonly<Record<string, string>> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
}

/**
 * The preview: the renderer's HTML of the report as the editor holds it, with every diagnostic marked on the
 * element rendered from its data path. A file that is not a valid report gets an escaped explanation instead.
 */
export function preview(analysis: Analysis, showDiagnostics: boolean): PreviewResult {
  const { result, language, uri, version } = analysis;
  const report = result.report;
  if (!report) {
    const problems = result.diagnostics.filter((d) => d.severity === "error").slice(0, 20);
    const items = problems.map((d) => {
      const { line, character } = result.source.lineIndex.positionAt(d.range.start);
      return `<li><span class="gr-location">${line + 1}:${character + 1}</span> ${escapeHtml(pick(d.message, language))}</li>`;
    });
    const html = `<div class="gr-root gr-unrenderable"><p>${escapeHtml(pick(ui.previewUnavailable, language))}</p>${items.length ? `<ul>${items.join("")}</ul>` : ""}</div>`;
    return { uri, version, html, title: "" };
  }
  const marks: HtmlMark[] = showDiagnostics
    ? result.diagnostics.map((diagnostic) => ({
        path: diagnostic.path ?? pathAtOffset(result.source, diagnostic.range.start)?.path ?? [],
        severity: diagnostic.severity,
        message: `${pick(diagnostic.message, language)} [${diagnostic.code}]`,
      }))
    : [];
  return { uri, version, html: renderHtml(report, { marks, language }), title: report.meta.title };
}

/** The range of the value at `path`, or of the deepest part of it the document has. */
export function rangeOfPath(analysis: Analysis, params: RangeOfPathParams): RangeOfPathResult {
  if (!isDataPath(params.path)) return null;
  const source = analysis.result.source;
  if (!source.nodeAt([])) return null;
  const existing = existingPrefix(source, params.path);
  return { range: toRange(source.lineIndex, source.rangeOf(existing)), path: existing };
}

export function pathAt(analysis: Analysis, params: PathAtParams): PathAtResult {
  const source = analysis.result.source;
  const hit = pathAtOffset(source, toOffset(source.lineIndex, params.position));
  return hit ? { path: hit.path } : null;
}
