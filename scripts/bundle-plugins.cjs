// esbuild plugins shared by the bundles that ship (packages/cli/scripts/bundle.cjs and
// packages/language-server/scripts/bundle.cjs), so that the command line and the editor run the same code built
// the same way.
"use strict";
const { readFileSync } = require("node:fs");
const path = require("node:path");

const PACKAGES = path.resolve(__dirname, "..", "packages");

/**
 * `@govreport/<name>` from its TypeScript sources rather than from its compiled CommonJS in out/: as ES modules,
 * their imports can be tree-shaken and scope-hoisted.
 *
 * `import { z } from "zod"` binds zod's namespace object as one value, so a bundler must keep all of it, its 40-odd
 * message locales included; `import * as z` lets it keep only the members used. Both give the same `z.…` members,
 * so the sources are read with the one rewritten as the other.
 */
function workspaceSources(names) {
  const alternatives = names.join("|");
  return {
    name: "workspace-sources",
    setup(build) {
      // `@govreport/<name>` is src/index.ts; a subpath export such as `@govreport/schema/lite` is src/lite.ts.
      build.onResolve({ filter: new RegExp(`^@govreport/(${alternatives})(/[\\w-]+)?$`) }, (args) => {
        const [, name, subpath] = /^@govreport\/([^/]+)(?:\/(.+))?$/.exec(args.path);
        return { path: path.join(PACKAGES, name, "src", `${subpath ?? "index"}.ts`) };
      });
      build.onLoad({ filter: new RegExp(`[\\\\/]packages[\\\\/](${alternatives})[\\\\/]src[\\\\/].*\\.ts$`) }, (args) => ({
        contents: readFileSync(args.path, "utf8").replace(/^import \{ z \} from "zod";$/gm, 'import * as z from "zod";'),
        loader: "ts",
      }));
    },
  };
}

/**
 * yaml ships CommonJS for Node and the same code as ES modules for other platforms. From ES module sources, the
 * CommonJS build is reached through esbuild's interop getters on every call (`isMap`, `isScalar`, …), which the
 * engine makes thousands of times per report; the ES build is scope-hoisted and tree-shaken instead. The tests run
 * the compiled packages, with the CommonJS build. The builds differ in:
 * - debugging hooks (LOG_TOKENS, LOG_STREAM);
 * - how a warning is shown (console.warn, process.emitWarning), which does not matter: every parse asks for none;
 * - `!!binary` under a `%YAML 1.1` directive, decoded by atob into a Uint8Array rather than by Buffer: a malformed
 *   value is a YAML error rather than a schema error. Report-data has no binary values, so either is an error there.
 */
const yamlModules = {
  name: "yaml-modules",
  setup(build) {
    build.onResolve({ filter: /^yaml$/ }, (args) => {
      const manifest = require.resolve("yaml/package.json", { paths: [args.resolveDir] });
      return { path: path.join(path.dirname(manifest), "browser", "dist", "index.js") };
    });
  },
};

/**
 * zod's locales are a third of zod; if they come back, the import rewrite in `workspaceSources` stopped working.
 * (The locales' index module leaves a few bytes of module wrapper behind when zod is loaded lazily; it is no locale.)
 * Takes the metafile of a build made with `metafile: true`.
 */
function checkLocales(metafile, bundleName) {
  const locales = Object.values(metafile.outputs)
    .flatMap((info) => Object.entries(info.inputs))
    .filter(([input, { bytesInOutput }]) => bytesInOutput > 0 && /zod[\\/].*[\\/]locales[\\/](?!en\.|index\.)/.test(input));
  if (locales.length > 0) console.warn(`${bundleName}: warning: zod locales are bundled (${locales.length} files); check the zod import rewrite`);
}

module.exports = { checkLocales, workspaceSources, yamlModules };
