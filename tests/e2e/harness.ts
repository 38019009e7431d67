import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import * as fs from "node:fs";
import * as net from "node:net";
import * as os from "node:os";
import * as path from "node:path";

/**
 * What the VS Code end-to-end test needs around the browser: the tools (scripts/e2e-setup.sh), the packaged
 * extension, a throw-away workspace made from examples/, and a code-server that is always stopped again.
 */

export const REPO_ROOT = path.resolve(__dirname, "..", "..");
export const ARTIFACTS_DIR = path.join(REPO_ROOT, "test-artifacts", "e2e");
const EXTENSION_DIR = path.join(REPO_ROOT, "extensions", "vscode");

export interface Tools {
  readonly node24: string;
  readonly codeServerEntry: string;
  readonly chromium: string;
}

/** Runs the idempotent setup script (minutes the first time, well under a second afterwards). */
export function ensureTools(): Tools {
  const script = path.join(REPO_ROOT, "scripts", "e2e-setup.sh");
  let stdout: string;
  try {
    stdout = execFileSync("bash", [script], { encoding: "utf8", stdio: ["ignore", "pipe", "inherit"], timeout: 15 * 60_000 });
  } catch (error) {
    throw new Error(`scripts/e2e-setup.sh failed (see its output above): ${(error as Error).message}`);
  }
  const values = new Map(
    stdout
      .split("\n")
      .map((line) => /^([A-Z0-9_]+)=(.*)$/.exec(line.trim()))
      .filter((match): match is RegExpExecArray => match !== null)
      .map((match) => [match[1]!, match[2]!] as const),
  );
  const tools = { node24: values.get("NODE24"), codeServerEntry: values.get("CODE_SERVER_ENTRY"), chromium: values.get("CHROMIUM") };
  for (const [name, value] of Object.entries(tools)) {
    if (value === undefined || !fs.existsSync(value)) throw new Error(`scripts/e2e-setup.sh did not provide ${name} (got ${String(value)})`);
  }
  return tools as Tools;
}

/**
 * Builds and packages the extension into `outDir`, or takes the .vsix named by GOVREPORT_E2E_VSIX.
 * The build refuses to go on without the language server bundle: without it the test would only show that.
 */
export function packageExtension(outDir: string): string {
  const given = process.env.GOVREPORT_E2E_VSIX;
  if (given !== undefined && given !== "") {
    if (!fs.existsSync(given)) throw new Error(`GOVREPORT_E2E_VSIX=${given} does not exist`);
    return given;
  }
  const vsix = path.join(outDir, "govreport-e2e.vsix");
  const run = (args: string[]) => {
    try {
      execFileSync(process.execPath, args, { cwd: EXTENSION_DIR, stdio: ["ignore", "pipe", "pipe"], encoding: "utf8", timeout: 5 * 60_000 });
    } catch (error) {
      const failure = error as { stdout?: string; stderr?: string; message: string };
      throw new Error(`extension ${args[0]} failed:\n${failure.stdout ?? ""}${failure.stderr ?? failure.message}`);
    }
  };
  run(["scripts/build.cjs", "--require-server"]);
  run(["scripts/package.cjs", "--out", vsix]);
  return vsix;
}

export interface Workspace {
  readonly dir: string;
  /** Workspace-relative path (with /) of each report-data file, keyed by its path under examples/. */
  readonly files: ReadonlyMap<string, string>;
}

/**
 * Copies examples/ into `dir`. Report-data files that do not yet end in .report.yaml are renamed so the
 * extension recognises them: `<folder>/report.yaml` becomes `<folder>/<folder>.report.yaml`, `x.yaml` becomes
 * `x.report.yaml`. Other files are copied as they are.
 */
export function prepareWorkspace(dir: string): Workspace {
  const examples = path.join(REPO_ROOT, "examples");
  const files = new Map<string, string>();
  const copy = (relative: string) => {
    const source = path.join(examples, relative);
    for (const entry of fs.readdirSync(source, { withFileTypes: true })) {
      const entryRelative = relative === "" ? entry.name : `${relative}/${entry.name}`;
      if (entry.isDirectory()) {
        copy(entryRelative);
        continue;
      }
      let targetRelative = entryRelative;
      if (/\.ya?ml$/.test(entry.name) && !/\.report\.ya?ml$/.test(entry.name)) {
        const folder = path.posix.basename(relative);
        const stem = entry.name.replace(/\.ya?ml$/, "");
        const name = stem === "report" && folder !== "" ? `${folder}.report.yaml` : `${stem}.report.yaml`;
        targetRelative = relative === "" ? name : `${relative}/${name}`;
      }
      if (/\.report\.(ya?ml|json)$/.test(targetRelative)) files.set(entryRelative, targetRelative);
      const target = path.join(dir, targetRelative);
      fs.mkdirSync(path.dirname(target), { recursive: true });
      fs.copyFileSync(path.join(source, entry.name), target);
    }
  };
  copy("");
  return { dir, files };
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address !== null ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

export interface CodeServer {
  readonly url: string;
  readonly logFile: string;
  logTail(lines?: number): string;
  stop(): Promise<void>;
}

const USER_SETTINGS = {
  "telemetry.telemetryLevel": "off",
  "update.mode": "none",
  "extensions.autoUpdate": false,
  "extensions.autoCheckUpdates": false,
  "extensions.ignoreRecommendations": true,
  "workbench.startupEditor": "none",
  "workbench.tips.enabled": false,
  "workbench.secondarySideBar.defaultVisibility": "hidden",
  "workbench.enableExperiments": false,
  "security.workspace.trust.enabled": false,
  "chat.disableAIFeatures": true,
  "git.enabled": false,
  "editor.minimap.enabled": false,
  "window.commandCenter": false,
};

/** Installs the .vsix into a fresh user-data dir under `tmp` and starts code-server on a free loopback port. */
export async function startCodeServer(tools: Tools, tmp: string, vsix: string, workspaceDir: string): Promise<CodeServer> {
  const userData = path.join(tmp, "user-data");
  const extensions = path.join(tmp, "extensions");
  const home = path.join(tmp, "home");
  for (const dir of [path.join(userData, "User"), extensions, path.join(home, "config"), path.join(home, "data"), path.join(home, "tmp")]) {
    fs.mkdirSync(dir, { recursive: true });
  }
  fs.writeFileSync(path.join(userData, "User", "settings.json"), JSON.stringify(USER_SETTINGS, null, 2));
  // Everything code-server and VS Code write goes under `tmp`: config with a password, IPC sockets, caches.
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    XDG_CONFIG_HOME: path.join(home, "config"),
    XDG_DATA_HOME: path.join(home, "data"),
    TMPDIR: path.join(home, "tmp"),
    EXTENSIONS_GALLERY: "{}",
  };
  const common = ["--user-data-dir", userData, "--extensions-dir", extensions];
  try {
    execFileSync(tools.node24, [tools.codeServerEntry, ...common, "--install-extension", vsix], { env, encoding: "utf8", stdio: "pipe", timeout: 120_000 });
  } catch (error) {
    const failure = error as { stdout?: string; stderr?: string; message: string };
    throw new Error(`code-server --install-extension failed:\n${failure.stdout ?? ""}${failure.stderr ?? failure.message}`);
  }
  const listed = execFileSync(tools.node24, [tools.codeServerEntry, ...common, "--list-extensions", "--show-versions"], { env, encoding: "utf8", timeout: 60_000 });
  if (!/^govreport\.govreport@/m.test(listed)) throw new Error(`the extension is not listed after installing it:\n${listed}`);

  const port = await freePort();
  const logFile = path.join(tmp, "code-server.log");
  const log = fs.openSync(logFile, "w");
  // detached: its own process group, so stop() ends the extension host, the language server and the rest with it.
  const child: ChildProcess = spawn(
    tools.node24,
    [
      tools.codeServerEntry,
      "--bind-addr",
      `127.0.0.1:${port}`,
      "--auth",
      "none",
      "--disable-telemetry",
      "--disable-update-check",
      "--disable-workspace-trust",
      "--disable-getting-started-override",
      ...common,
      workspaceDir,
    ],
    { env, detached: true, stdio: ["ignore", log, log] },
  );
  fs.closeSync(log);
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const killGroup = (signal: NodeJS.Signals) => {
    try {
      if (child.pid !== undefined) process.kill(-child.pid, signal);
    } catch {
      // already gone
    }
  };
  const onExit = () => killGroup("SIGKILL");
  process.once("exit", onExit);

  const server: CodeServer = {
    url: `http://127.0.0.1:${port}`,
    logFile,
    logTail(lines = 40) {
      try {
        return fs.readFileSync(logFile, "utf8").split("\n").slice(-lines).join("\n");
      } catch {
        return "(no log)";
      }
    },
    async stop() {
      process.removeListener("exit", onExit);
      if (child.exitCode !== null || child.signalCode !== null) return;
      killGroup("SIGTERM");
      const timedOut = await Promise.race([exited.then(() => false), sleep(5000).then(() => true)]);
      if (timedOut) {
        killGroup("SIGKILL");
        await Promise.race([exited, sleep(2000)]);
      }
    },
  };

  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`code-server exited with ${child.exitCode} before it answered:\n${server.logTail()}`);
    try {
      const response = await fetch(`${server.url}/healthz`);
      if (response.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await server.stop();
      throw new Error(`code-server did not answer /healthz within 60 s:\n${server.logTail()}`);
    }
    await sleep(200);
  }
  return server;
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

export function makeTempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), "govreport-e2e-"));
}
