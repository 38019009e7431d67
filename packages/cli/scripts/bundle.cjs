#!/usr/bin/env node
// Bundles the CLI into one file. Loading one file instead of a few hundred modules is what keeps a single-report
// check close to bare Node start-up (see scripts/bench-cli.cjs at the repository root).
"use strict";
const path = require("node:path");
const esbuild = require("esbuild");

const root = path.resolve(__dirname, "..");
esbuild
  .build({
    entryPoints: [path.join(root, "src", "entry.ts")],
    outfile: path.join(root, "dist", "govreport.cjs"),
    bundle: true,
    platform: "node",
    format: "cjs",
    target: "node20",
    minify: true,
    sourcemap: true,
    legalComments: "linked",
    logLevel: "warning",
    // Some dependencies ship ESM that calls createRequire(import.meta.url); in a CommonJS bundle that URL is this file.
    define: { "import.meta.url": "__govreportBundleUrl" },
    banner: { js: 'var __govreportBundleUrl = require("node:url").pathToFileURL(__filename).href;' },
  })
  .catch(() => {
    process.exitCode = 1;
  });
