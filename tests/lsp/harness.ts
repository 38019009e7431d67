/**
 * Drives the real bundled language server over stdio with the LSP library's own client-side connection,
 * the way an editor does.
 */
import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import {
  ConfigurationRequest,
  createProtocolConnection,
  DidChangeTextDocumentNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  ExitNotification,
  InitializedNotification,
  InitializeRequest,
  LogMessageNotification,
  PublishDiagnosticsNotification,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  type ClientCapabilities,
  type InitializeResult,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
} from "vscode-languageserver-protocol/node";

export const repoRoot = path.resolve(__dirname, "..", "..");
export const serverPath = path.join(repoRoot, "packages", "language-server", "dist", "server.js");
export const examplePath = path.join(repoRoot, "examples", "xiqu-2021", "report.yaml");
export const fixturesDir = path.join(__dirname, "fixtures");

export function fileUri(file: string): string {
  return pathToFileURL(file).href;
}

export function readText(file: string): string {
  return readFileSync(file, "utf8");
}

export const EDITOR_CAPABILITIES: ClientCapabilities = {
  workspace: { workspaceEdit: { documentChanges: true }, configuration: true, didChangeConfiguration: { dynamicRegistration: false } },
  textDocument: {
    publishDiagnostics: { relatedInformation: true, versionSupport: true, tagSupport: { valueSet: [1, 2] }, codeDescriptionSupport: true },
    codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ["quickfix", "refactor", "source"] } }, isPreferredSupport: true },
    rename: { prepareSupport: true },
    hover: { contentFormat: ["markdown", "plaintext"] },
    documentSymbol: { hierarchicalDocumentSymbolSupport: true },
  },
};

export interface StartOptions {
  readonly capabilities?: ClientCapabilities;
  readonly initializationOptions?: unknown;
  /** Answer to `workspace/configuration` for the `govreport` section. */
  readonly settings?: unknown;
  /** Node arguments that start the server; the bundle with `--stdio` by default. */
  readonly command?: readonly string[];
}

export class LspClient {
  readonly diagnostics: PublishDiagnosticsParams[] = [];
  readonly logs: string[] = [];
  private readonly waiters: Array<{ test: (p: PublishDiagnosticsParams) => boolean; resolve: (p: PublishDiagnosticsParams) => void }> = [];
  settings: unknown;
  initializeResult: InitializeResult | undefined;
  private exited: Promise<number | null>;

  private constructor(
    readonly child: ChildProcessWithoutNullStreams,
    readonly connection: ProtocolConnection,
    settings: unknown,
  ) {
    this.settings = settings;
    this.exited = new Promise((resolve) => child.once("exit", (code) => resolve(code)));
  }

  static async start(options: StartOptions = {}): Promise<LspClient> {
    if (!existsSync(serverPath)) throw new Error(`${serverPath} is missing: run \`pnpm --filter @govreport/language-server build\` first`);
    const child = spawn(process.execPath, [...(options.command ?? [serverPath, "--stdio"])], { stdio: ["pipe", "pipe", "pipe"] });
    const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
    const client = new LspClient(child, connection, options.settings);
    child.stderr.on("data", (chunk: Buffer) => client.logs.push(`stderr: ${chunk.toString()}`));
    connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
      client.diagnostics.push(params);
      for (const waiter of [...client.waiters]) {
        if (waiter.test(params)) {
          client.waiters.splice(client.waiters.indexOf(waiter), 1);
          waiter.resolve(params);
        }
      }
    });
    connection.onNotification(LogMessageNotification.type, (params) => client.logs.push(params.message));
    connection.onRequest(ConfigurationRequest.type, (params) => params.items.map((item) => (item.section === "govreport" ? (client.settings ?? null) : null)));
    connection.onRequest("client/registerCapability", () => null);
    connection.onNotification("govreport/previewInvalidated", () => undefined);
    connection.listen();
    client.initializeResult = await connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: null,
      workspaceFolders: null,
      capabilities: options.capabilities ?? EDITOR_CAPABILITIES,
      initializationOptions: options.initializationOptions,
    });
    await connection.sendNotification(InitializedNotification.type, {});
    return client;
  }

  async open(uri: string, text: string, version = 1, languageId = "yaml"): Promise<void> {
    await this.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId, version, text } });
  }

  async replace(uri: string, text: string, version: number): Promise<void> {
    await this.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: [{ text }] });
  }

  async close(uri: string): Promise<void> {
    await this.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
  }

  /** The next published diagnostics for `uri` (at `version`, when given), including ones already received. */
  diagnosticsFor(uri: string, version?: number, timeoutMs = 10000): Promise<PublishDiagnosticsParams> {
    const test = (p: PublishDiagnosticsParams) => p.uri === uri && (version === undefined || p.version === version);
    const already = this.diagnostics.find(test);
    if (already) return Promise.resolve(already);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no diagnostics for ${uri} v${version} within ${timeoutMs} ms; logs:\n${this.logs.join("\n")}`)), timeoutMs);
      this.waiters.push({ test, resolve: (p) => (clearTimeout(timer), resolve(p)) });
    });
  }

  async stop(): Promise<number | null> {
    try {
      await this.connection.sendRequest(ShutdownRequest.type);
      await this.connection.sendNotification(ExitNotification.type);
    } catch {
      this.child.kill();
    }
    const code = await Promise.race([this.exited, new Promise<null>((resolve) => setTimeout(() => resolve(null), 3000))]);
    if (this.child.exitCode === null) this.child.kill();
    this.connection.dispose();
    return code;
  }

  get alive(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null;
  }
}

/** Zero-based line of the first line containing `needle` (after `from`). */
export function lineOf(text: string, needle: string, from = 0): number {
  const lines = text.split(/\r?\n/);
  for (let i = from; i < lines.length; i++) if (lines[i]!.includes(needle)) return i;
  throw new Error(`"${needle}" not found`);
}

/** The position of the `occurrence`-th `needle` (0-based) plus `delta` characters. */
export function positionOf(text: string, needle: string, delta = 0, occurrence = 0): { line: number; character: number } {
  let index = -1;
  for (let i = 0; i <= occurrence; i++) {
    index = text.indexOf(needle, index + 1);
    if (index < 0) throw new Error(`"${needle}" #${occurrence} not found`);
  }
  const offset = index + delta;
  const before = text.slice(0, offset);
  const line = before.split("\n").length - 1;
  return { line, character: offset - (before.lastIndexOf("\n") + 1) };
}
