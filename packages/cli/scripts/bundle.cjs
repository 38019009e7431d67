#!/usr/bin/env node
// Bundles the CLI. Loading a few files instead of a few hundred modules is what keeps a single-report check close
// to bare Node start-up (see scripts/bench-cli.cjs at the repository root). The bundle is split by command:
//
//   dist/loader.cjs      src/chunk-loader.ts, which loads each file below through V8's code cache (tiny)
//   dist/govreport.cjs   argument parsing, help, version (small); bin/govreport.cjs loads it through loader.cjs
//   dist/check.cjs       `govreport check` and the check worker threads: the engine, schema and formats
//   dist/<command>.cjs   init, render, import, schema: each with what it needs
//
// so that `check` reads and evaluates only the code it runs. main.ts and entry.ts load a command with
// `import("./commands/<command>.js")`; in the bundle that import becomes a call to loader.cjs, which loads
// dist/<command>.cjs. Everything under out/ (the fallback bin/ uses during development) is untouched by this.
//
// The workspace packages are bundled from their TypeScript sources rather than from out/, and yaml from its ES
// module build (scripts/bundle-plugins.cjs at the repository root): zod's 40-odd message locales and the schema
// builders nothing uses are dropped, and the engine calls yaml directly.
"use strict";
const { copyFileSync, existsSync, readFileSync, rmSync } = require("node:fs");
const path = require("node:path");
const esbuild = require("esbuild");
const { checkLocales, workspaceSources, yamlModules } = require("../../../scripts/bundle-plugins.cjs");

const root = path.resolve(__dirname, "..");
const src = path.join(root, "src");
const dist = path.join(root, "dist");
const COMMANDS = ["check", "init", "render", "import", "schema"];
const WORKSPACE = ["schema", "core", "render", "import"];
/** Modules of this package that may be in the main file and a command file: they hold no state (see checkDuplicates). */
const STATELESS = new Set(["src/io.ts", "src/version.ts"]);

const common = {
  bundle: true,
  platform: "node",
  format: "cjs",
  target: "node20",
  minify: true,
  sourcemap: true,
  legalComments: "linked",
  logLevel: "warning",
  metafile: true,
  // Some dependencies ship ESM that calls createRequire(import.meta.url); in a CommonJS bundle that URL is the file.
  // Worked out when first asked for: most runs never ask, and URL parsing is not free at start-up.
  define: { "import.meta.url": "__govreportBundle.url" },
  banner: { js: 'var __govreportBundle = { get url() { return require("node:url").pathToFileURL(__filename).href; } };' },
};

/** In the main file, `./commands/<command>.js` is loaded from dist/<command>.cjs at run time, by dist/loader.cjs. */
const commandFiles = {
  name: "command-files",
  setup(build) {
    build.onResolve({ filter: /^\.\/loader\.cjs$/ }, (args) => ({ path: args.path, external: true }));
    build.onResolve({ filter: new RegExp(`^\\./commands/(${COMMANDS.join("|")})\\.js$`) }, (args) => ({
      path: args.path.slice("./commands/".length, -".js".length),
      namespace: "command-file",
    }));
    build.onLoad({ filter: /.*/, namespace: "command-file" }, (args) => ({
      contents: `module.exports = require("./loader.cjs").loadChunk(__dirname, ${JSON.stringify(args.path)});`,
      resolveDir: src,
      loader: "js",
    }));
  },
};

/**
 * fdir (which crawls a folder named on the command line, src/files.ts) looks for picomatch when it is loaded, for
 * its glob filters, through a `require` made from its own URL. govreport never gives it a glob, and the look-up
 * loads Node's module system API and searches node_modules on every run that crawls a folder. The build drops it;
 * if fdir's code changes, the build fails here rather than ship the look-up again.
 */
const fdirWithoutGlobs = {
  name: "fdir-without-globs",
  setup(build) {
    build.onLoad({ filter: /[\\/]fdir[\\/]dist[\\/]index\.mjs$/ }, (args) => {
      const lookup = /\ntry \{\n\t__require\.resolve\("picomatch"\);\n\tpm = __require\("picomatch"\);\n\} catch \{\}\n/;
      const requireFromUrl = "var __require = /* @__PURE__ */ createRequire(import.meta.url);\n";
      const code = readFileSync(args.path, "utf8");
      if (!lookup.test(code) || !code.includes(requireFromUrl)) throw new Error(`${args.path}: fdir's picomatch look-up has changed; update fdirWithoutGlobs`);
      return { contents: code.replace(lookup, "\n").replace(requireFromUrl, ""), loader: "js" };
    });
  },
};

/**
 * Each output file is bundled on its own, so a module of this package in both the main file and a command file
 * exists twice at run time. (Command files never meet: a process loads one command, and workers load `check`.) That
 * is harmless only for modules without state; an `instanceof` across files fails too, which is why io.ts marks its
 * error class. The build fails for anything else, rather than ship two copies of some state that must be one.
 */
function checkDuplicates(entry, commands) {
  const sourcesOf = (info) =>
    Object.keys(info.inputs)
      .map((input) => path.relative(root, path.resolve(process.cwd(), input)).split(path.sep).join("/"))
      .filter((file) => file.startsWith("src/"));
  const inMain = new Set(Object.values(entry.outputs).flatMap(sourcesOf));
  const shared = new Set();
  for (const info of Object.values(commands.outputs)) {
    for (const file of sourcesOf(info)) if (inMain.has(file) && !STATELESS.has(file)) shared.add(file);
  }
  if (shared.size > 0) throw new Error(`modules in both the main file and a command file: ${[...shared].join(", ")}`);
}

/**
 * Command files run through vm.Script (src/chunk-loader.ts), which has no loader for ES modules: an `import()` of
 * something left outside the bundle (a Node built-in) fails there at run time. Such code must use require().
 */
function checkDynamicImports(metafile) {
  const found = Object.entries(metafile.inputs).flatMap(([input, info]) =>
    info.imports.filter((entry) => entry.kind === "dynamic-import" && entry.external).map((entry) => `${input} → ${entry.path}`),
  );
  if (found.length > 0) throw new Error(`import() of modules outside the bundle (use require()): ${found.join(", ")}`);
}

/**
 * The report src/commands/check.ts checks before the code cache of dist/check.cjs is written (see warmUpCodeCache).
 * Without it the cache holds only what the first run compiled.
 */
function copyCodeCacheSample() {
  const sample = path.resolve(root, "..", "..", "examples", "xiqu-2021", "report.yaml");
  if (existsSync(sample)) copyFileSync(sample, path.join(dist, "code-cache-sample.yaml"));
  else console.warn(`bundle.cjs: warning: ${sample} is missing; the code cache will cover only what the first run does`);
}

async function main() {
  rmSync(dist, { recursive: true, force: true });
  const [, entry, commands] = await Promise.all([
    esbuild.build({ ...common, entryPoints: { loader: path.join(src, "chunk-loader.ts") }, outdir: dist, outExtension: { ".js": ".cjs" } }),
    esbuild.build({ ...common, entryPoints: { govreport: path.join(src, "entry.ts") }, outdir: dist, outExtension: { ".js": ".cjs" }, plugins: [commandFiles] }),
    esbuild.build({
      ...common,
      entryPoints: Object.fromEntries(COMMANDS.map((command) => [command, path.join(src, "commands", `${command}.ts`)])),
      outdir: dist,
      outExtension: { ".js": ".cjs" },
      plugins: [workspaceSources(WORKSPACE), yamlModules, fdirWithoutGlobs],
    }),
  ]);
  checkDuplicates(entry.metafile, commands.metafile);
  copyCodeCacheSample();
  checkDynamicImports(commands.metafile);
  checkLocales(commands.metafile, "bundle.cjs");
}

main().catch((error) => {
  if (error instanceof Error && !("errors" in error)) console.error(`bundle.cjs: ${error.message}`);
  process.exitCode = 1;
});
