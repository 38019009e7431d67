/** The bundle's entry point: an LSP server over the transport named on the command line (--stdio, --node-ipc, --socket=N). */
import { createConnection, ProposedFeatures } from "vscode-languageserver/node";
import { startServer } from "./server.js";

const TRANSPORTS = ["--stdio", "--node-ipc", "--socket", "--pipe"];
// Editors that start a server without naming a transport expect stdio.
if (!process.argv.some((arg) => TRANSPORTS.some((transport) => arg === transport || arg.startsWith(`${transport}=`)))) process.argv.push("--stdio");

const connection = createConnection(ProposedFeatures.all);

// A bug in a handler must cost one answer, not the server: log it and keep serving.
process.on("uncaughtException", (error) => connection.console.error(`uncaught: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`));
process.on("unhandledRejection", (reason) => connection.console.error(`unhandled rejection: ${reason instanceof Error ? (reason.stack ?? reason.message) : String(reason)}`));

startServer(connection);
connection.listen();
