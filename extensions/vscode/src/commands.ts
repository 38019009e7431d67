import * as os from "node:os";
import * as vscode from "vscode";
import {
  EXPORT_METHOD,
  IMPORT_REPORT_METHOD,
  LIST_PROFILES_METHOD,
  NEW_REPORT_METHOD,
  type ExportFormat,
  type ProfileSummary,
} from "@govreport/protocol";
import { LANGUAGE_ID, errorText, isMethodNotFound, type ServerConnection } from "./client.js";

const REPORT_GLOB = "**/*.{report.yaml,report.yml,report.json}";
const EXCLUDE_GLOB = "**/{node_modules,.git}/**";
const MAX_FILES = 2000;

/** A failed request explained to the drafter: a server without the feature, or the server's own message. */
function showRequestError(action: string, error: unknown): void {
  const message = isMethodNotFound(error)
    ? vscode.l10n.t("The govreport language server in this installation cannot {0} yet.", action)
    : vscode.l10n.t("Could not {0}: {1}", action, errorText(error));
  void vscode.window.showErrorMessage(message);
}

function noServer(): void {
  void vscode.window.showErrorMessage(vscode.l10n.t("This command needs the govreport language server, which is not running."));
}

/** The report the command is about: the one given (from a menu), else the active editor's. */
export function targetReport(uri: unknown): vscode.Uri | undefined {
  if (uri instanceof vscode.Uri) return uri;
  const document = vscode.window.activeTextEditor?.document;
  if (document?.languageId === LANGUAGE_ID) return document.uri;
  void vscode.window.showInformationMessage(vscode.l10n.t("Open a report-data file (*.report.yaml or *.report.json) first."));
  return undefined;
}

/**
 * Opens every report-data file of the workspace so the server checks each one, then shows the Problems view
 * and a count once the diagnostics have come in (or after a while, for files that have none).
 */
export async function checkWorkspace(server: ServerConnection): Promise<void> {
  const files = await vscode.workspace.findFiles(REPORT_GLOB, EXCLUDE_GLOB, MAX_FILES);
  if (files.length === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t("There are no report-data files (*.report.yaml, *.report.json) in this workspace."));
    return;
  }
  if ((await server.ready()) === undefined) return noServer();
  const pending = new Set(files.map((file) => file.toString()));
  const settled = new Promise<void>((resolve) => {
    const timer = setTimeout(finish, 15_000);
    const listener = vscode.languages.onDidChangeDiagnostics((event) => {
      for (const uri of event.uris) pending.delete(uri.toString());
      if (pending.size === 0) finish();
    });
    function finish(): void {
      clearTimeout(timer);
      listener.dispose();
      resolve();
    }
  });
  await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t("Checking {0} report-data files…", files.length), cancellable: true },
    async (progress, token) => {
      for (const [index, file] of files.entries()) {
        if (token.isCancellationRequested) return;
        progress.report({ increment: 100 / files.length, message: vscode.workspace.asRelativePath(file) });
        try {
          await vscode.workspace.openTextDocument(file);
        } catch (error) {
          void vscode.window.showWarningMessage(vscode.l10n.t("Could not open {0}: {1}", vscode.workspace.asRelativePath(file), errorText(error)));
        }
        if (index % 20 === 19) await new Promise((resolve) => setTimeout(resolve, 0));
      }
      await settled;
    },
  );
  await vscode.commands.executeCommand("workbench.actions.view.problems");
  let errors = 0;
  let warnings = 0;
  for (const file of files) {
    for (const diagnostic of vscode.languages.getDiagnostics(file)) {
      if (diagnostic.severity === vscode.DiagnosticSeverity.Error) errors++;
      else if (diagnostic.severity === vscode.DiagnosticSeverity.Warning) warnings++;
    }
  }
  void vscode.window.showInformationMessage(
    vscode.l10n.t("Checked {0} report-data files: {1} errors, {2} warnings.", files.length, errors, warnings),
  );
}

/** Decodes a text file as UTF-8, or as GB18030 (what older Chinese Windows tools save) when it is not UTF-8. */
function decodeText(bytes: Uint8Array): string {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes).replace(/^\uFEFF/, "");
  } catch {
    return new TextDecoder("gb18030").decode(bytes);
  }
}

async function saveAndOpen(suggested: vscode.Uri, text: string, filterName: string, extensions: string[]): Promise<vscode.Uri | undefined> {
  const target = await vscode.window.showSaveDialog({ defaultUri: suggested, filters: { [filterName]: extensions } });
  if (target === undefined) return undefined;
  await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(text));
  await vscode.window.showTextDocument(target);
  return target;
}

function defaultFolder(near?: vscode.Uri): vscode.Uri | undefined {
  if (near !== undefined) return vscode.Uri.joinPath(near, "..");
  return vscode.workspace.workspaceFolders?.[0]?.uri;
}

export async function importReport(server: ServerConnection, output: vscode.LogOutputChannel): Promise<void> {
  const action = vscode.l10n.t("import a report");
  const picked = await vscode.window.showOpenDialog({
    canSelectMany: false,
    openLabel: vscode.l10n.t("Import"),
    filters: { [vscode.l10n.t("Plain text or Markdown")]: ["txt", "md", "markdown"] },
  });
  const source = picked?.[0];
  if (source === undefined) return;
  let text: string;
  try {
    text = decodeText(await vscode.workspace.fs.readFile(source));
  } catch (error) {
    void vscode.window.showErrorMessage(vscode.l10n.t("Could not read {0}: {1}", source.fsPath, errorText(error)));
    return;
  }
  const sourceName = source.path.split("/").pop() ?? "report.txt";
  let result;
  try {
    result = await server.request(IMPORT_REPORT_METHOD, { text, sourceName, format: "yaml" });
  } catch (error) {
    return showRequestError(action, error);
  }
  if (result === undefined) return noServer();
  const folder = defaultFolder(source) ?? source;
  const target = await saveAndOpen(vscode.Uri.joinPath(folder, result.fileName), result.text, vscode.l10n.t("Report data"), ["yaml", "yml", "json"]);
  if (target === undefined) return;
  if (result.notes.length > 0) {
    output.appendLine(vscode.l10n.t("Imported {0} into {1}. Please look at:", sourceName, vscode.workspace.asRelativePath(target)));
    for (const note of result.notes) output.appendLine(`  - ${note}`);
    const show = vscode.l10n.t("Show notes");
    const choice = await vscode.window.showInformationMessage(vscode.l10n.t("Imported with {0} notes to look at.", result.notes.length), show);
    if (choice === show) output.show(true);
  }
}

export async function newReport(server: ServerConnection): Promise<void> {
  const action = vscode.l10n.t("create a report");
  let profiles: readonly ProfileSummary[] | undefined;
  try {
    profiles = await server.request(LIST_PROFILES_METHOD, {});
  } catch (error) {
    return showRequestError(action, error);
  }
  if (profiles === undefined) return noServer();
  if (profiles.length === 0) {
    void vscode.window.showErrorMessage(vscode.l10n.t("The language server offers no report profiles."));
    return;
  }
  let profile: ProfileSummary | undefined = profiles[0];
  if (profiles.length > 1) {
    const item = await vscode.window.showQuickPick(
      profiles.map((candidate) => ({ label: candidate.title, description: candidate.id, detail: candidate.description, candidate })),
      { placeHolder: vscode.l10n.t("Which kind of report?") },
    );
    profile = item?.candidate;
  }
  if (profile === undefined) return;
  const year = await vscode.window.showInputBox({
    prompt: vscode.l10n.t("The year the report is about"),
    value: String(new Date().getFullYear() - 1),
    validateInput: (value) => (/^\d{4}$/.test(value.trim()) ? undefined : vscode.l10n.t("Enter a four-digit year, such as 2024.")),
  });
  if (year === undefined) return;
  let result;
  try {
    result = await server.request(NEW_REPORT_METHOD, { profile: profile.id, year: Number(year.trim()), format: "yaml" });
  } catch (error) {
    return showRequestError(action, error);
  }
  if (result === undefined) return noServer();
  const folder = defaultFolder() ?? vscode.Uri.file(os.homedir());
  await saveAndOpen(vscode.Uri.joinPath(folder, result.fileName), result.text, vscode.l10n.t("Report data"), ["yaml", "yml", "json"]);
}

interface FormatChoice {
  readonly format: ExportFormat;
  readonly label: string;
  readonly detail: string;
}

export async function exportReport(server: ServerConnection, uri: unknown): Promise<void> {
  const report = targetReport(uri);
  if (report === undefined) return;
  const choices: FormatChoice[] = [
    { format: "docx", label: vscode.l10n.t("Word document (.docx)"), detail: vscode.l10n.t("In the official document format, ready to print or edit") },
    { format: "html", label: vscode.l10n.t("Web page (.html)"), detail: vscode.l10n.t("As the preview shows it; print it from a browser") },
    { format: "text", label: vscode.l10n.t("Plain text (.txt)"), detail: vscode.l10n.t("The report's text with generated numbering") },
  ];
  const choice = await vscode.window.showQuickPick(choices, { placeHolder: vscode.l10n.t("Export the report as") });
  if (choice === undefined) return;
  const action = vscode.l10n.t("export the report");
  let result;
  try {
    result = await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: vscode.l10n.t("Exporting…") }, () =>
      server.request(EXPORT_METHOD, { uri: report.toString(), format: choice.format }),
    );
  } catch (error) {
    return showRequestError(action, error);
  }
  if (result === undefined) return noServer();
  const baseName = (report.path.split("/").pop() ?? "report").replace(/\.report\.(ya?ml|json)$|\.(ya?ml|json)$/, "");
  const suggested = vscode.Uri.joinPath(report, "..", `${baseName}.${result.extension}`);
  const target = await vscode.window.showSaveDialog({ defaultUri: suggested, filters: { [choice.label]: [result.extension] } });
  if (target === undefined) return;
  const bytes = result.encoding === "base64" ? Buffer.from(result.contents, "base64") : Buffer.from(result.contents, "utf8");
  await vscode.workspace.fs.writeFile(target, bytes);
  const reveal = vscode.l10n.t("Open");
  const picked = await vscode.window.showInformationMessage(vscode.l10n.t("Exported to {0}.", vscode.workspace.asRelativePath(target)), reveal);
  if (picked === reveal) await vscode.commands.executeCommand("vscode.open", target);
}
