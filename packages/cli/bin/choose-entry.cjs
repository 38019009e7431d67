"use strict";
// Which build of the package to run: the bundle (dist/), or the compiled modules (out/) when the bundle is missing
// or older than a compile of this package or a workspace package it bundles — e.g. right after `tsc -b` during
// development, before `pnpm build` has bundled again. bin/govreport.cjs runs what this picks (the bundle's files
// through V8's code cache, by dist/loader.cjs); scripts/bench-cli.cjs checks that it is the bundle before timing it.
const fs = require("node:fs");
const path = require("node:path");

function modifiedMs(file) {
  try {
    return fs.statSync(file).mtimeMs;
  } catch {
    return undefined;
  }
}

// tsc -b rewrites a project's tsbuildinfo whenever it compiles it; outside the repository these do not exist. A
// build restored from turbo's cache writes the bundle and the tsbuildinfo files together, in any order, so only a
// compile clearly later than the bundle counts.
const RESTORED_TOGETHER_MS = 2000;

function chooseEntry(packageDir) {
  const bundle = path.join(packageDir, "dist", "govreport.cjs");
  const bundled = modifiedMs(bundle);
  const compiledAfterBundle =
    bundled !== undefined &&
    [path.join(packageDir, "tsconfig.tsbuildinfo"), ...["core", "render", "schema", "import"].map((name) => path.join(packageDir, "..", name, "tsconfig.tsbuildinfo"))].some(
      (file) => (modifiedMs(file) ?? 0) > bundled + RESTORED_TOGETHER_MS,
    );
  return bundled === undefined || compiledAfterBundle ? { file: path.join(packageDir, "out", "entry.js"), bundle: false } : { file: bundle, bundle: true };
}

module.exports = { chooseEntry };
