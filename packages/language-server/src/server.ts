/**
 * Wiring only: which LSP message goes to which feature handler, and when diagnostics are (re)computed.
 * The handlers convert and delegate; checking is core's, rendering render's.
 */
import path from "node:path";
import { builtinProfiles } from "@govreport/schema";
import {
  CONFIGURATION_SECTION,
  LIST_PROFILES_METHOD,
  PATH_AT_METHOD,
  PREVIEW_INVALIDATED_METHOD,
  PREVIEW_METHOD,
  RANGE_OF_PATH_METHOD,
  type ListProfilesResult,
  type PathAtParams,
  type PathAtResult,
  type PreviewParams,
  type PreviewResult,
  type RangeOfPathParams,
  type RangeOfPathResult,
} from "@govreport/protocol";
import {
  CodeActionKind,
  CodeLensRefreshRequest,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  TextDocumentSyncKind,
  TextDocuments,
  type ClientCapabilities,
  type Connection,
  type InitializeResult,
} from "vscode-languageserver";
import { TextDocument } from "vscode-languageserver-textdocument";
import { FIX_ALL_KIND, codeActions } from "./features/code-actions.js";
import { codeLenses } from "./features/code-lens.js";
import { completion } from "./features/completion.js";
import { DiagnosticsPublisher, LspDiagnostics, pullDiagnostics } from "./features/diagnostics.js";
import { foldingRanges } from "./features/folding.js";
import { hover } from "./features/hover.js";
import { inlayHints } from "./features/inlay-hints.js";
import { definition, references } from "./features/navigation.js";
import { pathAt, preview, rangeOfPath } from "./features/preview.js";
import { prepareRename, rename } from "./features/rename.js";
import { documentSymbols } from "./features/symbols.js";
import { guardNotification, guardRequest } from "./guard.js";
import { PROJECT_CONFIG_FILE } from "./project-config.js";
import { normalizeSettings } from "./settings.js";
import { SERVER_NAME, SERVER_VERSION } from "./version.js";
import { describe, fileNameToUri, uriToFileName, Workspace, type Logger } from "./workspace.js";
import { toLspDiagnostic } from "./convert.js";

/** What a client may pass in `initializationOptions`. */
export interface InitializationOptions {
  /** Settings to use until the client answers `workspace/configuration` (or for clients that never do). */
  readonly settings?: unknown;
  /** Wait this long after the last edit before pushing diagnostics (default 150). */
  readonly diagnosticsDelayMs?: number;
  /** Push diagnostics even though the client can pull them. */
  readonly pushDiagnostics?: boolean;
}

const DEFAULT_DIAGNOSTICS_DELAY_MS = 150;

export function startServer(connection: Connection): void {
  const documents = new TextDocuments(TextDocument);
  const log: Logger = {
    info: (message) => connection.console.info(message),
    warn: (message) => connection.console.warn(message),
    error: (message) => connection.console.error(message),
  };
  const workspace = new Workspace((uri) => documents.get(uri), log);
  const lspDiagnostics = new LspDiagnostics();
  // A broken config file is shown where it is broken, whether or not it is open.
  workspace.configProblemsListener = (file, problems) => {
    const uri = fileNameToUri(file);
    const diagnostics = problems.map((problem) => toLspDiagnostic(problem.diagnostic, problem.source.lineIndex, uri, workspace.settings.language));
    void connection.sendDiagnostics({ uri, diagnostics }).catch(() => undefined);
  };
  let capabilities: ClientCapabilities = {};
  let push = true;
  let publisher: DiagnosticsPublisher | undefined;
  let refreshTimer: NodeJS.Timeout | undefined;

  const versionedEdits = () => capabilities.workspace?.workspaceEdit?.documentChanges === true;

  connection.onInitialize((params): InitializeResult => {
    capabilities = params.capabilities ?? {};
    const options = (params.initializationOptions ?? {}) as InitializationOptions;
    const { settings, ignored } = normalizeSettings(options.settings);
    workspace.setSettings(settings);
    if (ignored.length > 0) log.warn(`ignored invalid settings: ${ignored.join(", ")}`);
    push = options.pushDiagnostics === true || capabilities.textDocument?.diagnostic === undefined;
    const delay = typeof options.diagnosticsDelayMs === "number" && options.diagnosticsDelayMs >= 0 ? options.diagnosticsDelayMs : DEFAULT_DIAGNOSTICS_DELAY_MS;
    publisher = new DiagnosticsPublisher(workspace, lspDiagnostics, connection, log, (uri) => documents.get(uri)?.version, delay);
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        diagnosticProvider: { identifier: "govreport", interFileDependencies: true, workspaceDiagnostics: false },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND, CodeActionKind.RefactorExtract, CodeActionKind.RefactorRewrite] },
        hoverProvider: true,
        completionProvider: { triggerCharacters: ["{", " ", ","] },
        definitionProvider: true,
        referencesProvider: true,
        renameProvider: { prepareProvider: true },
        documentSymbolProvider: { label: "govreport" },
        foldingRangeProvider: true,
        inlayHintProvider: true,
        codeLensProvider: { resolveProvider: false },
      },
      serverInfo: { name: SERVER_NAME, version: SERVER_VERSION },
    };
  });

  connection.onInitialized(() => {
    if (capabilities.workspace?.configuration) {
      if (capabilities.workspace.didChangeConfiguration?.dynamicRegistration) {
        connection.client.register(DidChangeConfigurationNotification.type, { section: CONFIGURATION_SECTION }).catch((error) => log.warn(`cannot watch settings: ${describe(error)}`));
      }
      void refreshSettings();
    }
    if (capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration) {
      // Reports refer to last year's report and to profile files by any name, so every data file is watched.
      connection.client
        .register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: "**/*.{yaml,yml,json}" }] })
        .catch((error) => log.warn(`cannot watch files: ${describe(error)}`));
    }
  });

  /** Everything open may have a new answer: push again, and ask pulling clients to pull again. */
  const recheck = (uris: readonly string[]): void => {
    if (uris.length === 0) return;
    if (push) for (const uri of uris) publisher?.schedule(uri);
    for (const uri of uris) void connection.sendNotification(PREVIEW_INVALIDATED_METHOD, { uri }).catch(() => undefined);
    if (refreshTimer) clearTimeout(refreshTimer);
    refreshTimer = setTimeout(() => {
      refreshTimer = undefined;
      if (capabilities.workspace?.diagnostics?.refreshSupport) connection.languages.diagnostics.refresh().catch(() => undefined);
      if (capabilities.workspace?.inlayHint?.refreshSupport) connection.languages.inlayHint.refresh().catch(() => undefined);
      if (capabilities.workspace?.codeLens?.refreshSupport) connection.sendRequest(CodeLensRefreshRequest.type).catch(() => undefined);
    }, 50);
  };
  const openUris = () => documents.all().map((document) => document.uri);

  const refreshSettings = async (): Promise<void> => {
    try {
      const raw: unknown = await connection.workspace.getConfiguration(CONFIGURATION_SECTION);
      const { settings, ignored } = normalizeSettings(raw);
      if (ignored.length > 0) log.warn(`ignored invalid settings: ${ignored.join(", ")}`);
      if (workspace.setSettings(settings)) recheck(openUris());
    } catch (error) {
      log.error(`reading settings failed: ${describe(error)}`);
    }
  };

  connection.onDidChangeConfiguration(
    guardNotification(log, "didChangeConfiguration", (params) => {
      if (capabilities.workspace?.configuration) {
        void refreshSettings();
        return;
      }
      const raw = (params.settings as Record<string, unknown> | undefined)?.[CONFIGURATION_SECTION];
      const { settings, ignored } = normalizeSettings(raw);
      if (ignored.length > 0) log.warn(`ignored invalid settings: ${ignored.join(", ")}`);
      if (workspace.setSettings(settings)) recheck(openUris());
    }),
  );

  connection.onDidChangeWatchedFiles(
    guardNotification(log, "didChangeWatchedFiles", (params) => {
      const files = params.changes.map((change) => uriToFileName(change.uri)).filter((file): file is string => file !== undefined);
      if (files.some((file) => path.basename(file) === PROJECT_CONFIG_FILE)) {
        workspace.invalidateConfig();
        recheck(openUris());
        return;
      }
      recheck(workspace.filesChanged(files));
    }),
  );

  /** An open document that others read (last year's report, a profile) changed: they are checked again. */
  const dependentsChanged = (uri: string): void => {
    const file = uriToFileName(uri);
    if (!file) return;
    if (path.basename(file) === PROJECT_CONFIG_FILE) {
      workspace.invalidateConfig();
      recheck(openUris().filter((open) => open !== uri));
      return;
    }
    recheck(workspace.filesChanged([file]).filter((dependent) => dependent !== uri));
  };

  documents.onDidOpen(
    guardNotification(log, "didOpen", (event) => {
      workspace.didOpen(event.document.uri);
      if (push) publisher?.publishNow(event.document.uri);
      dependentsChanged(event.document.uri);
    }),
  );
  documents.onDidChangeContent(
    guardNotification(log, "didChange", (event) => {
      if (push) publisher?.schedule(event.document.uri);
      dependentsChanged(event.document.uri);
    }),
  );
  documents.onDidClose(
    guardNotification(log, "didClose", (event) => {
      workspace.didClose(event.document.uri);
      lspDiagnostics.forget(event.document.uri);
      if (push) publisher?.clear(event.document.uri);
      dependentsChanged(event.document.uri);
    }),
  );

  const analysisOf = (uri: string) => workspace.analysisFor(uri);

  connection.languages.diagnostics.on(
    guardRequest(log, "diagnostic", { kind: "full" as const, items: [] }, (params) => pullDiagnostics(workspace, lspDiagnostics, params), { retriggerRequest: true }),
  );
  connection.onCodeAction(
    guardRequest(log, "codeAction", [], (params) => {
      const analysis = analysisOf(params.textDocument.uri);
      return analysis ? codeActions(analysis, params, { versioned: versionedEdits() }) : [];
    }),
  );
  connection.onHover(
    guardRequest(log, "hover", null, (params) => {
      const analysis = analysisOf(params.textDocument.uri);
      return analysis ? hover(analysis, params.position) : null;
    }),
  );
  connection.onCompletion(
    guardRequest(log, "completion", null, (params) => {
      const current = analysisOf(params.textDocument.uri);
      return current ? completion({ current, lastValid: workspace.lastValidAnalysis(params.textDocument.uri) }, params.position, params.context?.triggerCharacter) : null;
    }),
  );
  connection.onDefinition(
    guardRequest(log, "definition", null, (params) => {
      const analysis = analysisOf(params.textDocument.uri);
      return analysis ? definition(analysis, params.position) : null;
    }),
  );
  connection.onReferences(
    guardRequest(log, "references", null, (params) => {
      const analysis = analysisOf(params.textDocument.uri);
      return analysis ? references(analysis, params.position, params.context?.includeDeclaration ?? true) : null;
    }),
  );
  connection.onPrepareRename(
    guardRequest(log, "prepareRename", null, (params) => {
      const analysis = analysisOf(params.textDocument.uri);
      return analysis ? prepareRename(analysis, params.position) : null;
    }),
  );
  connection.onRenameRequest(
    guardRequest(log, "rename", null, (params) => {
      const analysis = analysisOf(params.textDocument.uri);
      return analysis ? rename(analysis, params.position, params.newName, versionedEdits()) : null;
    }),
  );
  connection.onDocumentSymbol(
    guardRequest(log, "documentSymbol", [], (params) => {
      const analysis = analysisOf(params.textDocument.uri);
      return analysis ? documentSymbols(analysis) : [];
    }),
  );
  connection.onFoldingRanges(
    guardRequest(log, "foldingRange", [], (params) => {
      const analysis = analysisOf(params.textDocument.uri);
      return analysis ? foldingRanges(analysis, capabilities.textDocument?.foldingRange?.rangeLimit) : [];
    }),
  );
  connection.languages.inlayHint.on(
    guardRequest(log, "inlayHint", [], (params) => {
      const analysis = analysisOf(params.textDocument.uri);
      return analysis ? inlayHints(analysis, params.range) : [];
    }),
  );
  connection.onCodeLens(
    guardRequest(log, "codeLens", [], (params) => {
      const analysis = analysisOf(params.textDocument.uri);
      return analysis ? codeLenses(analysis) : [];
    }),
  );

  connection.onRequest(
    PREVIEW_METHOD,
    guardRequest(log, PREVIEW_METHOD, null, (params: PreviewParams): PreviewResult | null => {
      if (typeof params?.uri !== "string") return null;
      const analysis = workspace.analysisForUriOrDisk(params.uri);
      return analysis ? preview(analysis, workspace.settings.preview.showDiagnostics) : null;
    }),
  );
  connection.onRequest(
    RANGE_OF_PATH_METHOD,
    guardRequest(log, RANGE_OF_PATH_METHOD, null, (params: RangeOfPathParams): RangeOfPathResult => {
      if (typeof params?.uri !== "string") return null;
      const analysis = workspace.analysisForUriOrDisk(params.uri);
      return analysis ? rangeOfPath(analysis, params) : null;
    }),
  );
  connection.onRequest(
    PATH_AT_METHOD,
    guardRequest(log, PATH_AT_METHOD, null, (params: PathAtParams): PathAtResult => {
      if (typeof params?.uri !== "string" || typeof params.position?.line !== "number") return null;
      const analysis = analysisOf(params.uri);
      return analysis ? pathAt(analysis, params) : null;
    }),
  );
  connection.onRequest(
    LIST_PROFILES_METHOD,
    guardRequest(log, LIST_PROFILES_METHOD, [], (): ListProfilesResult =>
      [...builtinProfiles.values()].map((profile) => (profile.description ? { id: profile.id, title: profile.name, description: profile.description } : { id: profile.id, title: profile.name })),
    ),
  );

  connection.onShutdown(() => {
    publisher?.dispose();
    if (refreshTimer) clearTimeout(refreshTimer);
  });

  documents.listen(connection);
}
