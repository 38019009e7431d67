#!/usr/bin/env node
"use strict";
// Bundles the server and everything it imports into one CommonJS file, dist/server.js, so an editor
// extension can ship it without node_modules.
const path = require("node:path");
const esbuild = require("esbuild");

const root = path.resolve(__dirname, "..");
esbuild
  .build({
    entryPoints: [path.join(root, "src", "main.ts")],
    outfile: path.join(root, "dist", "server.js"),
    bundle: true,
    platform: "node",
    format: "cjs",
    target: "node20",
    sourcemap: true,
    logLevel: "warning",
  })
  .catch(() => {
    process.exitCode = 1;
  });
