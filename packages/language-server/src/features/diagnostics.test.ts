import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { check, createCheckCache, type CheckResult } from "@govreport/core";
import { TextDocument } from "vscode-languageserver-textdocument";
import { describe, expect, it } from "vitest";
import { toLspDiagnostic } from "../convert.js";
import { Workspace } from "../workspace.js";
import { DiagnosticsPublisher, LspDiagnostics, toLspDiagnostics } from "./diagnostics.js";

const EXAMPLE = readFileSync(fileURLToPath(new URL("../../../../examples/xiqu-2021/report.yaml", import.meta.url)), "utf8");
const URI = "file:///tmp/reports/2021.report.yaml";

function converted(result: CheckResult, language: "zh" | "en" = "zh") {
  return result.diagnostics.map((diagnostic) => toLspDiagnostic(diagnostic, result.source.lineIndex, URI, language));
}

/** A small deterministic generator, so that a failure can be replayed. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => (state = (Math.imul(state, 1664525) + 1013904223) >>> 0) / 2 ** 32;
}

describe("toLspDiagnostics", () => {
  it("gives what converting afresh gives, across random edits, and reuses what did not change", () => {
    const next = random(7);
    const pieces = ["。", "1", "年", "12件", "\n", " ", "：", "{", "}", "- ", "增长5%", ""];
    const cache = createCheckCache();
    let text = EXAMPLE;
    let before = check(text, { fileName: "/tmp/reports/2021.report.yaml", cache });
    let beforeLsp = toLspDiagnostics(before.diagnostics, before.source.lineIndex, URI, "zh");
    expect(beforeLsp).toEqual(converted(before));
    let reused = 0;
    for (let i = 0; i < 50; i++) {
      const at = Math.floor(next() * text.length);
      const removed = next() < 0.3 ? Math.floor(next() * 4) : 0;
      text = text.slice(0, at) + (pieces[Math.floor(next() * pieces.length)] ?? "") + text.slice(at + removed);
      const after = check(text, { fileName: "/tmp/reports/2021.report.yaml", cache, previousSource: before.source });
      const afterLsp = toLspDiagnostics(after.diagnostics, after.source.lineIndex, URI, "zh", { core: before.diagnostics, lsp: beforeLsp });
      expect(afterLsp).toEqual(converted(after));
      reused += afterLsp.filter((diagnostic) => beforeLsp.includes(diagnostic)).length;
      before = after;
      beforeLsp = afterLsp;
    }
    expect(reused).toBeGreaterThan(0);
  });

  it("reuses every finding a keystroke in prose leaves where it was, and none whose line moved", () => {
    const comma = EXAMPLE.indexOf("，");
    const before = check(EXAMPLE, { fileName: "/tmp/reports/2021.report.yaml" });
    const beforeLsp = toLspDiagnostics(before.diagnostics, before.source.lineIndex, URI, "zh");
    const typed = check(EXAMPLE.slice(0, comma + 1) + "。" + EXAMPLE.slice(comma + 1), { fileName: "/tmp/reports/2021.report.yaml" });
    const typedLsp = toLspDiagnostics(typed.diagnostics, typed.source.lineIndex, URI, "zh", { core: before.diagnostics, lsp: beforeLsp });
    expect(typedLsp).toEqual(converted(typed));
    const typedLine = typed.source.lineIndex.positionAt(comma).line;
    for (const diagnostic of typedLsp.filter((d) => d.range.start.line !== typedLine && d.range.end.line !== typedLine)) {
      expect(beforeLsp).toContain(diagnostic);
    }
    const newline = check(EXAMPLE.slice(0, comma + 1) + "\n" + EXAMPLE.slice(comma + 1), { fileName: "/tmp/reports/2021.report.yaml" });
    const newlineLsp = toLspDiagnostics(newline.diagnostics, newline.source.lineIndex, URI, "zh", { core: before.diagnostics, lsp: beforeLsp });
    expect(newlineLsp).toEqual(converted(newline));
    for (const diagnostic of newlineLsp.filter((d) => d.range.start.line > typedLine)) expect(beforeLsp).not.toContain(diagnostic);
  });
});

describe("LspDiagnostics", () => {
  it("converts an analysis once, and again in the new language after the language setting changes", () => {
    let document = TextDocument.create(URI, "yaml", 1, EXAMPLE);
    const workspace = new Workspace(() => document, { info: () => undefined, warn: () => undefined, error: () => undefined }, () => undefined);
    const lsp = new LspDiagnostics();
    const first = workspace.analysisFor(URI)!;
    const items = lsp.of(first);
    expect(items).toEqual(converted(first.result));
    expect(lsp.of(first)).toEqual(items);
    expect(lsp.of(first).every((diagnostic, i) => diagnostic === items[i])).toBe(true);

    workspace.setSettings({ ...workspace.settings, language: "en" });
    const english = workspace.analysisFor(URI)!;
    expect(lsp.of(english)).toEqual(converted(english.result, "en"));

    document = TextDocument.update(document, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: "# 草稿\n" }], 2);
    const edited = workspace.analysisFor(URI)!;
    expect(lsp.of(edited)).toEqual(converted(edited.result, "en"));

    lsp.forget(URI);
    expect(lsp.of(edited)).toEqual(converted(edited.result, "en"));
  });
});

describe("DiagnosticsPublisher without a delay", () => {
  const turn = () => new Promise<void>((resolve) => setImmediate(resolve));

  it("publishes once for changes applied on consecutive turns of the event loop, for the last version", async () => {
    let document = TextDocument.create(URI, "yaml", 1, EXAMPLE);
    const log = { info: () => undefined, warn: () => undefined, error: () => undefined };
    const workspace = new Workspace(() => document, log, () => undefined);
    const sent: Array<number | undefined> = [];
    const publisher = new DiagnosticsPublisher(workspace, new LspDiagnostics(), { sendDiagnostics: (params) => sent.push(params.version) }, log, () => document.version, 0);
    publisher.schedule(URI);
    for (let version = 2; version <= 4; version++) {
      // The connection applies the next waiting change one turn later, as it does with each message.
      await turn();
      document = TextDocument.update(document, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: "#\n" }], version);
      publisher.schedule(URI);
    }
    for (let i = 0; i < 4; i++) await turn();
    expect(sent).toEqual([4]);
    publisher.dispose();
  });

  it("publishes nothing once cleared or disposed", async () => {
    const document = TextDocument.create(URI, "yaml", 1, EXAMPLE);
    const log = { info: () => undefined, warn: () => undefined, error: () => undefined };
    const workspace = new Workspace(() => document, log, () => undefined);
    const sent: Array<{ version?: number; count: number }> = [];
    const publisher = new DiagnosticsPublisher(workspace, new LspDiagnostics(), { sendDiagnostics: (params) => sent.push({ version: params.version, count: params.diagnostics.length }) }, log, () => document.version, 0);
    publisher.schedule(URI);
    publisher.clear(URI);
    publisher.schedule(URI);
    publisher.dispose();
    for (let i = 0; i < 4; i++) await turn();
    expect(sent).toEqual([{ version: undefined, count: 0 }]);
  });
});
