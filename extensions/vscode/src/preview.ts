import * as crypto from "node:crypto";
import * as vscode from "vscode";
import {
  PATH_AT_METHOD,
  PREVIEW_METHOD,
  PREVIEW_VIEW_TYPE,
  RANGE_OF_PATH_METHOD,
  isWebviewState,
  isWebviewToExtensionMessage,
  type DataPath,
  type ExtensionToWebviewMessage,
  type Range,
  type WebviewToExtensionMessage,
} from "@govreport/protocol";
import { errorText, type ServerConnection } from "./client.js";
import { readSettings } from "./settings.js";

/** After one side scrolls the other, ignore the echo from the side that was scrolled. */
const SCROLL_ECHO_MS = 600;

/** One preview panel per report document; panels survive a window reload through the serializer. */
export class PreviewManager implements vscode.Disposable, vscode.WebviewPanelSerializer {
  private readonly previews = new Map<string, ReportPreview>();
  private readonly disposables: vscode.Disposable[] = [];

  constructor(
    private readonly context: vscode.ExtensionContext,
    private readonly server: ServerConnection,
  ) {
    this.disposables.push(
      vscode.workspace.onDidChangeTextDocument((event) => this.previews.get(event.document.uri.toString())?.scheduleUpdate()),
      vscode.window.onDidChangeTextEditorVisibleRanges((event) => this.previews.get(event.textEditor.document.uri.toString())?.editorScrolled(event.textEditor)),
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (event.affectsConfiguration("govreport")) for (const preview of this.previews.values()) preview.scheduleUpdate();
      }),
      vscode.languages.onDidChangeDiagnostics((event) => {
        // Marks in the preview come from the diagnostics; re-render when they change without an edit.
        for (const uri of event.uris) this.previews.get(uri.toString())?.scheduleUpdate();
      }),
      server.onDidStart(() => {
        for (const preview of this.previews.values()) preview.scheduleUpdate();
      }),
    );
  }

  get mediaRoot(): vscode.Uri {
    return vscode.Uri.joinPath(this.context.extensionUri, "media");
  }

  openToSide(uri: vscode.Uri): void {
    const existing = this.previews.get(uri.toString());
    if (existing !== undefined) {
      existing.panel.reveal(vscode.ViewColumn.Beside, true);
      return;
    }
    const panel = vscode.window.createWebviewPanel(
      PREVIEW_VIEW_TYPE,
      previewTitle(uri),
      { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
      webviewOptions(this.mediaRoot),
    );
    this.track(new ReportPreview(panel, uri, this.mediaRoot, this.server));
  }

  /** Sends the preview of `uri` fresh content (the server says something it depends on changed). */
  refresh(uri: string): void {
    this.previews.get(uri)?.scheduleUpdate();
  }

  async deserializeWebviewPanel(panel: vscode.WebviewPanel, state: unknown): Promise<void> {
    if (!isWebviewState(state)) {
      panel.dispose();
      return;
    }
    const uri = vscode.Uri.parse(state.uri);
    if (this.previews.has(uri.toString())) {
      panel.dispose();
      return;
    }
    // The webview restores its own scroll position from the same state once its first content arrives.
    panel.webview.options = webviewOptions(this.mediaRoot);
    this.track(new ReportPreview(panel, uri, this.mediaRoot, this.server));
  }

  private track(preview: ReportPreview): void {
    const key = preview.uri.toString();
    this.previews.set(key, preview);
    preview.panel.onDidDispose(() => {
      if (this.previews.get(key) === preview) this.previews.delete(key);
      preview.dispose();
    });
  }

  dispose(): void {
    for (const preview of this.previews.values()) preview.panel.dispose();
    this.previews.clear();
    for (const disposable of this.disposables) disposable.dispose();
  }
}

function webviewOptions(mediaRoot: vscode.Uri): vscode.WebviewOptions & vscode.WebviewPanelOptions {
  return { enableScripts: true, localResourceRoots: [mediaRoot], enableFindWidget: true };
}

function previewTitle(uri: vscode.Uri): string {
  const name = uri.path.split("/").pop() ?? uri.path;
  return vscode.l10n.t("Preview {0}", name);
}

class ReportPreview implements vscode.Disposable {
  private readonly disposables: vscode.Disposable[] = [];
  private updateTimer: NodeJS.Timeout | undefined;
  private editorScrollTimer: NodeJS.Timeout | undefined;
  private updateSerial = 0;
  private shownVersion: number | null = null;
  private ignoreEditorScrollUntil = 0;
  private webviewReady = false;
  private disposed = false;

  constructor(
    readonly panel: vscode.WebviewPanel,
    readonly uri: vscode.Uri,
    private readonly mediaRoot: vscode.Uri,
    private readonly server: ServerConnection,
  ) {
    panel.title = previewTitle(uri);
    panel.iconPath = vscode.Uri.joinPath(mediaRoot, "preview-icon.svg");
    panel.webview.html = this.shell();
    this.disposables.push(
      panel.webview.onDidReceiveMessage((message: unknown) => {
        if (isWebviewToExtensionMessage(message)) void this.handle(message);
      }),
    );
  }

  scheduleUpdate(): void {
    if (this.disposed) return;
    clearTimeout(this.updateTimer);
    this.updateTimer = setTimeout(() => void this.update(), readSettings(this.uri).preview.debounceMs);
  }

  editorScrolled(editor: vscode.TextEditor): void {
    if (!readSettings(this.uri).preview.scrollSync || Date.now() < this.ignoreEditorScrollUntil) return;
    clearTimeout(this.editorScrollTimer);
    this.editorScrollTimer = setTimeout(async () => {
      const top = editor.visibleRanges[0]?.start;
      if (top === undefined || this.disposed) return;
      try {
        const result = await this.server.request(PATH_AT_METHOD, { uri: this.uri.toString(), position: { line: top.line, character: 0 } });
        if (result) this.post({ type: "scrollTo", path: result.path, highlight: false });
      } catch {
        // Scroll sync is a convenience; a server without it leaves the preview where it is.
      }
    }, 80);
  }

  private async handle(message: WebviewToExtensionMessage): Promise<void> {
    switch (message.type) {
      case "ready":
        this.webviewReady = true;
        await this.update();
        return;
      case "reveal":
        await this.revealSource(message.path, false);
        return;
      case "scroll":
        if (readSettings(this.uri).preview.scrollSync) await this.revealSource(message.path, true);
        return;
    }
  }

  private async update(): Promise<void> {
    if (this.disposed || !this.webviewReady) return;
    const serial = ++this.updateSerial;
    try {
      // The server renders what the editor holds; opening the document makes sure it holds it (after a reload too).
      await vscode.workspace.openTextDocument(this.uri);
      const result = await this.server.request(PREVIEW_METHOD, { uri: this.uri.toString() });
      if (serial !== this.updateSerial || this.disposed) return;
      if (result === undefined) {
        this.post({ type: "error", message: vscode.l10n.t("The preview needs the govreport language server, which is not running.") });
        return;
      }
      if (result === null) {
        this.post({ type: "error", message: vscode.l10n.t("The language server has no report at {0}.", this.uri.toString(true)) });
        return;
      }
      if (result.version !== null && this.shownVersion !== null && result.version < this.shownVersion) return;
      this.shownVersion = result.version;
      if (result.title !== "") this.panel.title = vscode.l10n.t("Preview {0}", result.title);
      this.post({ type: "update", uri: this.uri.toString(), version: result.version, html: result.html, title: result.title });
    } catch (error) {
      if (serial === this.updateSerial && !this.disposed) {
        this.post({ type: "error", message: vscode.l10n.t("The preview could not be updated: {0}", errorText(error)) });
      }
    }
  }

  /** Shows the source of `path`: in the editor beside the preview, selecting it (click) or scrolling to it (scroll sync). */
  private async revealSource(path: DataPath, scrollOnly: boolean): Promise<void> {
    let result;
    try {
      result = await this.server.request(RANGE_OF_PATH_METHOD, { uri: this.uri.toString(), path });
    } catch (error) {
      if (!scrollOnly) void vscode.window.showWarningMessage(vscode.l10n.t("Could not find the source of this part: {0}", errorText(error)));
      return;
    }
    if (!result) return;
    const range = toVscodeRange(result.range);
    const visible = vscode.window.visibleTextEditors.find((editor) => editor.document.uri.toString() === this.uri.toString());
    if (scrollOnly) {
      if (visible === undefined) return;
      this.ignoreEditorScrollUntil = Date.now() + SCROLL_ECHO_MS;
      visible.revealRange(new vscode.Range(range.start, range.start), vscode.TextEditorRevealType.AtTop);
      return;
    }
    const column = visible?.viewColumn ?? (this.panel.viewColumn === vscode.ViewColumn.One ? vscode.ViewColumn.Two : vscode.ViewColumn.One);
    this.ignoreEditorScrollUntil = Date.now() + SCROLL_ECHO_MS;
    const editor = await vscode.window.showTextDocument(this.uri, { viewColumn: column, preserveFocus: false, selection: range });
    editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  }

  private post(message: ExtensionToWebviewMessage): void {
    if (!this.disposed) void this.panel.webview.postMessage(message);
  }

  private shell(): string {
    const webview = this.panel.webview;
    const nonce = crypto.randomBytes(18).toString("base64");
    const asset = (name: string) => webview.asWebviewUri(vscode.Uri.joinPath(this.mediaRoot, name)).toString();
    // Fonts are the reader's installed CJK fonts (local() and family names), so nothing is ever fetched.
    const csp = [
      "default-src 'none'",
      `style-src ${webview.cspSource}`,
      `script-src 'nonce-${nonce}'`,
      `img-src ${webview.cspSource} data:`,
      `font-src ${webview.cspSource}`,
    ].join("; ");
    return `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${escapeAttribute(csp)}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="stylesheet" href="${escapeAttribute(asset("document.css"))}">
<link rel="stylesheet" href="${escapeAttribute(asset("preview.css"))}">
<title>${escapeText(previewTitle(this.uri))}</title>
</head>
<body>
<div id="gr-status" role="status" hidden></div>
<main id="gr-content"><p class="gr-loading">${escapeText(vscode.l10n.t("Rendering the report…"))}</p></main>
<script nonce="${nonce}" src="${escapeAttribute(asset("preview.js"))}"></script>
</body>
</html>`;
  }

  dispose(): void {
    this.disposed = true;
    clearTimeout(this.updateTimer);
    clearTimeout(this.editorScrollTimer);
    for (const disposable of this.disposables) disposable.dispose();
  }
}

function toVscodeRange(range: Range): vscode.Range {
  return new vscode.Range(range.start.line, range.start.character, range.end.line, range.end.character);
}

function escapeText(text: string): string {
  return text.replace(/[&<>]/g, (c) => (c === "&" ? "&amp;" : c === "<" ? "&lt;" : "&gt;"));
}

function escapeAttribute(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
