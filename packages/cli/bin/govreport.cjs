#!/usr/bin/env node
"use strict";
// Starts govreport. Prefers the single-file bundle (dist/) and falls back to the compiled modules (out/) when the
// bundle is missing or older than a compile of this package or a workspace package it bundles — e.g. right after
// `tsc -b` during development, before `pnpm build` has bundled again.
//
// The bundle is compiled through V8's code cache: compiling ~1 MB of JavaScript is a large part of a one-report
// run, and the cache roughly halves start-up. The cache lives in a private per-user folder in the system temp
// folder; anything unexpected there (wrong owner, open permissions) and the cache is simply not used.
const fs = require("node:fs");
const path = require("node:path");

function statOrUndefined(file) {
  try {
    return fs.statSync(file);
  } catch {
    return undefined;
  }
}

const packageDir = path.join(__dirname, "..");
const bundle = path.join(packageDir, "dist", "govreport.cjs");
const modules = path.join(packageDir, "out", "entry.js");
const bundleStat = statOrUndefined(bundle);
// tsc -b rewrites a project's tsbuildinfo whenever it compiles it; outside the repository these do not exist.
const compiledAfterBundle = [
  path.join(packageDir, "tsconfig.tsbuildinfo"),
  ...["core", "render", "schema", "import"].map((name) => path.join(packageDir, "..", name, "tsconfig.tsbuildinfo")),
].some((file) => bundleStat && (statOrUndefined(file)?.mtimeMs ?? 0) > bundleStat.mtimeMs);

if (!bundleStat || compiledAfterBundle) {
  require(modules);
} else if (process.env.GOVREPORT_NO_CODE_CACHE) {
  require(bundle);
} else {
  loadWithCodeCache(bundle, bundleStat);
}

function privateCacheDir() {
  const os = require("node:os");
  const uid = typeof process.getuid === "function" ? process.getuid() : undefined;
  const dir = path.join(os.tmpdir(), `govreport-code-cache-${uid ?? "user"}`);
  try {
    fs.mkdirSync(dir, { mode: 0o700 });
  } catch {
    // It exists already (checked below) or cannot be made (then the stat fails).
  }
  const stat = statOrUndefined(dir);
  if (!stat || !stat.isDirectory()) return undefined;
  if (uid !== undefined && (stat.uid !== uid || (stat.mode & 0o022) !== 0)) return undefined;
  return dir;
}

function loadWithCodeCache(file, stat) {
  const vm = require("node:vm");
  const Module = require("node:module");
  const source = fs.readFileSync(file, "utf8");
  const dir = privateCacheDir();
  const key = `${Math.round(stat.mtimeMs)}-${stat.size}-${process.version}-${process.arch}`;
  const cacheFile = dir && path.join(dir, `govreport-${key}.bin`);
  let cachedData;
  if (cacheFile) {
    try {
      cachedData = fs.readFileSync(cacheFile);
    } catch {
      cachedData = undefined;
    }
  }
  const script = new vm.Script(Module.wrap(source), { filename: file, cachedData });
  const bundleModule = new Module(file, module);
  bundleModule.filename = file;
  bundleModule.paths = Module._nodeModulePaths(path.dirname(file));
  bundleModule.loaded = true;
  const compiled = script.runInThisContext();
  const { isMainThread } = require("node:worker_threads");
  if (cacheFile && isMainThread && (cachedData === undefined || script.cachedDataRejected)) {
    // Written at exit, so the functions this run compiled are in the cache too.
    process.once("exit", () => {
      const temporary = `${cacheFile}.${process.pid}.tmp`;
      try {
        fs.writeFileSync(temporary, script.createCachedData(), { mode: 0o600 });
        fs.renameSync(temporary, cacheFile);
      } catch {
        try {
          fs.unlinkSync(temporary);
        } catch {
          // Nothing was written.
        }
      }
    });
  }
  compiled.call(bundleModule.exports, bundleModule.exports, Module.createRequire(file), bundleModule, file, path.dirname(file));
}
