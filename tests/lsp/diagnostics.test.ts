import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  DiagnosticSeverity,
  DiagnosticTag,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  DocumentDiagnosticRequest,
  FileChangeType,
  type Diagnostic,
  type FullDocumentDiagnosticReport,
} from "vscode-languageserver-protocol/node";
import { examplePath, fileUri, LspClient, readText, repoRoot } from "./harness.js";

const brokenPath = path.join(repoRoot, "examples", "xiqu-2021-broken", "report.yaml");

/** The text a diagnostic's range covers. */
function covered(text: string, diagnostic: Diagnostic): string {
  const lines = text.split("\n");
  const { start, end } = diagnostic.range;
  if (start.line === end.line) return lines[start.line]!.slice(start.character, end.character);
  return [lines[start.line]!.slice(start.character), ...lines.slice(start.line + 1, end.line), lines[end.line]!.slice(0, end.character)].join("\n");
}

/** `# planted: <code> "<text>"` lines at the top of the broken example: what it contains on purpose. */
function planted(text: string): Array<{ code: string; text: string }> {
  return [...text.matchAll(/^# planted: (\S+) (".*")$/gm)].map((m) => ({ code: m[1]!, text: JSON.parse(m[2]!) as string }));
}

describe("diagnostics over stdio", () => {
  let client: LspClient;
  const example = readText(examplePath);
  const exampleUri = fileUri(examplePath);

  beforeAll(async () => {
    client = await LspClient.start({ initializationOptions: { diagnosticsDelayMs: 20 } });
    await client.open(exampleUri, example);
  });
  afterAll(async () => {
    await client.stop();
  });

  it("pushes the example's findings at the lines its header names, with docs links", async () => {
    const { diagnostics, version } = await client.diagnosticsFor(exampleUri, 1);
    expect(version).toBe(1);
    const at = (code: string) => diagnostics.filter((d) => d.code === code);

    // The example keeps the original's slips: the half-width (一), 今年, 职能高效 and "16 件".
    const halfWidth = at("heading-number-half-width");
    expect(halfWidth).toHaveLength(1);
    // The number is a quoted scalar; the finding covers it as written.
    expect(covered(example, halfWidth[0]!)).toBe('"(一)"');
    const thisYear = at("relative-time-word");
    expect(thisYear.map((d) => covered(example, d))).toEqual(["今年"]);
    expect(at("formulation-misquoted").map((d) => covered(example, d))).toEqual(["职能高效"]);
    const sixteen = at("digit-cjk-space").find((d) => example.split("\n")[d.range.start.line]!.includes("litigation.cases: { value: 16 件"));
    expect(sixteen && covered(example, sixteen)).toBe(" ");

    for (const diagnostic of diagnostics) {
      expect(diagnostic.source).toBe("govreport");
      expect(diagnostic.codeDescription?.href).toBe(`https://govreport.dev/rules/${String(diagnostic.code)}`);
    }
    expect(thisYear[0]!.severity).toBe(DiagnosticSeverity.Warning);
    // Chinese by default.
    expect(thisYear[0]!.message).toContain("指代不明");
    // Nothing in the clean example is an error.
    expect(diagnostics.filter((d) => d.severity === DiagnosticSeverity.Error)).toEqual([]);
  });

  it("answers a pull with the same findings, and `unchanged` for the same result id", async () => {
    const pushed = await client.diagnosticsFor(exampleUri, 1);
    const report = (await client.connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri: exampleUri } })) as FullDocumentDiagnosticReport;
    expect(report.kind).toBe("full");
    expect(report.items.map((d) => `${d.range.start.line}:${String(d.code)}`)).toEqual(pushed.diagnostics.map((d) => `${d.range.start.line}:${String(d.code)}`));
    const again = await client.connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri: exampleUri }, previousResultId: report.resultId });
    expect(again.kind).toBe("unchanged");
  });

  it("reports every planted error of the broken example at its planted text, with related locations and tags", async () => {
    const text = readText(brokenPath);
    const uri = fileUri(brokenPath);
    await client.open(uri, text);
    const { diagnostics } = await client.diagnosticsFor(uri, 1);
    const expected = planted(text);
    expect(expected.length).toBeGreaterThan(15);
    for (const { code, text: snippet } of expected) {
      const found = diagnostics.filter((d) => d.code === code);
      expect(found.length, code).toBeGreaterThan(0);
      expect(
        found.some((d) => covered(text, d).includes(snippet) || snippet.includes(covered(text, d))),
        `${code} at "${snippet}": ${found.map((d) => JSON.stringify(covered(text, d))).join(", ")}`,
      ).toBe(true);
    }
    const unused = diagnostics.find((d) => d.code === "figure-unused");
    expect(unused?.tags).toEqual([DiagnosticTag.Unnecessary]);
    expect(diagnostics.find((d) => d.code === "unused-suppression")?.tags).toEqual([DiagnosticTag.Unnecessary]);
    const mismatch = diagnostics.find((d) => d.code === "check-mismatch")!;
    expect(mismatch.severity).toBe(DiagnosticSeverity.Error);
    // The sum's parts point at the figures they come from.
    const related = mismatch.relatedInformation ?? [];
    expect(related.length).toBeGreaterThan(0);
    for (const info of related) expect(info.location.uri).toBe(uri);
    expect(related.map((info) => text.split("\n")[info.location.range.start.line]).join("\n")).toContain("disclosure.");
    await client.close(uri);
  });

  it("publishes only the version the document has when edits come quickly", async () => {
    const uri = "file:///virtual/rapid.report.yaml";
    await client.open(uri, example, 1);
    await client.diagnosticsFor(uri, 1);
    for (let version = 2; version <= 30; version++) {
      await client.replace(uri, example.replace("今年共接受", version % 2 === 0 ? "2021年共接受" : "今年共接受"), version);
    }
    const last = await client.diagnosticsFor(uri, 30);
    expect(last.diagnostics.some((d) => d.code === "relative-time-word")).toBe(false);
    const published = client.diagnostics.filter((p) => p.uri === uri);
    // Debounced: far fewer publishes than edits, in version order, each matching the text of its own version
    // (odd versions still say 今年, even ones 2021年), so nothing was computed for one version and sent for another.
    expect(published.length).toBeLessThan(10);
    const versions = published.map((p) => p.version!);
    expect([...versions].sort((a, b) => a - b)).toEqual(versions);
    for (const p of published) expect(p.diagnostics.some((d) => d.code === "relative-time-word"), `v${p.version}`).toBe(p.version! % 2 === 1);
    await client.close(uri);
  });

  it("follows the language setting and rule severities from the settings", async () => {
    const settingsClient = await LspClient.start({
      initializationOptions: { diagnosticsDelayMs: 0 },
      settings: { language: "en", rules: { "digit-cjk-space": "off", "relative-time-word": "error" } },
    });
    try {
      const uri = "file:///virtual/settings.report.yaml";
      await settingsClient.open(uri, example);
      // The settings arrive through workspace/configuration after `initialized`; the document is checked again then.
      const latest = () => settingsClient.diagnostics.filter((p) => p.uri === uri).at(-1);
      await expect.poll(() => latest()?.diagnostics.some((d) => d.code === "relative-time-word" && d.severity === DiagnosticSeverity.Error), { timeout: 5000 }).toBe(true);
      const { diagnostics } = latest()!;
      expect(diagnostics.some((d) => d.code === "digit-cjk-space")).toBe(false);
      const thisYear = diagnostics.find((d) => d.code === "relative-time-word")!;
      expect(thisYear.message).toBe('"今年" is ambiguous in a report on 2021; write "2021年"');

      // A settings change is picked up: here a profile that overrides the report's own.
      settingsClient.settings = { language: "zh", profile: "no-such-profile" };
      await settingsClient.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: null });
      await expect.poll(() => latest()?.diagnostics.some((d) => d.code === "profile-invalid"), { timeout: 5000 }).toBe(true);
      expect(latest()!.diagnostics.find((d) => d.code === "profile-invalid")!.message).toContain("no-such-profile");
    } finally {
      await settingsClient.stop();
    }
  });
});

describe("files around the report", () => {
  let client: LspClient;
  let dir: string;

  const latest = (uri: string) => client.diagnostics.filter((p) => p.uri === uri).at(-1);

  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), "govreport-lsp-"));
    client = await LspClient.start({ initializationOptions: { diagnosticsDelayMs: 0 } });
  });
  afterAll(async () => {
    await client.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it("applies the nearest govreport.config.yaml and re-checks when it changes", async () => {
    const project = path.join(dir, "project");
    const reports = path.join(project, "reports");
    mkdirSync(reports, { recursive: true });
    const config = path.join(project, "govreport.config.yaml");
    writeFileSync(config, "rules:\n  digit-cjk-space: off\n  relative-time-word: error\n");
    const file = path.join(reports, "2021.report.yaml");
    const text = readText(examplePath);
    writeFileSync(file, text);
    const uri = fileUri(file);
    await client.open(uri, text);
    const first = await client.diagnosticsFor(uri, 1);
    expect(first.diagnostics.some((d) => d.code === "digit-cjk-space")).toBe(false);
    expect(first.diagnostics.find((d) => d.code === "relative-time-word")?.severity).toBe(DiagnosticSeverity.Error);

    writeFileSync(config, "rules:\n  relative-time-word: off\n");
    await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: fileUri(config), type: FileChangeType.Changed }] });
    await expect.poll(() => latest(uri)?.diagnostics.some((d) => d.code === "digit-cjk-space"), { timeout: 5000 }).toBe(true);
    expect(latest(uri)!.diagnostics.some((d) => d.code === "relative-time-word")).toBe(false);

    // A mistake in the config file is shown in the config file, with the rule id it probably meant.
    writeFileSync(config, "rules:\n  relative-time-words: off\n");
    await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: fileUri(config), type: FileChangeType.Changed }] });
    await expect.poll(() => latest(fileUri(config))?.diagnostics.length ?? 0, { timeout: 5000 }).toBeGreaterThan(0);
    const problem = latest(fileUri(config))!.diagnostics[0]!;
    expect(problem.code).toBe("config-invalid");
    expect(problem.range.start.line).toBe(1);
    expect(problem.message).toContain("relative-time-word");
    writeFileSync(config, "rules:\n  relative-time-word: off\n");
    await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: fileUri(config), type: FileChangeType.Changed }] });
    await expect.poll(() => latest(fileUri(config))?.diagnostics.length, { timeout: 5000 }).toBe(0);
    await client.close(uri);
  });

  it("reads last year's report from disk and checks again when it appears", async () => {
    const file = path.join(dir, "2021.report.yaml");
    const previousFile = path.join(dir, "2020.report.yaml");
    const example = readText(examplePath);
    const text = example.replace("profile: fazhi-annual", "profile: fazhi-annual\nprevious: ./2020.report.yaml");
    writeFileSync(file, text);
    const uri = fileUri(file);
    await client.open(uri, text);
    const missing = await client.diagnosticsFor(uri, 1);
    const complaint = missing.diagnostics.find((d) => d.code === "previous-report");
    expect(complaint && covered(text, complaint)).toContain("./2020.report.yaml");

    writeFileSync(previousFile, example.replace("year: 2021", "year: 2020").replaceAll("2021", "2020"));
    await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: fileUri(previousFile), type: FileChangeType.Created }] });
    await expect.poll(() => latest(uri)?.diagnostics.some((d) => d.code === "previous-report"), { timeout: 5000 }).toBe(false);

    // Last year's report open in the editor: its unsaved text counts, and editing it re-checks this one.
    const previousText = readText(previousFile);
    const previousUri = fileUri(previousFile);
    await client.open(previousUri, previousText.replace("year: 2020", "year: 2019"));
    await expect.poll(() => latest(uri)?.diagnostics.find((d) => d.code === "previous-report")?.message ?? "", { timeout: 5000 }).toContain("2019");
    await client.replace(previousUri, previousText, 2);
    await expect.poll(() => latest(uri)?.diagnostics.some((d) => d.code === "previous-report"), { timeout: 5000 }).toBe(false);
    // Closing it re-checks this report against the file on disk; let that publish arrive first.
    const beforeClose = client.diagnostics.length;
    await client.close(previousUri);
    await expect.poll(() => client.diagnostics.slice(beforeClose).some((p) => p.uri === uri), { timeout: 5000 }).toBe(true);

    // A change to an unrelated file re-checks nothing.
    const after = client.diagnostics.length;
    await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: fileUri(path.join(dir, "unrelated.yaml")), type: FileChangeType.Created }] });
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(client.diagnostics.slice(after).filter((p) => p.uri === uri)).toEqual([]);
    await client.close(uri);
  });
});
