import { chmodSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeProject, REPO, runCli } from "./helpers.js";

/**
 * The bundle loads its files through V8's code cache (packages/cli/src/chunk-loader.ts), kept in a private folder
 * under the system temp folder. Each run here gets its own temp folder, so the cache starts empty.
 */
describe("the code cache", { timeout: 60_000 }, () => {
  let project: ReturnType<typeof makeProject>;
  const example = readFileSync(path.join(REPO, "examples", "xiqu-2021", "report.yaml"), "utf8");
  const uid = typeof process.getuid === "function" ? process.getuid() : "user";

  beforeAll(() => {
    project = makeProject({ "reports/a.report.yaml": example });
  });
  afterAll(() => project.cleanup());

  /** Checks the example with TMPDIR set to a fresh folder; returns the output and the cache files written. */
  const checkWith = (temp: string, env: Record<string, string> = {}) => {
    mkdirSync(temp, { recursive: true });
    const result = runCli(["check", "reports"], { cwd: project.dir, env: { TMPDIR: temp, ...env } });
    const cacheDir = path.join(temp, `govreport-code-cache-${uid}`);
    let files: string[] = [];
    try {
      files = readdirSync(cacheDir);
    } catch {
      files = [];
    }
    return { result, cacheDir, files };
  };

  it("is written for the main file and the check file by the first run, and read by the next, with the same output", () => {
    const temp = path.join(project.dir, "temp-fresh");
    const first = checkWith(temp);
    expect(first.files.filter((file) => file.endsWith(".bin")).map((file) => file.split("-")[0]).sort()).toEqual(["check", "govreport"]);
    const written = first.files.map((file) => statSync(path.join(first.cacheDir, file)).mtimeMs);
    const second = checkWith(temp);
    expect(second.files).toEqual(first.files);
    // A cache V8 rejected would be written again at exit.
    expect(second.files.map((file) => statSync(path.join(second.cacheDir, file)).mtimeMs)).toEqual(written);
    expect(second.result.stdout).toBe(first.result.stdout);
    expect(second.result.status).toBe(first.result.status);
    expect(first.result.stdout).toContain("110 个警告");
  });

  it("is rewritten when a cache file is damaged, and the run is not affected", () => {
    const temp = path.join(project.dir, "temp-damaged");
    const first = checkWith(temp);
    const checkCache = first.files.find((file) => file.startsWith("check-")) as string;
    writeFileSync(path.join(first.cacheDir, checkCache), "not a code cache");
    const damaged = checkWith(temp);
    expect(damaged.result.stdout).toBe(first.result.stdout);
    expect(readFileSync(path.join(first.cacheDir, checkCache)).length).toBeGreaterThan(100_000);
  });

  it("is not used from a folder others can write to, nor when GOVREPORT_NO_CODE_CACHE is set", () => {
    const open = path.join(project.dir, "temp-open");
    mkdirSync(path.join(open, `govreport-code-cache-${uid}`), { recursive: true });
    chmodSync(path.join(open, `govreport-code-cache-${uid}`), 0o777);
    const inOpen = checkWith(open);
    expect(inOpen.files).toEqual([]);
    const off = checkWith(path.join(project.dir, "temp-off"), { GOVREPORT_NO_CODE_CACHE: "1" });
    expect(off.files).toEqual([]);
    expect(inOpen.result.stdout).toBe(off.result.stdout);
    expect(off.result.stdout).toContain("110 个警告");
  });
});
