#!/usr/bin/env node
"use strict";
/*
 * Edit-to-diagnostics latency and memory of the govreport language server, side by side with
 * yaml-language-server validating the same files against the report JSON Schema.
 *
 *   node scripts/bench-lsp.cjs [--edits 100] [--open 50] [--copies 20] [--skip-yaml] [--json file]
 *
 * Needs the bundle: pnpm --filter @govreport/language-server build. Both servers run on this machine over
 * stdio; nothing leaves it (yaml-language-server's schema store download is turned off).
 */
const { spawn } = require("node:child_process");
const { readFileSync, writeFileSync, existsSync } = require("node:fs");
const os = require("node:os");
const path = require("node:path");
const { pathToFileURL } = require("node:url");

const root = path.resolve(__dirname, "..");
const serverDir = path.join(root, "packages", "language-server");
const fromServer = (id) => require(require.resolve(id, { paths: [serverDir] }));
const protocol = fromServer("vscode-languageserver-protocol/node");
const YAML = fromServer("yaml");
const { syntheticReport, examplePath } = require(path.join(root, "bench", "lsp", "synthetic.cjs"));

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const at = args.indexOf(`--${name}`);
  return at >= 0 && args[at + 1] !== undefined ? Number(args[at + 1]) : fallback;
};
const EDITS = option("edits", 100);
const OPEN = option("open", 50);
const COPIES = option("copies", 20);
const SKIP_YAML = args.includes("--skip-yaml");
const jsonAt = args.indexOf("--json");
const JSON_OUT = jsonAt >= 0 ? args[jsonAt + 1] : undefined;
const TIMEOUT_MS = 60000;
/** yaml-language-server waits this long after an edit before validating; it cannot be configured. */
const YAML_LS_DELAY_MS = 200;

const GOVREPORT = { name: "govreport", command: [path.join(serverDir, "dist", "server.js"), "--stdio"] };
const yamlBin = (() => {
  try {
    return path.join(path.dirname(require.resolve("yaml-language-server/package.json", { paths: [serverDir] })), "bin", "yaml-language-server");
  } catch {
    return undefined;
  }
})();
const YAML_LS = { name: "yaml-language-server", command: yamlBin ? [yamlBin, "--stdio"] : undefined };
const schemaUri = pathToFileURL(path.join(root, "packages", "schema", "schema", "report.schema.json")).href;
const yamlSettings = { yaml: { validate: true, hover: false, completion: false, schemas: { [schemaUri]: "*.report.yaml" }, schemaStore: { enable: false }, kubernetesCRDStore: { enable: false } } };

function percentile(sorted, p) {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

function summary(samples) {
  const sorted = [...samples].sort((a, b) => a - b);
  return { n: sorted.length, p50: percentile(sorted, 50), p95: percentile(sorted, 95), max: sorted[sorted.length - 1] ?? NaN };
}

function rssMb(pid) {
  try {
    const status = readFileSync(`/proc/${pid}/status`, "utf8");
    const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1]);
    return kb / 1024;
  } catch {
    return NaN;
  }
}

const delay = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** One server process and a client connection to it. */
async function startServer(server, { pull, initializationOptions }) {
  const child = spawn(process.execPath, server.command, { stdio: ["pipe", "pipe", "ignore"] });
  const connection = protocol.createProtocolConnection(new protocol.StreamMessageReader(child.stdout), new protocol.StreamMessageWriter(child.stdin));
  const listeners = new Set();
  connection.onNotification(protocol.PublishDiagnosticsNotification.type, (params) => {
    for (const listener of [...listeners]) listener(params);
  });
  connection.onRequest(protocol.ConfigurationRequest.type, (params) =>
    params.items.map((item) => (item.section === "yaml" ? yamlSettings.yaml : item.section === "govreport" ? {} : null)),
  );
  connection.onRequest("client/registerCapability", () => null);
  connection.onNotification(protocol.LogMessageNotification.type, () => undefined);
  connection.onNotification(() => undefined);
  connection.onRequest(() => null);
  connection.listen();
  const capabilities = {
    workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: false } },
    textDocument: { publishDiagnostics: { versionSupport: true }, ...(pull ? { diagnostic: { dynamicRegistration: false } } : {}) },
  };
  await connection.sendRequest(protocol.InitializeRequest.type, { processId: process.pid, rootUri: null, workspaceFolders: null, capabilities, initializationOptions });
  await connection.sendNotification(protocol.InitializedNotification.type, {});
  await connection.sendNotification(protocol.DidChangeConfigurationNotification.type, { settings: yamlSettings });
  const nextPublish = (uri, test = () => true) =>
    new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        listeners.delete(listener);
        reject(new Error(`${server.name}: no diagnostics for ${uri} within ${TIMEOUT_MS} ms`));
      }, TIMEOUT_MS);
      const listener = (params) => {
        if (params.uri !== uri || !test(params)) return;
        clearTimeout(timer);
        listeners.delete(listener);
        resolve(params);
      };
      listeners.add(listener);
    });
  const stop = async () => {
    try {
      await Promise.race([connection.sendRequest(protocol.ShutdownRequest.type), delay(3000)]);
      await connection.sendNotification(protocol.ExitNotification.type);
    } catch {
      // The process is killed below anyway.
    }
    await delay(100);
    if (child.exitCode === null) child.kill();
    connection.dispose();
  };
  return { child, connection, nextPublish, stop };
}

/** A place in prose to type at: after the first comma of the preamble. */
function typingPosition(text) {
  const lines = text.split("\n");
  const key = lines.findIndex((l) => /^preamble:/.test(l));
  const line = /^preamble:\s*[|>][+-]?\s*$/.test(lines[key]) ? key + 1 : key;
  const comma = lines[line].indexOf("，");
  return { line, character: comma >= 0 ? comma + 1 : lines[line].length };
}

/**
 * Types and deletes one character at a time in the preamble, `EDITS` times, and measures from sending each
 * change to diagnostics for it: a pull request sent right after the change, or the next publish.
 */
async function latency(server, text, mode) {
  const session = await startServer(server, {
    pull: mode === "pull",
    initializationOptions: server === GOVREPORT ? { diagnosticsDelayMs: 0 } : undefined,
  });
  const uri = pathToFileURL(path.join(os.tmpdir(), `bench-${mode}-${text.length}.report.yaml`)).href;
  try {
    const opened = Date.now();
    const first = mode === "push" ? session.nextPublish(uri) : undefined;
    await session.connection.sendNotification(protocol.DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: "yaml", version: 1, text } });
    let firstCount;
    if (mode === "pull") {
      const report = await session.connection.sendRequest(protocol.DocumentDiagnosticRequest.type, { textDocument: { uri } });
      firstCount = report.items.length;
    } else firstCount = (await first).diagnostics.length;
    const cold = Date.now() - opened;

    const position = typingPosition(text);
    const samples = [];
    let version = 1;
    for (let i = 0; i < EDITS; i++) {
      version++;
      const insert = i % 2 === 0;
      const change = insert
        ? { range: { start: position, end: position }, text: "。" }
        : { range: { start: position, end: { line: position.line, character: position.character + 1 } }, text: "" };
      const published = mode === "push" ? session.nextPublish(uri, (p) => p.version === undefined || p.version === version) : undefined;
      const started = process.hrtime.bigint();
      await session.connection.sendNotification(protocol.DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: [change] });
      if (mode === "pull") await session.connection.sendRequest(protocol.DocumentDiagnosticRequest.type, { textDocument: { uri } });
      else await published;
      samples.push(Number(process.hrtime.bigint() - started) / 1e6);
    }
    return { cold, diagnostics: firstCount, ...summary(samples) };
  } finally {
    await session.stop();
  }
}

/**
 * The same edits checked in this process with core's check() alone: how much of the latency is the engine,
 * and how much the protocol and the server around it.
 */
function inProcess(text) {
  const core = require(path.join(root, "packages", "core"));
  const position = typingPosition(text);
  const lines = text.split("\n");
  const offset = lines.slice(0, position.line).reduce((sum, line) => sum + line.length + 1, 0) + position.character;
  const started = Date.now();
  core.check(text, { fileName: "bench.report.yaml" });
  const cold = Date.now() - started;
  const samples = [];
  for (let i = 0; i < EDITS; i++) {
    const edited = i % 2 === 0 ? text.slice(0, offset) + "。" + text.slice(offset) : text;
    const t0 = process.hrtime.bigint();
    core.check(edited, { fileName: "bench.report.yaml" });
    samples.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  return { cold, diagnostics: core.check(text, { fileName: "bench.report.yaml" }).diagnostics.length, ...summary(samples) };
}

/** RSS after start, and with `OPEN` reports open and checked. */
async function memory(server, text) {
  const session = await startServer(server, { pull: false, initializationOptions: server === GOVREPORT ? { diagnosticsDelayMs: 0 } : undefined });
  try {
    await delay(300);
    const idle = rssMb(session.child.pid);
    for (let i = 0; i < OPEN; i++) {
      const uri = pathToFileURL(path.join(os.tmpdir(), "bench-memory", `r${i}.report.yaml`)).href;
      // Each file differs a little, as the reports of different districts would.
      const variant = text.replace("攀枝花市西区人民政府", `第${i + 1}区人民政府`);
      const published = session.nextPublish(uri);
      await session.connection.sendNotification(protocol.DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: "yaml", version: 1, text: variant } });
      await published;
    }
    await delay(1000);
    return { idle, open: rssMb(session.child.pid) };
  } finally {
    await session.stop();
  }
}

/** yaml-language-server must really validate against our schema, or its numbers mean nothing. */
async function yamlLsValidates() {
  const session = await startServer(YAML_LS, { pull: false });
  try {
    const uri = pathToFileURL(path.join(os.tmpdir(), "bench-sanity.report.yaml")).href;
    const published = session.nextPublish(uri);
    await session.connection.sendNotification(protocol.DidOpenTextDocumentNotification.type, {
      textDocument: { uri, languageId: "yaml", version: 1, text: "format: 2\nprofile: fazhi-annual\ncolour: red\n" },
    });
    const { diagnostics } = await published;
    return diagnostics.length > 0;
  } finally {
    await session.stop();
  }
}

const fmt = (x, digits = 1) => (Number.isFinite(x) ? x.toFixed(digits) : "—");

async function main() {
  if (!existsSync(GOVREPORT.command[0])) {
    console.error(`${GOVREPORT.command[0]} is missing; run: pnpm --filter @govreport/language-server build`);
    process.exitCode = 2;
    return;
  }
  const example = readFileSync(examplePath, "utf8");
  const synthetic = syntheticReport(example, COPIES, YAML);
  const files = [
    { label: "example", text: example },
    { label: `${COPIES}× synthetic`, text: synthetic },
  ];
  const withYaml = !SKIP_YAML && YAML_LS.command !== undefined;
  console.log(`govreport LSP benchmark — node ${process.version}, ${os.cpus().length} cores, load ${os.loadavg().map((x) => x.toFixed(1)).join(" ")}`);
  for (const file of files) console.log(`  ${file.label}: ${file.text.split("\n").length} lines, ${(Buffer.byteLength(file.text) / 1024).toFixed(0)} KB`);
  let yamlValidates = false;
  if (withYaml) {
    yamlValidates = await yamlLsValidates();
    console.log(`  yaml-language-server validates against packages/schema/schema/report.schema.json: ${yamlValidates ? "yes" : "NO (its numbers below are not comparable)"}`);
  } else console.log("  yaml-language-server: skipped");

  const rows = [];
  for (const file of files) {
    rows.push({ file: file.label, server: "(core check() alone)", mode: "in this process, no LSP", ...inProcess(file.text) });
    rows.push({ file: file.label, server: "govreport", mode: "pull: didChange → textDocument/diagnostic", ...(await latency(GOVREPORT, file.text, "pull")) });
    rows.push({ file: file.label, server: "govreport", mode: "push: didChange → publishDiagnostics", ...(await latency(GOVREPORT, file.text, "push")) });
    if (withYaml) {
      const row = await latency(YAML_LS, file.text, "push");
      rows.push({ file: file.label, server: "yaml-language-server", mode: `push, incl. its fixed ${YAML_LS_DELAY_MS} ms delay`, ...row });
      rows.push({
        file: file.label,
        server: "yaml-language-server",
        mode: `push, less the ${YAML_LS_DELAY_MS} ms delay`,
        ...row,
        p50: row.p50 - YAML_LS_DELAY_MS,
        p95: row.p95 - YAML_LS_DELAY_MS,
        max: row.max - YAML_LS_DELAY_MS,
      });
    }
  }

  const memoryRows = [{ server: "govreport", ...(await memory(GOVREPORT, example)) }];
  if (withYaml) memoryRows.push({ server: "yaml-language-server", ...(await memory(YAML_LS, example)) });

  const pad = (text, width) => String(text).padEnd(width);
  const padLeft = (text, width) => String(text).padStart(width);
  console.log("");
  console.log(`Edit → diagnostics latency, ${EDITS} edits each (one character typed or deleted in the preamble), ms`);
  console.log(`${pad("file", 14)}${pad("server", 22)}${pad("mode", 44)}${padLeft("p50", 9)}${padLeft("p95", 9)}${padLeft("max", 9)}${padLeft("first", 9)}${padLeft("diags", 7)}`);
  for (const row of rows) {
    console.log(`${pad(row.file, 14)}${pad(row.server, 22)}${pad(row.mode, 44)}${padLeft(fmt(row.p50), 9)}${padLeft(fmt(row.p95), 9)}${padLeft(fmt(row.max), 9)}${padLeft(row.cold, 9)}${padLeft(row.diagnostics, 7)}`);
  }
  console.log("  first: open → first diagnostics (cold start of the check), ms; diags: diagnostics on the unchanged file");
  console.log("");
  console.log(`Memory (RSS), MB, after start and with ${OPEN} copies of the example open`);
  console.log(`${pad("server", 22)}${padLeft("idle", 9)}${padLeft(`${OPEN} open`, 9)}`);
  for (const row of memoryRows) console.log(`${pad(row.server, 22)}${padLeft(fmt(row.idle), 9)}${padLeft(fmt(row.open), 9)}`);

  const budgets = [
    { file: "example", limit: 10 },
    { file: `${COPIES}× synthetic`, limit: 50 },
  ];
  console.log("");
  for (const budget of budgets) {
    const row = rows.find((r) => r.file === budget.file && r.server === "govreport" && r.mode.startsWith("pull"));
    console.log(`budget ${budget.file}: p95 ${fmt(row.p95)} ms ≤ ${budget.limit} ms — ${row.p95 <= budget.limit ? "met" : "NOT met"}`);
  }
  if (JSON_OUT) writeFileSync(JSON_OUT, JSON.stringify({ node: process.version, load: os.loadavg(), edits: EDITS, open: OPEN, copies: COPIES, yamlValidates, rows, memory: memoryRows }, null, 2));
}

main().catch((error) => {
  console.error(error instanceof Error ? error.stack : error);
  process.exitCode = 1;
});
