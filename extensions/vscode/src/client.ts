import * as fs from "node:fs";
import * as vscode from "vscode";
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from "vscode-languageclient/node";
import { CONFIGURATION_SECTION, type RequestMethod, type RequestTypes } from "@govreport/protocol";
import { readSettings } from "./settings.js";

export const LANGUAGE_ID = "govreport-report";

/** Owns the language client: starts it, restarts it, and tells callers plainly when there is none. */
export class ServerConnection implements vscode.Disposable {
  private client: LanguageClient | undefined;
  private starting: Promise<LanguageClient | undefined> | undefined;
  private readonly startedEmitter = new vscode.EventEmitter<LanguageClient>();
  /** Fires each time a client has started (first start and every restart). */
  readonly onDidStart = this.startedEmitter.event;

  constructor(
    private readonly context: vscode.ExtensionContext,
    private readonly output: vscode.LogOutputChannel,
  ) {}

  get serverModule(): string {
    return this.context.asAbsolutePath("dist/server.js");
  }

  /** The running client, starting it on first use; undefined when the server cannot start (reported once). */
  async ready(): Promise<LanguageClient | undefined> {
    if (this.client?.isRunning()) return this.client;
    this.starting ??= this.start().finally(() => {
      this.starting = undefined;
    });
    return this.starting;
  }

  async restart(): Promise<void> {
    const old = this.client;
    this.client = undefined;
    if (old !== undefined) await old.stop().catch((error: unknown) => this.output.appendLine(`stop: ${String(error)}`));
    old?.dispose();
    await this.ready();
  }

  /** A typed custom request; throws what the server answered, undefined when there is no server. */
  async request<M extends RequestMethod>(
    method: M,
    params: RequestTypes[M]["params"],
    token?: vscode.CancellationToken,
  ): Promise<RequestTypes[M]["result"] | undefined> {
    const client = await this.ready();
    if (client === undefined) return undefined;
    return token === undefined ? client.sendRequest(method, params) : client.sendRequest(method, params, token);
  }

  private async start(): Promise<LanguageClient | undefined> {
    const serverModule = this.serverModule;
    if (!fs.existsSync(serverModule)) {
      const message = vscode.l10n.t("The govreport language server is missing from this installation ({0}). Reinstall the extension.", serverModule);
      this.output.appendLine(message);
      void vscode.window.showErrorMessage(message);
      return undefined;
    }
    // stdio works whether the server reads its transport from argv or opens stdin/stdout itself.
    const serverOptions: ServerOptions = {
      run: { module: serverModule, transport: TransportKind.stdio },
      debug: { module: serverModule, transport: TransportKind.stdio, options: { execArgv: ["--nolazy", "--inspect=6011"] } },
    };
    const clientOptions: LanguageClientOptions = {
      documentSelector: [
        { language: LANGUAGE_ID, scheme: "file" },
        { language: LANGUAGE_ID, scheme: "untitled" },
      ],
      synchronize: {
        configurationSection: CONFIGURATION_SECTION,
        // Profiles and last year's report are read by reference from a report, so their changes matter too.
        fileEvents: vscode.workspace.createFileSystemWatcher("**/*.{report.yaml,report.yml,report.json,profile.yaml,profile.yml,profile.json}"),
      },
      initializationOptions: { settings: readSettings(), locale: vscode.env.language },
      diagnosticCollectionName: "govreport",
      outputChannel: this.output,
    };
    const client = new LanguageClient("govreport", vscode.l10n.t("govreport Language Server"), serverOptions, clientOptions);
    try {
      await client.start();
    } catch (error) {
      const message = vscode.l10n.t("The govreport language server did not start: {0}", error instanceof Error ? error.message : String(error));
      this.output.appendLine(message);
      void vscode.window.showErrorMessage(message);
      client.dispose();
      return undefined;
    }
    this.client = client;
    this.startedEmitter.fire(client);
    return client;
  }

  dispose(): void {
    this.startedEmitter.dispose();
    const client = this.client;
    this.client = undefined;
    if (client !== undefined) void client.stop().finally(() => client.dispose());
  }
}

/** JSON-RPC "method not found": the server in this installation has no handler for a custom request. */
export function isMethodNotFound(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: unknown }).code === -32601;
}

export function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
