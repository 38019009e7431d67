import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { makeProject, REPO } from "./helpers.js";

const SCRIPT = path.join(REPO, "scripts", "generate-rule-docs.cjs");
const generate = (...args: string[]) => spawnSync(process.execPath, [SCRIPT, ...args], { cwd: REPO, encoding: "utf8", timeout: 60_000 });

describe("docs/rules", { timeout: 60_000 }, () => {
  const scratch = makeProject({});
  afterAll(() => scratch.cleanup());

  it("is up to date with the rules and their fixtures (run scripts/generate-rule-docs.cjs if not)", () => {
    const result = generate("--check");
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
  });

  it("has a page per rule with its What / Why / Fix, a failing example and its finding", () => {
    const pages = readdirSync(path.join(REPO, "docs", "rules"));
    expect(pages).toContain("README.md");
    const page = readFileSync(path.join(REPO, "docs", "rules", "placeholder-left.md"), "utf8");
    for (const heading of ["## 问题 What", "## 原因 Why", "## 改法 Fix", "## 示例 Example", "## 配置 Configuration"]) expect(page).toContain(heading);
    expect(page).toMatch(/```text\n[\w.-]+\.report\.yaml:\d+:\d+ {2}error {2}残留占位符“[^”]+”，请填写实际内容 {2}placeholder-left\n/);
    const index = readFileSync(path.join(REPO, "docs", "rules", "README.md"), "utf8");
    for (const page of pages.filter((file) => file !== "README.md")) expect(index).toContain(`](${page})`);
  });

  it("the check fails for a stale, a missing and a left-over page", () => {
    expect(generate("--docs-dir", scratch.dir).status).toBe(0);
    writeFileSync(path.join(scratch.dir, "placeholder-left.md"), "# edited by hand\n");
    writeFileSync(path.join(scratch.dir, "no-such-rule.md"), "# gone\n");
    rmSync(path.join(scratch.dir, "README.md"));
    const result = generate("--check", "--docs-dir", scratch.dir);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("stale: placeholder-left.md");
    expect(result.stderr).toContain("left over: no-such-rule.md");
    expect(result.stderr).toContain("missing: README.md");
  });
});
