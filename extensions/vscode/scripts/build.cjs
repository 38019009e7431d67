// Builds everything the extension ships, from the workspace:
//   dist/extension.js      the extension, bundled (vscode stays external)
//   dist/server.js         the language server bundle, copied from packages/language-server/dist
//   dist/report.schema.json the report-data JSON Schema, for jsonValidation / yamlValidation
//   media/preview.js       the webview script
//   media/document.css     the stylesheet of the rendered report, the same the standalone HTML inlines
// Usage: node scripts/build.cjs [--require-server]   (with the flag, a missing server bundle is an error)
"use strict";
const fs = require("node:fs");
const path = require("node:path");
const esbuild = require("esbuild");

const root = path.join(__dirname, "..");
const dist = path.join(root, "dist");
const media = path.join(root, "media");
const requireServer = process.argv.includes("--require-server");

function log(message) {
  process.stdout.write(`[build] ${message}\n`);
}

function size(file) {
  return `${(fs.statSync(file).size / 1024).toFixed(0)} KB`;
}

async function main() {
  fs.mkdirSync(dist, { recursive: true });

  await esbuild.build({
    entryPoints: [path.join(root, "src/extension.ts")],
    bundle: true,
    platform: "node",
    format: "cjs",
    target: "node20",
    external: ["vscode"],
    outfile: path.join(dist, "extension.js"),
    minify: true,
    sourcemap: true,
    logLevel: "warning",
  });
  log(`dist/extension.js ${size(path.join(dist, "extension.js"))}`);

  await esbuild.build({
    entryPoints: [path.join(root, "src/webview/main.ts")],
    bundle: true,
    platform: "browser",
    format: "iife",
    target: "chrome120",
    outfile: path.join(media, "preview.js"),
    minify: true,
    logLevel: "warning",
  });
  log(`media/preview.js ${size(path.join(media, "preview.js"))}`);

  // The stylesheet lives with the renderer; take it from its source so the preview and the exported page never drift.
  const renderRoot = path.dirname(require.resolve("@govreport/render/package.json"));
  const styleBundle = await esbuild.build({
    entryPoints: [path.join(renderRoot, "src/html-style.ts")],
    bundle: true,
    platform: "neutral",
    format: "cjs",
    write: false,
    logLevel: "warning",
  });
  const styleModule = { exports: {} };
  new Function("module", "exports", styleBundle.outputFiles[0].text)(styleModule, styleModule.exports);
  const css = styleModule.exports.DOCUMENT_CSS;
  if (typeof css !== "string" || css.length === 0) throw new Error("packages/render/src/html-style.ts exports no DOCUMENT_CSS");
  fs.writeFileSync(path.join(media, "document.css"), css.trimStart());
  log(`media/document.css ${size(path.join(media, "document.css"))}`);

  const schema = require.resolve("@govreport/schema/report.schema.json");
  fs.copyFileSync(schema, path.join(dist, "report.schema.json"));
  log(`dist/report.schema.json ${size(path.join(dist, "report.schema.json"))}`);

  const server =
    process.env.GOVREPORT_SERVER_BUNDLE || path.join(path.dirname(require.resolve("@govreport/language-server/package.json")), "dist", "server.js");
  const serverTarget = path.join(dist, "server.js");
  if (fs.existsSync(server)) {
    fs.copyFileSync(server, serverTarget);
    log(`dist/server.js ${size(serverTarget)} (from ${path.relative(root, server)})`);
  } else {
    fs.rmSync(serverTarget, { force: true });
    const message = `no language server bundle at ${path.relative(root, server)}; build packages/language-server first`;
    if (requireServer) throw new Error(message);
    log(`WARNING: ${message}. The extension will report the server as missing.`);
  }
}

main().catch((error) => {
  process.stderr.write(`[build] ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
