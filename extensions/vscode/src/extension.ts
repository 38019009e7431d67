import * as vscode from "vscode";
import { PREVIEW_INVALIDATED_METHOD, PREVIEW_VIEW_TYPE, type PreviewInvalidatedParams } from "@govreport/protocol";
import { ServerConnection } from "./client.js";
import { checkWorkspace, exportReport, importReport, newReport, targetReport } from "./commands.js";
import { PreviewManager } from "./preview.js";

let connection: ServerConnection | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const output = vscode.window.createOutputChannel("govreport", { log: true });
  const server = new ServerConnection(context, output);
  connection = server;
  const previews = new PreviewManager(context, server);

  context.subscriptions.push(
    output,
    server,
    previews,
    vscode.window.registerWebviewPanelSerializer(PREVIEW_VIEW_TYPE, previews),
    server.onDidStart((client) => {
      context.subscriptions.push(
        client.onNotification(PREVIEW_INVALIDATED_METHOD, (params: PreviewInvalidatedParams) => {
          if (typeof params?.uri === "string") previews.refresh(params.uri);
        }),
      );
    }),
    vscode.commands.registerCommand("govreport.openPreviewToSide", (uri: unknown) => {
      const report = targetReport(uri);
      if (report !== undefined) previews.openToSide(report);
    }),
    vscode.commands.registerCommand("govreport.checkWorkspace", () => checkWorkspace(server)),
    vscode.commands.registerCommand("govreport.importReport", () => importReport(server, output)),
    vscode.commands.registerCommand("govreport.newReport", () => newReport(server)),
    vscode.commands.registerCommand("govreport.export", (uri: unknown) => exportReport(server, uri)),
    vscode.commands.registerCommand("govreport.restartServer", () => server.restart()),
  );

  // Start the server with the extension, so diagnostics appear as soon as a report is open.
  await server.ready();
}

export async function deactivate(): Promise<void> {
  connection?.dispose();
  connection = undefined;
}
