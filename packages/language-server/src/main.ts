/** The bundle's entry point: an LSP server over the transport named on the command line (--stdio, --node-ipc, --socket=N). */
import { inspect } from "node:util";
import { createConnection, ProposedFeatures, StreamMessageWriter, type RemoteConsole } from "vscode-languageserver/node";
import { jsonEncoder } from "./json-encoder.js";
import { startServer } from "./server.js";

const TRANSPORTS = ["--stdio", "--node-ipc", "--socket", "--pipe"];
const isTransport = (arg: string) => TRANSPORTS.some((transport) => arg === transport || arg.startsWith(`${transport}=`));
// Editors that start a server without naming a transport expect stdio.
if (!process.argv.some(isTransport)) process.argv.push("--stdio");
const overStdio = process.argv.slice(2).find(isTransport) === "--stdio";

/**
 * Console output would land in stdout, between protocol messages, and break the stream: it goes to the client's
 * log instead. The library does the same (its `patchConsole`) only when it opens stdio itself, and does not export
 * it; this is that, for the writer the server brings.
 */
function keepConsoleOffStdout(remote: RemoteConsole): void {
  const text = (args: unknown[]) => args.map((arg) => (typeof arg === "string" ? arg : inspect(arg))).join(" ");
  console.log = (...args: unknown[]) => remote.log(text(args));
  console.info = (...args: unknown[]) => remote.info(text(args));
  console.debug = (...args: unknown[]) => remote.log(text(args));
  console.warn = (...args: unknown[]) => remote.warn(text(args));
  console.error = (...args: unknown[]) => remote.error(text(args));
  console.trace = (...args: unknown[]) => remote.log(`Trace${args.length > 0 ? `: ${text(args)}` : ""}\n${new Error().stack?.replace(/(.+\n){2}/, "") ?? ""}`);
  console.dir = (value: unknown, options?: object) => remote.log(inspect(value, options));
}

// Over stdio the server brings its own writer, for its encoder (see json-encoder.ts). stdin is still handed over
// as a stream, so the library ends the process when the editor closes it, as it does for its own stdio. The
// declared overloads pair a stream with a stream, but each side is taken as a stream or a reader/writer alone.
const connection = overStdio
  ? createConnection(ProposedFeatures.all, process.stdin, new StreamMessageWriter(process.stdout, { contentTypeEncoder: jsonEncoder }) as unknown as NodeJS.WritableStream)
  : createConnection(ProposedFeatures.all);
if (overStdio) keepConsoleOffStdout(connection.console);

// A bug in a handler must cost one answer, not the server: log it and keep serving.
process.on("uncaughtException", (error) => connection.console.error(`uncaught: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`));
process.on("unhandledRejection", (reason) => connection.console.error(`unhandled rejection: ${reason instanceof Error ? (reason.stack ?? reason.message) : String(reason)}`));

startServer(connection);
connection.listen();
