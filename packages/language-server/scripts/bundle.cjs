#!/usr/bin/env node
"use strict";
// Bundles the server and everything it imports into one CommonJS file, dist/server.js, so an editor
// extension can ship it without node_modules. The workspace packages come from their TypeScript sources and yaml
// from its ES module build, as in the command line's bundle (scripts/bundle-plugins.cjs at the repository root), so
// that the editor and CI run the same code.
const path = require("node:path");
const esbuild = require("esbuild");
const { checkLocales, workspaceSources, yamlModules } = require("../../../scripts/bundle-plugins.cjs");

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
    metafile: true,
    plugins: [workspaceSources(["schema", "core", "render", "protocol"]), yamlModules],
  })
  .then((result) => checkLocales(result.metafile, "language-server bundle"))
  .catch(() => {
    process.exitCode = 1;
  });
