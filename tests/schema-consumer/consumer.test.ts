import { execFileSync, spawnSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readdirSync, realpathSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

/**
 * @govreport/schema as a team gets it: the package is packed (so only its published files exist), unpacked into a
 * scratch project's node_modules next to zod, and a TypeScript file that imports it is type-checked with
 * `tsc --noEmit`, compiled and run. Nothing resolves into the workspace except zod (its one dependency), @types/node
 * and the compiler.
 */
const REPO = path.resolve(__dirname, "..", "..");
const SCHEMA_PACKAGE = path.join(REPO, "packages", "schema");
const TSC = path.join(REPO, "node_modules", ".bin", "tsc");

let app: string;
let scratch: string;

function tsc(...args: string[]) {
  return spawnSync(TSC, args, { cwd: app, encoding: "utf8", timeout: 60_000 });
}

beforeAll(() => {
  scratch = mkdtempSync(path.join(tmpdir(), "govreport-schema-consumer-"));
  execFileSync("pnpm", ["pack", "--pack-destination", scratch], { cwd: SCHEMA_PACKAGE, stdio: "pipe", timeout: 60_000 });
  const tarball = readdirSync(scratch).find((file) => file.endsWith(".tgz"));
  if (!tarball) throw new Error("pnpm pack produced no tarball");
  app = path.join(scratch, "app");
  for (const file of ["package.json", "tsconfig.json", "tsconfig.misuse.json", "src"]) cpSync(path.join(__dirname, file), path.join(app, file), { recursive: true });
  const unpacked = path.join(app, "node_modules", "@govreport", "schema");
  mkdirSync(unpacked, { recursive: true });
  execFileSync("tar", ["-xzf", path.join(scratch, tarball), "-C", unpacked, "--strip-components=1"]);
  mkdirSync(path.join(app, "node_modules", "@types"), { recursive: true });
  symlinkSync(realpathSync(path.join(SCHEMA_PACKAGE, "node_modules", "zod")), path.join(app, "node_modules", "zod"), "dir");
  symlinkSync(realpathSync(path.join(REPO, "node_modules", "@types", "node")), path.join(app, "node_modules", "@types", "node"), "dir");
}, 120_000);

afterAll(() => {
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

describe("@govreport/schema as a dependency", { timeout: 60_000 }, () => {
  it("ships its README, the compiled models with types, and the JSON Schema files", () => {
    const files = readdirSync(path.join(app, "node_modules", "@govreport", "schema"), { recursive: true }).map(String);
    expect(files).toEqual(expect.arrayContaining(["README.md", "package.json", path.join("out", "index.js"), path.join("out", "index.d.ts"), path.join("out", "lite.js"), path.join("out", "lite.d.ts"), path.join("schema", "report.schema.json"), path.join("schema", "profile.schema.json")]));
    expect(files.some((file) => file.endsWith(".test.js"))).toBe(false);
  });

  it("type-checks a team's TypeScript with tsc --noEmit", () => {
    const result = tsc("--noEmit", "-p", "tsconfig.json");
    expect(result.stdout + result.stderr).toBe("");
    expect(result.status).toBe(0);
  });

  it("makes tsc reject misuse with the expected errors", () => {
    const result = tsc("-p", "tsconfig.misuse.json");
    expect(result.status).not.toBe(0);
    const errors = [...result.stdout.matchAll(/src\/misuse\.ts\((\d+),\d+\): error (TS\d+)/g)].map((match) => `${match[1]}:${match[2]}`);
    expect(errors).toEqual(["6:TS2322", "10:TS2339", "13:TS2322"]);
  });

  it("offers @govreport/schema/lite, which loads no zod", () => {
    const script = `const lite = require("@govreport/schema/lite"); process.stdout.write(JSON.stringify([typeof lite.isValidReportData, globalThis.__zod_globalRegistry !== undefined]));`;
    expect(JSON.parse(execFileSync(process.execPath, ["-e", script], { cwd: app, encoding: "utf8" }))).toEqual(["function", false]);
  });

  it("runs: parses a team profile with defaults, validates reports, exposes the JSON Schema", () => {
    // Type-checking is the test above; here esbuild only strips the types, which is quicker than a second tsc run.
    const esbuild = require(path.join(REPO, "node_modules", "esbuild")) as typeof import("esbuild");
    esbuild.buildSync({ entryPoints: [path.join(app, "src", "consume.ts")], outfile: path.join(app, "out", "consume.js"), format: "cjs", platform: "node", logLevel: "error" });
    const output = execFileSync(process.execPath, [path.join(app, "out", "consume.js")], { cwd: app, encoding: "utf8" });
    expect(JSON.parse(output)).toEqual({
      requirementIds: ["findings", "remedies"],
      requiredByDefault: true,
      deadlineYearOffset: 1,
      reportValid: true,
      reportValidWithoutZod: true,
      brokenValidWithoutZod: false,
      figure: "12个",
      brokenIssuePaths: expect.arrayContaining(["meta.issuer", "meta.year"]),
      builtinProfiles: ["fazhi-annual"],
      schemaId: "https://govreport.dev/schema/report.schema.json",
      committedSchemaId: "https://govreport.dev/schema/report.schema.json",
    });
  });
});
