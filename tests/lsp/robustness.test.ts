import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  CancellationTokenSource,
  CodeActionRequest,
  CodeLensRequest,
  CompletionRequest,
  DidChangeTextDocumentNotification,
  DocumentDiagnosticRequest,
  DocumentSymbolRequest,
  FoldingRangeRequest,
  HoverRequest,
  InlayHintRequest,
  LSPErrorCodes,
  ReferencesRequest,
  RenameRequest,
  type FullDocumentDiagnosticReport,
} from "vscode-languageserver-protocol/node";
import path from "node:path";
import { examplePath, fileUri, LspClient, positionOf, readText, repoRoot } from "./harness.js";

const example = readText(examplePath);

describe("the server under bad input and load", () => {
  let client: LspClient;

  beforeAll(async () => {
    client = await LspClient.start({ initializationOptions: { diagnosticsDelayMs: 10 } });
  });
  afterAll(async () => {
    const code = await client.stop();
    expect(code).toBe(0);
  });

  /** Every request a client may send at `position`, all at once; none may fail. */
  async function everything(uri: string, position = { line: 3, character: 4 }) {
    const c = client.connection;
    const textDocument = { uri };
    const range = { start: { line: 0, character: 0 }, end: { line: 50, character: 0 } };
    return Promise.all([
      c.sendRequest(HoverRequest.type, { textDocument, position }),
      c.sendRequest(CompletionRequest.type, { textDocument, position }),
      c.sendRequest(DocumentSymbolRequest.type, { textDocument }),
      c.sendRequest(FoldingRangeRequest.type, { textDocument }),
      c.sendRequest(InlayHintRequest.type, { textDocument, range }),
      c.sendRequest(CodeLensRequest.type, { textDocument }),
      c.sendRequest(CodeActionRequest.type, { textDocument, range, context: { diagnostics: [] } }),
      c.sendRequest(ReferencesRequest.type, { textDocument, position, context: { includeDeclaration: true } }),
      c.sendRequest(DocumentDiagnosticRequest.type, { textDocument }),
      c.sendRequest("govreport/preview", { uri }),
      c.sendRequest("govreport/rangeOfPath", { uri, path: ["sections", 0] }),
      c.sendRequest("govreport/pathAt", { uri, position }),
    ]);
  }

  it("reports broken YAML as a syntax error and still answers every request", async () => {
    const uri = "file:///virtual/broken.report.yaml";
    const text = 'format: 1\nmeta:\n\ttitle: "unclosed\nsections: [\n  - {a: \n';
    await client.open(uri, text);
    const { diagnostics } = await client.diagnosticsFor(uri, 1);
    expect(diagnostics.some((d) => d.code === "syntax-error")).toBe(true);
    const answers = await everything(uri);
    expect(answers[9]).toMatchObject({ title: "" });
  });

  it("refuses a huge file quickly instead of stalling", async () => {
    const uri = "file:///virtual/huge.report.yaml";
    const line = "# 填充内容，用于测试超大文件的处理。".repeat(4) + "\n";
    const text = example + line.repeat(Math.ceil((5 * 1024 * 1024) / line.length));
    await client.open(uri, text);
    const { diagnostics } = await client.diagnosticsFor(uri, 1);
    expect(diagnostics.map((d) => d.code)).toEqual(["input-too-large"]);
    await everything(uri, { line: 100000, character: 5 });
    await client.close(uri);
  });

  it("survives garbage, empty text, JSON and positions outside the text", async () => {
    const cases: Array<[string, string, string]> = [
      ["file:///virtual/garbage.report.yaml", "\u0000\u0001\uFFFF\uD800 ::: - [ { ] } *alias &anchor !tag %YAML 9", "yaml"],
      ["file:///virtual/empty.report.yaml", "", "yaml"],
      ["file:///virtual/data.report.json", JSON.stringify({ format: 1, profile: "fazhi-annual", sections: "nope" }), "json"],
      ["file:///virtual/scalar.report.yaml", "just a sentence", "yaml"],
      ["file:///virtual/alias-bomb.report.yaml", 'a: &a ["x","x","x","x","x","x","x","x","x"]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: [*d,*d,*d,*d,*d,*d,*d,*d,*d]\n', "yaml"],
    ];
    for (const [uri, text, languageId] of cases) {
      await client.open(uri, text, 1, languageId);
      const { diagnostics } = await client.diagnosticsFor(uri, 1);
      expect(diagnostics.length, uri).toBeGreaterThan(0);
      await everything(uri, { line: 9999, character: 9999 });
      await client.close(uri);
    }
  });

  it("places findings the same in a file with Windows line endings", async () => {
    const lf = "file:///virtual/lf.report.yaml";
    const crlf = "file:///virtual/crlf.report.yaml";
    await client.open(lf, example);
    await client.open(crlf, example.replace(/\n/g, "\r\n"));
    const [a, b] = await Promise.all([client.diagnosticsFor(lf, 1), client.diagnosticsFor(crlf, 1)]);
    const shape = (p: typeof a) => p.diagnostics.map((d) => `${String(d.code)} ${JSON.stringify(d.range)}`);
    expect(shape(b)).toEqual(shape(a));
    await client.close(lf);
    await client.close(crlf);
  });

  it("answers requests about documents it does not have, and malformed custom requests, without failing", async () => {
    const [hover, symbols] = await Promise.all([
      client.connection.sendRequest(HoverRequest.type, { textDocument: { uri: "file:///nowhere.report.yaml" }, position: { line: 0, character: 0 } }),
      client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri: "file:///nowhere.report.yaml" } }),
    ]);
    expect(hover).toBeNull();
    expect(symbols).toEqual([]);
    expect(await client.connection.sendRequest("govreport/preview", {})).toBeNull();
    expect(await client.connection.sendRequest("govreport/preview", { uri: "file:///nowhere/at/all.report.yaml" })).toBeNull();
    expect(await client.connection.sendRequest("govreport/rangeOfPath", { uri: fileUri(examplePath), path: "sections" })).toBeNull();
  });

  it("keeps up with a burst of small edits interleaved with requests, and ends on the last version", async () => {
    const uri = "file:///virtual/typing.report.yaml";
    await client.open(uri, example);
    const start = positionOf(example, "今年共接受");
    let text = example;
    const pending: Array<Promise<unknown>> = [];
    // Type "2021年" over 今年 one character at a time, the way an editor sends it, asking for hovers meanwhile.
    const typed = "2021年";
    text = text.replace("今年共接受", "共接受");
    await client.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version: 2 },
      contentChanges: [{ range: { start, end: { line: start.line, character: start.character + 2 } }, text: "" }],
    });
    for (let i = 0; i < typed.length; i++) {
      const version = 3 + i;
      await client.connection.sendNotification(DidChangeTextDocumentNotification.type, {
        textDocument: { uri, version },
        contentChanges: [{ range: { start: { line: start.line, character: start.character + i }, end: { line: start.line, character: start.character + i } }, text: typed[i]! }],
      });
      pending.push(client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: positionOf(example, "{litigation.cases}", 3) }));
    }
    const hovers = await Promise.all(pending);
    for (const hover of hovers) expect(JSON.stringify(hover)).toContain("16 件");
    const lastVersion = 2 + typed.length;
    const final = await client.diagnosticsFor(uri, lastVersion);
    expect(final.diagnostics.some((d) => d.code === "relative-time-word")).toBe(false);
    const pulled = (await client.connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri } })) as FullDocumentDiagnosticReport;
    expect(pulled.items.map((d) => d.code)).toEqual(final.diagnostics.map((d) => d.code));
    await client.close(uri);
  });

  it("answers a cancelled request as cancelled and goes on", async () => {
    const uri = fileUri(examplePath);
    await client.open(uri, example);
    const source = new CancellationTokenSource();
    const requests = Array.from({ length: 20 }, () =>
      client.connection.sendRequest(RenameRequest.type, { textDocument: { uri }, position: positionOf(example, "{review.total}", 3), newName: "review.all" }, source.token).then(
        () => "answered",
        (error: { code?: number }) => (error.code === LSPErrorCodes.RequestCancelled ? "cancelled" : `failed ${String(error.code)}`),
      ),
    );
    source.cancel();
    const outcomes = await Promise.all(requests);
    expect(outcomes.every((outcome) => outcome === "answered" || outcome === "cancelled")).toBe(true);
    expect(outcomes).toContain("cancelled");
    const hover = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: positionOf(example, "{review.total}", 3) });
    expect(JSON.stringify(hover)).toContain("105份");
    await client.close(uri);
  });

  it("is still alive and has logged no handler failure", () => {
    expect(client.alive).toBe(true);
    expect(client.logs.filter((line) => / failed: /.test(line))).toEqual([]);
  });
});

describe("the command any editor can start", () => {
  it("speaks LSP over stdio from bin/govreport-language-server.cjs, with or without --stdio", async () => {
    const bin = path.join(repoRoot, "packages", "language-server", "bin", "govreport-language-server.cjs");
    for (const command of [[bin, "--stdio"], [bin]]) {
      const client = await LspClient.start({ command });
      expect(client.initializeResult?.serverInfo?.name).toBe("govreport-language-server");
      expect(client.initializeResult?.capabilities.renameProvider).toEqual({ prepareProvider: true });
      const uri = "file:///virtual/bin.report.yaml";
      await client.open(uri, example);
      const { diagnostics } = await client.diagnosticsFor(uri, 1);
      expect(diagnostics.some((d) => d.code === "relative-time-word")).toBe(true);
      expect(await client.stop()).toBe(0);
    }
  });
});
