// Packages the built extension into govreport-<version>.vsix and prints its size.
// vsce is installed once into the tools cache ($GOVREPORT_TOOLS, default ~/.cache/govreport-tools), outside the
// pnpm workspace: its optional native dependencies have build scripts the workspace does not approve.
// Usage: node scripts/package.cjs [--out <file.vsix>]
"use strict";
const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");
const { execFileSync } = require("node:child_process");

const VSCE_VERSION = "3.9.2";
const root = path.join(__dirname, "..");
const tools = process.env.GOVREPORT_TOOLS || path.join(os.homedir(), ".cache", "govreport-tools");
const vsceDir = path.join(tools, "vsce");
const vsceMain = path.join(vsceDir, "node_modules", "@vscode", "vsce", "vsce");
const manifest = JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8"));
const outIndex = process.argv.indexOf("--out");
const out = outIndex > 0 ? path.resolve(process.argv[outIndex + 1]) : path.join(root, `${manifest.name}-${manifest.version}.vsix`);

function installedVersion() {
  try {
    return JSON.parse(fs.readFileSync(path.join(vsceDir, "node_modules", "@vscode", "vsce", "package.json"), "utf8")).version;
  } catch {
    return undefined;
  }
}

for (const required of ["dist/extension.js", "media/preview.js", "media/document.css", "dist/report.schema.json"]) {
  if (!fs.existsSync(path.join(root, required))) {
    process.stderr.write(`[package] ${required} is missing: run the build first (pnpm run build)\n`);
    process.exit(1);
  }
}
if (!fs.existsSync(path.join(root, "dist/server.js"))) {
  process.stderr.write("[package] WARNING: dist/server.js is missing; the package will have no language server\n");
}

if (installedVersion() !== VSCE_VERSION) {
  process.stdout.write(`[package] installing @vscode/vsce@${VSCE_VERSION} into ${vsceDir}\n`);
  fs.mkdirSync(vsceDir, { recursive: true });
  execFileSync("npm", ["i", "--no-audit", "--no-fund", "--prefix", vsceDir, `@vscode/vsce@${VSCE_VERSION}`], { stdio: "inherit" });
}

// Everything is bundled, so no dependency walk; README images stay relative and resolve inside the installed extension.
execFileSync(
  process.execPath,
  [vsceMain, "package", "--no-dependencies", "--allow-missing-repository", "--no-rewrite-relative-links", "--out", out],
  { cwd: root, stdio: "inherit" },
);
const bytes = fs.statSync(out).size;
process.stdout.write(`[package] ${path.relative(process.cwd(), out) || out}: ${bytes} bytes (${(bytes / 1024).toFixed(0)} KB)\n`);
