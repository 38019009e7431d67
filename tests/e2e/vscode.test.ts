import * as fs from "node:fs";
import * as path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chromium, type Browser, type Frame, type Page } from "playwright-core";
import {
  ARTIFACTS_DIR,
  REPO_ROOT,
  ensureTools,
  makeTempDir,
  packageExtension,
  prepareWorkspace,
  sleep,
  startCodeServer,
  type CodeServer,
  type Workspace,
} from "./harness.js";

/**
 * The extension inside a real VS Code: code-server 4.139 (on Node 24) driven by Debian's Chromium.
 * It installs the packaged .vsix, opens a copy of examples/, and checks what a drafter sees: the Problems
 * panel, a quick fix, the print preview, click-to-source and live update.
 *
 * It is part of every full test run (about a minute; several the first time, to install code-server). To skip it
 * while iterating on something else: GOVREPORT_E2E=0 pnpm test
 * GOVREPORT_E2E_VSIX=<file> tests a given package instead of building one; GOVREPORT_E2E_EXPECTED=<file>
 * replaces expected.json; GOVREPORT_E2E_README_IMAGES=1 also writes the screenshots the extension README uses.
 * Screenshots (and one per failed step) go to test-artifacts/e2e/.
 */

const enabled = process.env.GOVREPORT_E2E !== "0";
/** The screenshots extensions/vscode/README.md shows. */
const README_IMAGES = new Set(["problems", "quick-fix", "preview"]);

interface ExpectedDiagnostic {
  file: string;
  code: string;
  severity: "error" | "warning" | "info";
  line?: number;
  minCount: number;
}
interface Expected {
  diagnostics: ExpectedDiagnostic[];
  quickFix: { file: string; code: string; line: number; title: string; lineBefore: string; lineAfter: string };
  preview: { file: string; title: string };
}

/** One row of the Problems panel, as read from its DOM. */
interface ProblemRow {
  /** Position among the panel's rendered rows, file headers included. */
  index: number;
  file: string;
  severity: string;
  message: string;
  code: string;
  line: number;
  column: number;
}

const expected: Expected = JSON.parse(
  fs.readFileSync(process.env.GOVREPORT_E2E_EXPECTED || path.join(__dirname, "expected.json"), "utf8"),
) as Expected;

describe.skipIf(!enabled)("the extension in VS Code (code-server)", () => {
  let tmp = "";
  let workspace: Workspace;
  let server: CodeServer | undefined;
  let browser: Browser | undefined;
  let page: Page;

  /** Runs a step; on failure saves a screenshot and adds the server log, so a red run explains itself. */
  async function step<T>(name: string, action: () => Promise<T>): Promise<T> {
    try {
      return await action();
    } catch (error) {
      const shot = path.join(ARTIFACTS_DIR, `failure-${name.replace(/[^a-z0-9]+/gi, "-")}.png`);
      await page?.screenshot({ path: shot }).catch(() => undefined);
      const rows = await problemRows().catch(() => []);
      throw new Error(
        `${name}: ${(error as Error).message}\n` +
          `screenshot: ${path.relative(REPO_ROOT, shot)}\n` +
          `Problems panel: ${JSON.stringify(rows, null, 1)}\n` +
          `code-server log (tail):\n${server?.logTail(30) ?? ""}`,
      );
    }
  }

  async function screenshot(name: string): Promise<void> {
    const file = path.join(ARTIFACTS_DIR, `${name}.png`);
    await page.screenshot({ path: file });
    if (process.env.GOVREPORT_E2E_README_IMAGES === "1" && README_IMAGES.has(name)) {
      fs.copyFileSync(file, path.join(REPO_ROOT, "extensions", "vscode", "images", `${name}.png`));
    }
  }

  /** Closes whatever a previous step may have left open (a menu, a dialog, a quick input). */
  async function dismiss(): Promise<void> {
    for (let i = 0; i < 2; i++) {
      await page.keyboard.press("Escape");
      await sleep(100);
    }
  }

  async function runCommand(title: string): Promise<void> {
    await dismiss();
    await page.keyboard.press("F1");
    const input = page.locator(".quick-input-widget input");
    await input.waitFor({ state: "visible", timeout: 10_000 });
    await input.fill(`>${title}`);
    await page.locator(".quick-input-widget .monaco-list-row", { hasText: title }).first().waitFor({ timeout: 10_000 });
    await page.keyboard.press("Enter");
  }

  async function openFile(relative: string): Promise<void> {
    await dismiss();
    await page.keyboard.press("Control+P");
    const input = page.locator(".quick-input-widget input");
    await input.waitFor({ state: "visible", timeout: 10_000 });
    await input.fill(relative);
    const name = path.posix.basename(relative);
    const exact = new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}$`);
    // Pick the row whose name is exactly this file: fuzzy matching may rank a longer name first, and the list
    // re-sorts as the search completes, so wait for it, then move the keyboard focus to the row and open it.
    const rows = page.locator(".quick-input-widget .monaco-list-row");
    const exactRow = rows.filter({ has: page.locator(".label-name", { hasText: exact }) }).first();
    // The first file search of a session indexes the workspace and takes several seconds.
    await exactRow.waitFor({ timeout: 30_000 });
    await sleep(700);
    for (let attempt = 0; ; attempt++) {
      const focused = rows.filter({ has: page.locator(".label-name", { hasText: exact }) }).and(page.locator(".focused"));
      if ((await focused.count()) > 0) break;
      if (attempt >= 15) throw new Error(`quick open does not offer ${relative}`);
      await page.keyboard.press("ArrowDown");
      await sleep(100);
    }
    await page.keyboard.press("Enter");
    await page.locator(`.tabs-container .tab.active[data-resource-name=${JSON.stringify(name)}]`).waitFor({ timeout: 15_000 });
    await page.locator(".monaco-editor .view-lines").first().waitFor({ timeout: 15_000 });
  }

  interface RawRow {
    index: number;
    aria: string;
    text: string;
  }

  async function renderedRows(): Promise<RawRow[]> {
    return page.$$eval(".markers-panel .monaco-list-row", (rows) =>
      rows.map((row) => ({
        index: Number(row.getAttribute("data-index") ?? -1),
        aria: row.getAttribute("aria-label") ?? "",
        text: (row as HTMLElement).innerText,
      })),
    );
  }

  /** Rows in list order; a marker row belongs to the file header above it. Related-location rows have no severity. */
  function parseRows(raw: RawRow[]): ProblemRow[] {
    const out: ProblemRow[] = [];
    let file = "";
    for (const row of [...raw].sort((a, b) => a.index - b.index)) {
      const fileMatch = /problems? in file (.+?) of folder (.+)$/.exec(row.aria);
      if (fileMatch) {
        file = `${fileMatch[2]}/${fileMatch[1]}`;
        continue;
      }
      const severity = /^(Error|Warning|Info)\b/.exec(row.aria)?.[1]?.toLowerCase() ?? "";
      const lines = row.text.split("\n").map((line) => line.trim());
      const position = /\[Ln (\d+), Col (\d+)\]/.exec(row.text);
      // innerText lists message, source, code, position on separate lines.
      out.push({
        index: row.index,
        file,
        severity,
        message: lines[0] ?? "",
        code: lines.find((line) => /^[a-z][a-z0-9-]*$/.test(line) && line !== "govreport") ?? "",
        line: Number(position?.[1] ?? 0),
        column: Number(position?.[2] ?? 0),
      });
    }
    return out;
  }

  /** The rows the Problems panel shows right now (for failure reports). */
  async function problemRows(): Promise<ProblemRow[]> {
    return parseRows(await renderedRows());
  }

  /**
   * Every row of the Problems panel under `filter` (text such as a rule id; empty for all). The panel renders
   * only the rows in view, so the list is scrolled from top to bottom and the rows are collected by index.
   */
  async function allProblemRows(filter: string): Promise<ProblemRow[]> {
    const box = page.getByPlaceholder(/^Filter \(e\.g\./).first();
    if ((await box.inputValue()) !== filter) {
      await box.fill(filter);
      await sleep(400);
    }
    const seen = new Map<number, RawRow>();
    const list = page.locator(".markers-panel .monaco-list").first();
    if ((await list.count()) === 0) return [];
    await list.hover({ position: { x: 200, y: 10 } });
    await page.mouse.wheel(0, -1_000_000);
    await sleep(100);
    for (let step = 0; step < 500; step++) {
      const before = seen.size;
      for (const row of await renderedRows()) seen.set(row.index, row);
      if (step > 0 && seen.size === before) break;
      await page.mouse.wheel(0, 150);
      await sleep(60);
    }
    return parseRows([...seen.values()]);
  }

  /** The panel names a file by its name and folder; the workspace path ends with both. */
  function sameFile(shown: string, workspacePath: string): boolean {
    return workspacePath === shown || workspacePath.endsWith(`/${shown}`);
  }

  function matching(rows: ProblemRow[], want: ExpectedDiagnostic): ProblemRow[] {
    return rows.filter(
      (row) =>
        row.code === want.code &&
        row.severity === want.severity &&
        sameFile(row.file, want.file) &&
        (want.line === undefined || row.line === want.line),
    );
  }

  async function previewFrame(predicate: (frame: Frame) => Promise<boolean>, timeout: number): Promise<Frame> {
    const deadline = Date.now() + timeout;
    while (Date.now() < deadline) {
      for (const frame of page.frames()) {
        if (await predicate(frame).catch(() => false)) return frame;
      }
      await sleep(250);
    }
    throw new Error(`no webview frame matched within ${timeout / 1000} s`);
  }

  async function statusLine(): Promise<number | undefined> {
    const texts = await page.$$eval(".statusbar-item", (items) => items.map((item) => (item as HTMLElement).innerText));
    for (const text of texts) {
      const match = /Ln (\d+), Col (\d+)/.exec(text);
      if (match) return Number(match[1]);
    }
    return undefined;
  }

  beforeAll(async () => {
    fs.mkdirSync(ARTIFACTS_DIR, { recursive: true });
    const tools = ensureTools();
    tmp = makeTempDir();
    const vsix = packageExtension(tmp);
    workspace = prepareWorkspace(path.join(tmp, "ws"));
    const files = new Set(workspace.files.values());
    for (const file of [...expected.diagnostics.map((d) => d.file), expected.quickFix.file, expected.preview.file]) {
      if (!files.has(file)) throw new Error(`expected.json names ${file}, which the workspace copy of examples/ does not have: ${[...files].join(", ")}`);
    }
    server = await startCodeServer(tools, tmp, vsix, workspace.dir);
    browser = await chromium.launch({
      executablePath: tools.chromium,
      headless: true,
      args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    });
    page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    page.setDefaultTimeout(30_000);
    await page.goto(`${server.url}/?folder=${encodeURIComponent(workspace.dir)}`);
    await page.locator(".monaco-workbench").waitFor({ timeout: 90_000 });
    await page.locator(".explorer-folders-view .monaco-list-row").first().waitFor({ timeout: 60_000 });
  }, 20 * 60_000);

  afterAll(async () => {
    await browser?.close().catch(() => undefined);
    await server?.stop();
    if (tmp !== "" && process.env.GOVREPORT_E2E_KEEP !== "1") fs.rmSync(tmp, { recursive: true, force: true });
  }, 60_000);

  it("highlights a report-data file with the YAML grammar under its own language", async () => {
    await step("open the report", () => openFile(expected.preview.file));
    const language = await page.locator(".statusbar-item", { hasText: /^Report Data$|^报告数据$/ }).count();
    expect(language, "status bar shows the govreport-report language").toBeGreaterThan(0);
    // Tokenisation runs after the text shows; give the grammar a moment before counting colours.
    let tokenClasses = 0;
    for (let attempt = 0; attempt < 40 && tokenClasses < 3; attempt++) {
      await sleep(250);
      tokenClasses = await page.$$eval(".monaco-editor .view-lines span[class^=mtk]", (spans) => new Set(spans.map((s) => s.className)).size);
    }
    expect(tokenClasses, "distinct token colours in the editor").toBeGreaterThanOrEqual(3);
    await screenshot("editor");
  }, 120_000);

  it("lists the expected diagnostics in the Problems panel", async () => {
    // The server checks the documents the editor has open.
    for (const file of new Set(expected.diagnostics.map((want) => want.file))) await step(`open ${file}`, () => openFile(file));
    await page.keyboard.press("Control+Shift+M");
    await page.getByPlaceholder(/^Filter \(e\.g\./).first().waitFor({ timeout: 15_000 });
    const missing = await step("wait for the expected diagnostics", async () => {
      const deadline = Date.now() + 90_000;
      let pending: ExpectedDiagnostic[] = expected.diagnostics;
      while (Date.now() < deadline) {
        const rows = await allProblemRows("");
        pending = expected.diagnostics.filter((want) => matching(rows, want).length < want.minCount);
        if (pending.length === 0) break;
        await sleep(1000);
      }
      return pending;
    });
    expect(missing, "expected diagnostics not in the Problems panel after 90 s").toEqual([]);
    const rows = await allProblemRows("");
    for (const row of rows.filter((r) => r.severity !== "")) expect(row.message, "every problem has a message").not.toBe("");
    await page.mouse.wheel(0, -1_000_000);
    await sleep(300);
    await screenshot("problems");
  }, 240_000);

  it("applies a quick fix from the editor", async () => {
    const fix = expected.quickFix;
    const atLine = (rows: ProblemRow[]) => rows.filter((row) => row.code === fix.code && row.line === fix.line && sameFile(row.file, fix.file));
    const target = atLine(await allProblemRows(fix.code))[0];
    expect(target, `a ${fix.code} problem at line ${fix.line} of ${fix.file} to fix`).toBeDefined();
    await step("open the quick fix menu at the problem", async () => {
      await openFile(fix.file);
      await page.keyboard.press("Control+G");
      await page.locator(".quick-input-widget input").waitFor({ state: "visible", timeout: 10_000 });
      await page.keyboard.type(`${target!.line}:${target!.column}`);
      await page.keyboard.press("Enter");
      await page.locator(".monaco-editor .view-line", { hasText: fix.lineBefore }).first().waitFor({ timeout: 10_000 });
      await sleep(500);
      await page.keyboard.press("Control+.");
      await page.locator(".action-widget .monaco-list-row", { hasText: fix.title }).first().waitFor({ timeout: 15_000 });
    });
    await screenshot("quick-fix");
    await step("apply the quick fix", async () => {
      await page.locator(".action-widget .monaco-list-row", { hasText: fix.title }).first().click();
      const deadline = Date.now() + 20_000;
      while (Date.now() < deadline) {
        const remaining = atLine(await allProblemRows(fix.code));
        const lineText = await page.locator(".monaco-editor .view-line", { hasText: fix.lineAfter }).count();
        if (remaining.length === 0 && lineText > 0) return;
        await sleep(300);
      }
      throw new Error(`after the fix, line ${fix.line} should read ${fix.lineAfter} and its ${fix.code} problem should be gone`);
    });
  }, 120_000);

  it("shows the report in the preview, reveals the source on click and follows edits", async () => {
    const title = expected.preview.title;
    await step("open the preview", async () => {
      await openFile(expected.preview.file);
      await runCommand("govreport: Open Preview to the Side");
    });
    const frame = await step("wait for the rendered title in the webview", () =>
      previewFrame(async (candidate) => (await candidate.locator(".gr-title").first().textContent({ timeout: 200 })) === title, 60_000),
    );
    expect(await frame.locator(".gr-page").count()).toBe(1);
    expect(await frame.locator(".gr-heading").count(), "headings rendered").toBeGreaterThan(3);
    expect(await frame.locator("[data-figure]").count(), "figures substituted").toBeGreaterThan(10);
    // The page at its size for the picture: no bottom panel under the editors.
    await page.keyboard.press("Control+J");
    await sleep(1500);
    await screenshot("preview");

    const source = fs.readFileSync(path.join(workspace.dir, expected.preview.file), "utf8").split("\n");
    const titleLine = source.findIndex((line) => line.includes(`title: ${title}`)) + 1;
    expect(titleLine, "the title's line in the source").toBeGreaterThan(0);
    await step("click the title in the preview to reveal its source", async () => {
      await frame.locator(".gr-title").first().click();
      const deadline = Date.now() + 15_000;
      let line: number | undefined;
      while (Date.now() < deadline) {
        line = await statusLine();
        if (line === titleLine) return;
        await sleep(250);
      }
      throw new Error(`the editor cursor should move to line ${titleLine} (the title), it is on line ${line}`);
    });

    const typed = "E2E 更新后的标题";
    await step("edit the title and see the preview follow", async () => {
      await page.keyboard.type(typed);
      const deadline = Date.now() + 20_000;
      while (Date.now() < deadline) {
        const frames = page.frames();
        for (const candidate of frames) {
          const text = await candidate.locator(".gr-title").first().textContent({ timeout: 200 }).catch(() => null);
          if (text?.includes(typed)) return;
        }
        await sleep(300);
      }
      throw new Error(`the preview title should contain "${typed}" after typing it into the title`);
    });
  }, 180_000);
});
