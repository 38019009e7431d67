import { mkdirSync, readdirSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync, type Stats } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { Script } from "node:vm";

/**
 * Loads one of the bundle's files (`dist/<name>.cjs`: the main file or a command file, see scripts/bundle.cjs)
 * through V8's code cache:
 * compiling the engine is a large part of a one-report run, and the cache saves most of it. The cache lives in a
 * private per-user folder in the system temp folder; anything unexpected there (wrong owner, open permissions) and
 * the cache is simply not used. GOVREPORT_NO_CODE_CACHE turns it off.
 */
export function loadChunk(dir: string, name: string): unknown {
  const file = path.join(dir, `${name}.cjs`);
  if (process.env.GOVREPORT_NO_CODE_CACHE) return require(file);
  let stat: Stats;
  try {
    stat = statSync(file);
  } catch {
    return require(file);
  }
  const source = readFileSync(file, "utf8");
  const cacheDir = privateCacheDir();
  // One cache per installed copy of each file; a rebuilt or updated file gets a new one and the old is removed.
  const prefix = `${name}-${hashPath(file)}-`;
  const cacheFile = cacheDir && path.join(cacheDir, `${prefix}${Math.round(stat.mtimeMs)}-${stat.size}-${process.version}-${process.arch}.bin`);
  let cachedData: Buffer | undefined;
  if (cacheFile) {
    try {
      cachedData = readFileSync(cacheFile);
    } catch {
      cachedData = undefined;
    }
  }
  // The wrapper Node's own loader puts around a CommonJS file; `module` is all a bundle file uses of its module
  // object (it sets `module.exports`). Node's module API itself is not loaded: it costs a start-up half a millisecond.
  const script = new Script(`(function (exports, require, module, __filename, __dirname) { ${source}\n});`, { filename: file, cachedData });
  const chunk: { exports: unknown } = { exports: {} };
  const compiled = script.runInThisContext() as (exports: unknown, require: NodeJS.Require, module: { exports: unknown }, filename: string, dirname: string) => void;
  if (cacheFile && (cachedData === undefined || script.cachedDataRejected) && require("node:worker_threads").isMainThread) {
    // Written at exit, so the functions this run compiled are in the cache too. Worker threads only read it.
    process.once("exit", () => {
      warmUp(chunk.exports, dir);
      writeCache(cacheFile, prefix, script);
    });
  }
  // This file's own `require` resolves as one made for the command file would: both live in dist/ (and what a
  // command file requires is Node's built-in modules, the rest being bundled). Making another costs a start-up.
  compiled.call(chunk.exports, chunk.exports, require, chunk, file, dir);
  return chunk.exports;
}

/**
 * V8 caches the functions compiled so far, and a cache once accepted is kept: written after a run that checked an
 * empty file, it would leave most of the engine to be compiled on every later run. A command file can export
 * `warmUpCodeCache(dir)` to run its usual work on a sample first, so that the cache does not depend on what the
 * first run happened to do. It costs that one run a moment at exit. The main file has none: it is small, and what a
 * first run such as `--version` left out is compiled as before, a fraction of a millisecond.
 */
function warmUp(exports: unknown, dir: string): void {
  const warm = (exports as { warmUpCodeCache?: unknown } | undefined)?.warmUpCodeCache;
  if (typeof warm !== "function") return;
  try {
    warm(dir);
  } catch {
    // The cache is only less complete.
  }
}

function privateCacheDir(): string | undefined {
  const uid = typeof process.getuid === "function" ? process.getuid() : undefined;
  const dir = path.join(tmpdir(), `govreport-code-cache-${uid ?? "user"}`);
  try {
    mkdirSync(dir, { mode: 0o700 });
  } catch {
    // It exists already (checked below) or cannot be made (then the stat fails).
  }
  let stat: Stats;
  try {
    stat = statSync(dir);
  } catch {
    return undefined;
  }
  if (!stat.isDirectory()) return undefined;
  if (uid !== undefined && (stat.uid !== uid || (stat.mode & 0o022) !== 0)) return undefined;
  return dir;
}

/** FNV-1a, enough to tell installed copies apart in a file name. */
function hashPath(file: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < file.length; i++) hash = Math.imul(hash ^ file.charCodeAt(i), 0x01000193);
  return (hash >>> 0).toString(36);
}

function writeCache(cacheFile: string, prefix: string, script: Script): void {
  const temporary = `${cacheFile}.${process.pid}.tmp`;
  try {
    writeFileSync(temporary, script.createCachedData(), { mode: 0o600 });
    renameSync(temporary, cacheFile);
  } catch {
    try {
      unlinkSync(temporary);
    } catch {
      // Nothing was written.
    }
    return;
  }
  // The caches of earlier builds of this file are of no more use.
  const dir = path.dirname(cacheFile);
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    return;
  }
  for (const entry of entries) {
    if (!entry.startsWith(prefix) || !entry.endsWith(".bin") || path.join(dir, entry) === cacheFile) continue;
    try {
      unlinkSync(path.join(dir, entry));
    } catch {
      // Another run removed it first.
    }
  }
}
