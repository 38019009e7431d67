import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

/**
 * Dependencies point one way (docs/architecture.md): schema ← core ← render ← {import, cli, language-server};
 * protocol depends on nothing of ours; the extension reaches the engine only through the server and protocol.
 */
const root = path.resolve(__dirname, "..");
const ALLOWED: Record<string, readonly string[]> = {
  "@govreport/schema": [],
  "@govreport/core": ["@govreport/schema"],
  "@govreport/render": ["@govreport/schema", "@govreport/core"],
  "@govreport/import": ["@govreport/schema", "@govreport/core", "@govreport/render"],
  "@govreport/protocol": [],
  "@govreport/cli": ["@govreport/schema", "@govreport/core", "@govreport/render", "@govreport/import"],
  "@govreport/language-server": ["@govreport/schema", "@govreport/core", "@govreport/render", "@govreport/protocol"],
  // The extension's build copies the server bundle, the document CSS and the JSON Schema; its code imports only
  // the protocol (checked below), and never core.
  govreport: ["@govreport/protocol", "@govreport/language-server", "@govreport/render", "@govreport/schema"],
};
const SOURCE_ALLOWED: Record<string, readonly string[]> = { ...ALLOWED, govreport: ["@govreport/protocol"] };

function manifests(): Array<{ dir: string; name: string; deps: string[] }> {
  const dirs = [
    ...readdirSync(path.join(root, "packages")).map((d) => path.join(root, "packages", d)),
    ...readdirSync(path.join(root, "extensions")).map((d) => path.join(root, "extensions", d)),
  ];
  return dirs.map((dir) => {
    const manifest = JSON.parse(readFileSync(path.join(dir, "package.json"), "utf8")) as Record<string, Record<string, string> | string>;
    const deps = Object.keys({ ...(manifest.dependencies as object), ...(manifest.devDependencies as object) }).filter((d) => d.startsWith("@govreport/"));
    return { dir, name: manifest.name as string, deps };
  });
}

function sourceImports(dir: string): string[] {
  const found: string[] = [];
  const walk = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const full = path.join(folder, entry.name);
      if (entry.isDirectory() && !["node_modules", "out", "dist"].includes(entry.name)) walk(full);
      else if (/\.ts$/.test(entry.name)) {
        for (const match of readFileSync(full, "utf8").matchAll(/from "(@govreport\/[a-z-]+|(?:\.\.\/)+[^"]*?(?:packages\/)?[a-z-]+\/(?:out|src)\/[^"]*)"/g)) found.push(`${path.relative(root, full)} → ${match[1]}`);
      }
    }
  };
  walk(path.join(dir, "src"));
  return found;
}

describe("architecture", () => {
  it("every package depends only on the packages below it", () => {
    for (const { name, deps } of manifests()) {
      expect(ALLOWED[name], `${name} is not in the dependency map`).toBeDefined();
      expect(deps.filter((dep) => !ALLOWED[name]!.includes(dep)), name).toEqual([]);
    }
  });

  it("source files import other packages by name only, never by reaching into their folders", () => {
    for (const { dir, name } of manifests()) {
      const imports = sourceImports(dir);
      expect(imports.filter((line) => !line.includes("→ @govreport/")), name).toEqual([]);
      const named = imports.map((line) => line.split("→ ")[1]!).filter((dep) => dep !== name);
      expect(named.filter((dep) => !SOURCE_ALLOWED[name]!.includes(dep)), name).toEqual([]);
    }
  });
});
