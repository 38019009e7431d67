import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  CodeActionKind,
  CodeActionRequest,
  CodeLensRequest,
  CompletionRequest,
  DefinitionRequest,
  DocumentSymbolRequest,
  FoldingRangeRequest,
  HoverRequest,
  InlayHintRequest,
  PrepareRenameRequest,
  ReferencesRequest,
  RenameRequest,
  type CodeAction,
  type CompletionItem,
  type CompletionList,
  type DocumentSymbol,
  type Hover,
  type Location,
  type Position,
  type TextEdit,
  type WorkspaceEdit,
} from "vscode-languageserver-protocol/node";
import { examplePath, fileUri, fixturesDir, LspClient, lineOf, positionOf, readText, repoRoot } from "./harness.js";

const example = readText(examplePath);
const exampleUri = fileUri(examplePath);
const brokenPath = path.join(repoRoot, "examples", "xiqu-2021-broken", "report.yaml");
const smallPath = path.join(fixturesDir, "small.report.yaml");
const small = readText(smallPath);

function offsetAt(text: string, position: Position): number {
  const lines = text.split("\n");
  let offset = 0;
  for (let i = 0; i < position.line; i++) offset += lines[i]!.length + 1;
  return offset + position.character;
}

/** Applies LSP edits to a text the way an editor does (all ranges refer to the original text). */
function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => offsetAt(text, b.range.start) - offsetAt(text, a.range.start));
  let result = text;
  for (const edit of sorted) result = result.slice(0, offsetAt(text, edit.range.start)) + edit.newText + result.slice(offsetAt(text, edit.range.end));
  return result;
}

function editsOf(edit: WorkspaceEdit | null | undefined, uri: string): TextEdit[] {
  if (!edit) return [];
  if (edit.documentChanges) return edit.documentChanges.flatMap((change) => ("edits" in change && change.textDocument.uri === uri ? change.edits.filter((e): e is TextEdit => "range" in e) : []));
  return edit.changes?.[uri] ?? [];
}

function hoverText(hover: Hover | null): string {
  const contents = hover?.contents;
  return contents && typeof contents === "object" && "value" in contents ? contents.value : "";
}

function items(result: CompletionList | CompletionItem[] | null): CompletionItem[] {
  return Array.isArray(result) ? result : (result?.items ?? []);
}

describe("language features on the example report", () => {
  let client: LspClient;
  let version = 1;
  const request = <R>(run: (c: LspClient) => Promise<R>) => run(client);

  /** Opens a document under a fresh URI, so each test edits its own copy. */
  async function openCopy(text: string, name: string, base = path.dirname(examplePath)): Promise<string> {
    const uri = fileUri(path.join(base, `${name}.report.yaml`));
    await client.open(uri, text, version++);
    return uri;
  }

  beforeAll(async () => {
    client = await LspClient.start({ initializationOptions: { diagnosticsDelayMs: 0 } });
    await client.open(exampleUri, example);
  });
  afterAll(async () => {
    await client.stop();
  });

  describe("hover", () => {
    const hoverAt = (uri: string, position: Position) => request((c) => c.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position }));

    it("on a figure key shows its value, label and the checks it is in", async () => {
      const text = hoverText(await hoverAt(exampleUri, positionOf(example, "review.total: {", 3)));
      expect(text).toContain("`review.total`");
      expect(text).toContain("105份");
      expect(text).toContain("经合法性审查的政府合同、协议及文件");
      expect(text).toContain("✓ `review.total = review.contracts + review.documents`");
    });

    it("on a {reference} in prose and on an id in a check", async () => {
      const reference = hoverText(await hoverAt(exampleUri, positionOf(example, "{litigation.cases}", 5)));
      expect(reference).toContain("16 件");
      expect(reference).toContain("法院开庭审理西区行政诉讼案件");
      const inCheck = hoverText(await hoverAt(exampleUri, positionOf(example, "- mediation.success_rate =", 6)));
      expect(inCheck).toContain("调解成功率");
      expect(inCheck).toContain("✓ `mediation.success_rate = mediation.succeeded / mediation.cases`");
    });

    it("shows an approximate figure's interval, also when hovering its value", async () => {
      const text = hoverText(await hoverAt(exampleUri, positionOf(example, "value: 85 万余元", 9)));
      expect(text).toContain("`wages.complaints.recovered`");
      expect(text).toContain("85 万余元");
      // 85万余元: more than 85万, less than 86万.
      expect(text).toMatch(/85万—86万元/);
    });

    it("marks a failing check with ✗ and says why", async () => {
      const broken = readText(brokenPath);
      const uri = fileUri(brokenPath);
      await client.open(uri, broken, 1);
      const text = hoverText(await hoverAt(uri, positionOf(broken, "disclosure.total: {", 3)));
      expect(text).toContain("✗ `disclosure.total = disclosure.overview + disclosure.news + disclosure.catalogue`");
      expect(text).toContain("合计");
      await client.close(uri);
    });

    it("on a section title names the requirement it fulfils, its official wording and source", async () => {
      const text = hoverText(await hoverAt(exampleUri, positionOf(example, "title: 存在的问题和困难", 9)));
      expect(text).toContain("二、存在的问题和困难");
      expect(text).toContain("`shortcomings`");
      expect(text).toContain("上一年度推进法治政府建设存在的不足和原因");
      expect(text).toContain("《法治政府建设与责任落实督察工作规定》");
    });

    it("on a key shows the schema's description", async () => {
      expect(hoverText(await hoverAt(exampleUri, positionOf(example, "  recipient:", 3)))).toContain("主送机关 — the authority the report is addressed to");
      expect(hoverText(await hoverAt(exampleUri, positionOf(example, "layout: run-in", 2)))).toContain("要点排版");
    });
  });

  describe("completion", () => {
    const complete = async (text: string, marker: string, name: string) => {
      const at = text.indexOf(marker) + marker.length;
      const uri = await openCopy(text.replace(marker, marker), name);
      const before = text.slice(0, at);
      const position = { line: before.split("\n").length - 1, character: at - (before.lastIndexOf("\n") + 1) };
      const result = items(await client.connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position }));
      await client.close(uri);
      return result;
    };

    it("offers figure ids with their values after {", async () => {
      const text = example.replace("按时办复率达 {proposals.on_time_rate}", "按时办复率达 {prop");
      const result = await complete(text, "按时办复率达 {prop", "complete-brace");
      const proposal = result.find((item) => item.label === "proposals.on_time_rate");
      expect(proposal?.detail).toContain("100%");
      expect(proposal?.textEdit && "newText" in proposal.textEdit ? proposal.textEdit.newText : "").toBe("proposals.on_time_rate}");
      expect(result.length).toBe((example.match(/^ {2}[a-z][a-z0-9_.]*: \{ value:/gm) ?? []).length);
    });

    it("offers figure ids inside checks", async () => {
      const text = example.replace("  - platform.full_online_rate <= platform.online_rate", "  - platform.full_online_rate <= platform.online_rate\n  - review.total = rev");
      const result = await complete(text, "review.total = rev", "complete-check");
      expect(result.find((item) => item.label === "review.contracts")?.detail).toContain("45份");
    });

    it("offers the profile's requirements for covers, with their official titles", async () => {
      const text = small.replace("    covers: shortcomings", "    covers: ");
      const result = await complete(text, "    covers: ", "complete-covers");
      expect(result.map((item) => item.label)).toEqual(["measures", "principal-duty", "shortcomings", "plans", "other"]);
      expect(result.find((item) => item.label === "plans")?.detail).toBe("下一年度推进法治政府建设的主要安排");
    });

    it("offers units after a number in a figure value", async () => {
      const text = small.replace("  lawsuits: 45件", "  lawsuits: 45");
      const labels = (await complete(text, "  lawsuits: 45", "complete-unit")).map((item) => item.label);
      expect(labels).toEqual(expect.arrayContaining(["件", "人次", "万元", "%"]));
    });

    it("offers built-in profiles and the keys the schema allows where the cursor is", async () => {
      const profiles = await complete(small.replace("profile: fazhi-annual", "profile: "), "profile: ", "complete-profile");
      expect(profiles.map((item) => item.label)).toContain("fazhi-annual");
      const sectionKeys = (await complete(small.replace("    covers: plans", "    covers: plans\n    la"), "\n    la", "complete-key")).map((item) => item.label);
      expect(sectionKeys).toEqual(expect.arrayContaining(["layout", "points", "sections", "number"]));
      // Keys the section already has are not offered again.
      expect(sectionKeys).not.toContain("title");
      expect(sectionKeys).not.toContain("covers");
      const metaKeys = (await complete(small.replace('  date: "2022-01-28"', '  date: "2022-01-28"\n  '), '"2022-01-28"\n  ', "complete-meta")).map((item) => item.label);
      expect(metaKeys.sort()).toEqual(["contact", "letterhead"]);
    });
  });

  describe("navigation and rename", () => {
    const occurrences = (example.match(/review\.total\b/g) ?? []).length;

    it("goes from a reference to the figure's key", async () => {
      const result = (await client.connection.sendRequest(DefinitionRequest.type, { textDocument: { uri: exampleUri }, position: positionOf(example, "{review.total}", 4) })) as Location[];
      expect(result).toHaveLength(1);
      expect(result[0]!.range.start).toEqual(positionOf(example, "review.total: {"));
    });

    it("finds every use of a figure", async () => {
      const result = (await client.connection.sendRequest(ReferencesRequest.type, {
        textDocument: { uri: exampleUri },
        position: positionOf(example, "- review.total =", 4),
        context: { includeDeclaration: true },
      })) as Location[];
      expect(result).toHaveLength(occurrences);
      const without = (await client.connection.sendRequest(ReferencesRequest.type, {
        textDocument: { uri: exampleUri },
        position: positionOf(example, "- review.total =", 4),
        context: { includeDeclaration: false },
      })) as Location[];
      expect(without).toHaveLength(occurrences - 1);
    });

    it("renames a figure id in its key, the prose and the checks, and the result checks clean", async () => {
      const uri = await openCopy(example, "rename");
      const position = positionOf(example, "{review.total}", 3);
      const prepared = await client.connection.sendRequest(PrepareRenameRequest.type, { textDocument: { uri }, position });
      expect(prepared && "placeholder" in prepared ? prepared.placeholder : undefined).toBe("review.total");
      const edit = await client.connection.sendRequest(RenameRequest.type, { textDocument: { uri }, position, newName: "review.all" });
      const edits = editsOf(edit, uri);
      expect(edits).toHaveLength(occurrences);
      const renamed = applyEdits(example, edits);
      expect(renamed).not.toMatch(/review\.total\b/);
      expect(renamed.match(/review\.all\b/g)).toHaveLength(occurrences);
      const renamedUri = await openCopy(renamed, "renamed");
      const { diagnostics } = await client.diagnosticsFor(renamedUri);
      expect(diagnostics.filter((d) => d.code === "figure-unknown-reference" || d.code === "figure-unused")).toEqual([]);
      await client.close(uri);
      await client.close(renamedUri);
    });

    it("refuses a rename to an invalid or taken id, and outside figure ids", async () => {
      const position = positionOf(example, "{review.total}", 3);
      await expect(client.connection.sendRequest(RenameRequest.type, { textDocument: { uri: exampleUri }, position, newName: "Review Total" })).rejects.toThrow(/数据项编号/);
      await expect(client.connection.sendRequest(RenameRequest.type, { textDocument: { uri: exampleUri }, position, newName: "review.contracts" })).rejects.toThrow(/review\.contracts/);
      await expect(
        client.connection.sendRequest(PrepareRenameRequest.type, { textDocument: { uri: exampleUri }, position: positionOf(example, "title: 存在的问题和困难", 9) }),
      ).rejects.toThrow(/只能重命名数据项编号/);
    });
  });

  describe("outline, folding, hints, lenses", () => {
    it("outlines sections numbered as printed, then figures and checks", async () => {
      const symbols = (await client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri: exampleUri } })) as DocumentSymbol[];
      const names = symbols.map((s) => s.name);
      expect(names).toEqual(["meta", "一、工作开展情况", "二、存在的问题和困难", "三、2022 年度推进法治政府建设的主要安排", "figures", "checks"]);
      const original = readText(path.join(path.dirname(examplePath), "original.txt")).replace(/\s+/g, "");
      const subsections = symbols[1]!.children!.filter((child) => !/^[一二三四五六七八九十]+是/.test(child.name));
      expect(subsections).toHaveLength(8);
      for (const child of [...symbols.slice(1, 4), ...subsections]) expect(original, child.name).toContain(child.name.replace(/\s+/g, ""));
      const points = symbols[1]!.children![0]!.children!.map((point) => point.name);
      expect(points[0]).toBe("一是加强领导压实责任，严格落实第一责任人职责");
      const figureCount = (example.match(/^ {2}[a-z][a-z0-9_.]*: \{ value:/gm) ?? []).length;
      expect(symbols[4]!.children).toHaveLength(figureCount);
      expect(symbols[5]!.children).toHaveLength((example.slice(example.indexOf("\nchecks:")).match(/^ {2}- /gm) ?? []).length);
    });

    it("folds the figures block", async () => {
      const ranges = await client.connection.sendRequest(FoldingRangeRequest.type, { textDocument: { uri: exampleUri } });
      const lines = example.split("\n");
      const lastFigure = lines.findLastIndex((line) => /^ {2}[a-z][a-z0-9_.]*: \{ value:/.test(line));
      expect(ranges).toContainEqual({ startLine: lineOf(example, "figures:"), endLine: lastFigure });
    });

    it("shows each figure's value after its {reference}", async () => {
      const line = lineOf(example, "{litigation.cases}");
      const hints = await client.connection.sendRequest(InlayHintRequest.type, { textDocument: { uri: exampleUri }, range: { start: { line, character: 0 }, end: { line: line + 1, character: 0 } } });
      const after = positionOf(example, "{litigation.cases}", "{litigation.cases}".length);
      expect(hints).toContainEqual(expect.objectContaining({ position: after, label: "16 件" }));
      expect(hints?.every((hint) => hint.position.line === line)).toBe(true);
    });

    it("puts the evaluated check above each check", async () => {
      const lenses = await client.connection.sendRequest(CodeLensRequest.type, { textDocument: { uri: exampleUri } });
      const checks = (example.slice(example.indexOf("\nchecks:")).match(/^ {2}- /gm) ?? []).length;
      expect(lenses).toHaveLength(checks);
      expect(lenses![0]!.command?.title).toBe("✓ 105份 = 45份 + 60份");
      expect(lenses![0]!.range.start.line).toBe(lineOf(example, "- review.total = review.contracts + review.documents"));
      const broken = readText(brokenPath);
      const uri = fileUri(brokenPath);
      await client.open(uri, broken, 1);
      const brokenLenses = await client.connection.sendRequest(CodeLensRequest.type, { textDocument: { uri } });
      const mismatch = brokenLenses!.find((lens) => lens.range.start.line === lineOf(broken, "- disclosure.total = disclosure.overview"));
      expect(mismatch?.command?.title).toMatch(/^✗ /);
      await client.close(uri);
    });
  });

  describe("code actions", () => {
    const actionsAt = (uri: string, start: Position, end: Position = start, only?: string[]) =>
      client.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range: { start, end }, context: { diagnostics: [], ...(only ? { only } : {}) } }) as Promise<CodeAction[]>;

    it("offers the rule's fix as the preferred quick fix", async () => {
      const actions = await actionsAt(exampleUri, positionOf(example, "今年共接受"), positionOf(example, "今年共接受", 2));
      const fix = actions.find((action) => action.kind === CodeActionKind.QuickFix);
      expect(fix?.title).toBe("改为“2021年”");
      expect(fix?.isPreferred).toBe(true);
      expect(fix?.diagnostics?.[0]?.code).toBe("relative-time-word");
      const fixed = applyEdits(example, editsOf(fix?.edit, exampleUri));
      expect(fixed).toContain("2021年共接受公证咨询");
    });

    it("fixes everything safe at once without touching a figure's value", async () => {
      const [fixAll] = await actionsAt(exampleUri, { line: 0, character: 0 }, { line: 0, character: 0 }, [CodeActionKind.SourceFixAll]);
      expect(fixAll?.kind).toBe("source.fixAll.govreport");
      const fixed = applyEdits(example, editsOf(fixAll?.edit, exampleUri));
      const figuresOf = (text: string) => text.slice(text.indexOf("\nfigures:"), text.indexOf("\nchecks:"));
      expect(figuresOf(fixed)).toBe(figuresOf(example));
      const uri = await openCopy(fixed, "fixed-all");
      const { diagnostics } = await client.diagnosticsFor(uri);
      const lines = fixed.split("\n");
      const figuresLine = lineOf(fixed, "figures:");
      const proseSpaces = diagnostics.filter((d) => d.code === "digit-cjk-space" && d.range.start.line < figuresLine);
      expect(proseSpaces.map((d) => lines[d.range.start.line]!.slice(d.range.start.character - 4, d.range.end.character + 4))).toEqual([]);
      // The figures keep their spaces; only an explicit fix on the figure itself changes one.
      expect(diagnostics.filter((d) => d.code === "digit-cjk-space" && d.range.start.line > figuresLine).length).toBeGreaterThan(10);
      await client.close(uri);
    });

    it("changes a figure's value only from that figure's own diagnostic", async () => {
      const actions = await actionsAt(exampleUri, positionOf(example, "value: 16 件", 9));
      const fix = actions.find((action) => action.kind === CodeActionKind.QuickFix);
      expect(fix?.diagnostics?.[0]?.code).toBe("digit-cjk-space");
      expect(applyEdits(example, editsOf(fix?.edit, exampleUri))).toContain("litigation.cases: { value: 16件,");
    });

    it("adds a missing section from the rule's fix", async () => {
      const broken = readText(brokenPath);
      const uri = fileUri(brokenPath);
      await client.open(uri, broken, 1);
      const actions = await actionsAt(uri, positionOf(broken, "\nsections:", 1));
      const add = actions.find((action) => action.diagnostics?.[0]?.code === "section-missing");
      expect(add?.title).toContain("添加");
      const fixed = applyEdits(broken, editsOf(add?.edit, uri));
      await client.close(uri);
      const fixedUri = await openCopy(fixed, "section-added", path.dirname(brokenPath));
      const { diagnostics } = await client.diagnosticsFor(fixedUri);
      expect(diagnostics.filter((d) => d.code === "section-missing")).toEqual([]);
      expect(diagnostics.filter((d) => d.code === "syntax-error" || d.code === "schema-violation")).toEqual([]);
      await client.close(fixedUri);
    });

    /** The diagnostics of a text as "code message" lines, from a copy opened for the purpose. */
    const findings = async (text: string, name: string) => {
      const opened = await openCopy(text, name, fixturesDir);
      const { diagnostics } = await client.diagnosticsFor(opened);
      await client.close(opened);
      return diagnostics.map((d) => `${String(d.code)} ${d.message}`);
    };

    it("extracts a literal quantity in prose to a figure once, through the rule's fix, or uses a figure that says the same", async () => {
      const uri = await openCopy(small, "extract", fixturesDir);
      const actions = await actionsAt(uri, positionOf(small, "45件。", 1));
      const extracting = actions.filter((action) => action.title.includes("提取"));
      expect(extracting).toHaveLength(1);
      expect(extracting[0]!.diagnostics?.[0]?.code).toBe("literal-quantity-unbound");
      const extracted = applyEdits(small, editsOf(extracting[0]!.edit, uri));
      expect(extracted).toMatch(/受理行政诉讼案件\{review\.new_1\}。/);
      expect(extracted).toMatch(/\n {2}review\.new_1: .*45件/);
      const use = actions.find((action) => action.kind === CodeActionKind.RefactorRewrite);
      expect(use?.title).toBe("改为引用数据项 {lawsuits}");
      expect(applyEdits(small, editsOf(use?.edit, uri))).toContain("受理行政诉讼案件{lawsuits}。");
      await client.close(uri);
    });

    it("offers the extraction itself where no rule does", async () => {
      // Without any {reference} in the prose the rule stays quiet; the refactoring is still there.
      const plain = small.replace("{review.cases}", "12件").replace("{review.mediated}", "5件");
      const uri = await openCopy(plain, "extract-plain", fixturesDir);
      const actions = await actionsAt(uri, positionOf(plain, "45件。", 1));
      const extract = actions.find((action) => action.kind === CodeActionKind.RefactorExtract);
      expect(extract?.title).toBe("将“45件”提取为数据项");
      const extracted = applyEdits(plain, editsOf(extract?.edit, uri));
      expect(extracted).toContain("受理行政诉讼案件{prose.new_1}。");
      expect(extracted).toContain("  prose.new_1: { value: 45件, label: 受理行政诉讼案件 }\n");
      await client.close(uri);
      // It brings no new problem; with a figure now in the prose, the rule points out the other literal numbers.
      const before = await findings(plain, "before-extract");
      const added = (await findings(extracted, "after-extract")).filter((entry) => !before.includes(entry));
      expect(added.filter((entry) => !entry.startsWith("literal-quantity-unbound"))).toEqual([]);
      expect(added.filter((entry) => entry.includes("45件"))).toEqual([]);
    });
  });

  describe("preview requests", () => {
    it("renders the report with diagnostics marked where they are", async () => {
      const result = await client.connection.sendRequest<{ uri: string; version: number | null; html: string; title: string }>("govreport/preview", { uri: exampleUri });
      expect(result.uri).toBe(exampleUri);
      expect(result.version).toBe(1);
      expect(result.title).toBe("关于 2021 年度法治政府建设工作情况的报告");
      expect(result.html).toContain('data-path="[&#34;sections&#34;,1,&#34;title&#34;]"');
      expect(result.html).toContain("存在的问题和困难");
      // The relative-time-word finding is marked on the paragraph it is in.
      expect(result.html).toMatch(/gr-mark-warning[^>]*title="[^"]*“今年”指代不明/);
    });

    it("explains instead of rendering a file that is not a report", async () => {
      const uri = await openCopy("format: 1\nmeta: [\n", "not-a-report");
      const result = await client.connection.sendRequest<{ html: string; title: string }>("govreport/preview", { uri });
      expect(result.title).toBe("");
      expect(result.html).toContain("暂时无法预览");
      await client.close(uri);
    });

    it("maps a data path back to its source range, or to the deepest part that exists", async () => {
      const found = await client.connection.sendRequest<{ range: { start: Position }; path: unknown[] }>("govreport/rangeOfPath", { uri: exampleUri, path: ["sections", 1, "title"] });
      expect(found.path).toEqual(["sections", 1, "title"]);
      expect(found.range.start).toEqual(positionOf(example, "存在的问题和困难"));
      const fallback = await client.connection.sendRequest<{ path: unknown[] }>("govreport/rangeOfPath", { uri: exampleUri, path: ["sections", 1, "points", 99, "text"] });
      expect(fallback.path).toEqual(["sections", 1, "points"]);
    });
  });
});
