import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { describe, expect, it } from "vitest";

/**
 * Checks on the VS Code extension's manifest and translations that need no VS Code: they catch what would
 * otherwise only show as a raw "%key%" in the UI, an English string in a Chinese UI, or a problem matcher
 * that silently matches nothing.
 */

const EXTENSION = path.resolve(__dirname, "..", "..", "extensions", "vscode");
const REPO_ROOT = path.resolve(__dirname, "..", "..");
const readJson = (file: string): any => JSON.parse(fs.readFileSync(path.join(EXTENSION, file), "utf8"));
const manifest = readJson("package.json");

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return entry.name.endsWith(".ts") && !entry.name.endsWith(".test.ts") ? [full] : [];
  });
}
const sources = sourceFiles(path.join(EXTENSION, "src")).map((file) => fs.readFileSync(file, "utf8"));

describe("extension manifest", () => {
  it("defines every %placeholder% in English and Chinese, with the same keys in both", () => {
    const used = new Set([...JSON.stringify(manifest).matchAll(/"%([^%"]+)%"/g)].map((match) => match[1]!));
    const english = readJson("package.nls.json");
    const chinese = readJson("package.nls.zh-cn.json");
    expect(used.size).toBeGreaterThan(10);
    for (const key of used) {
      expect(typeof english[key], `package.nls.json: ${key}`).toBe("string");
      expect(typeof chinese[key], `package.nls.zh-cn.json: ${key}`).toBe("string");
    }
    expect(Object.keys(chinese).sort()).toEqual(Object.keys(english).sort());
    expect(Object.keys(english).filter((key) => !used.has(key)), "unused keys").toEqual([]);
  });

  it("translates every runtime message to Chinese and keeps no stale translations", () => {
    const messages = new Set<string>();
    for (const source of sources) {
      for (const match of source.matchAll(/l10n\.t\(\s*"((?:[^"\\]|\\.)*)"/g)) messages.add(JSON.parse(`"${match[1]}"`) as string);
    }
    expect(messages.size).toBeGreaterThan(10);
    const bundle = readJson("l10n/bundle.l10n.zh-cn.json") as Record<string, string>;
    expect([...messages].filter((message) => !(message in bundle)), "messages without a Chinese translation").toEqual([]);
    expect(Object.keys(bundle).filter((message) => !messages.has(message)), "translations of messages no longer used").toEqual([]);
    for (const [message, translation] of Object.entries(bundle)) {
      const placeholders = (text: string) => [...text.matchAll(/\{\d+\}/g)].map((m) => m[0]).sort();
      expect(placeholders(translation), `placeholders of "${message}"`).toEqual(placeholders(message));
    }
  });

  it("registers exactly the commands it contributes", () => {
    const contributed = (manifest.contributes.commands as Array<{ command: string }>).map((entry) => entry.command).sort();
    const registered = sources.flatMap((source) => [...source.matchAll(/registerCommand\(\s*"([^"]+)"/g)].map((match) => match[1]!)).sort();
    expect(registered).toEqual(contributed);
  });

  it("pins @types/vscode no newer than the VS Code it declares (vsce refuses otherwise)", () => {
    const engine = /^\^(\d+)\.(\d+)\./.exec(manifest.engines.vscode);
    const types = /^(\d+)\.(\d+)\.\d+$/.exec(manifest.devDependencies["@types/vscode"]);
    expect(engine).not.toBeNull();
    expect(types, "@types/vscode is pinned exactly").not.toBeNull();
    expect(Number(types![1]) * 1000 + Number(types![2])).toBeLessThanOrEqual(Number(engine![1]) * 1000 + Number(engine![2]));
    expect(manifest.capabilities.untrustedWorkspaces.supported).toBe(true);
  });

  it("gives its language a grammar that exists and reuses the YAML and JSON grammars", () => {
    const [grammar] = manifest.contributes.grammars as Array<{ language: string; scopeName: string; path: string }>;
    const file = readJson(grammar!.path);
    expect(file.scopeName).toBe(grammar!.scopeName);
    const includes = JSON.stringify(file.patterns);
    expect(includes).toContain('"source.yaml"');
    expect(includes).toContain('"source.json"');
    expect(manifest.contributes.languages[0].id).toBe(grammar!.language);
  });
});

describe("problem matcher for the CLI's output", () => {
  const [matcher] = manifest.contributes.problemMatchers as Array<{ pattern: { regexp: string; file: number; line: number; column: number; severity: number; message: number; code: number } }>;
  const regexp = new RegExp(matcher!.pattern.regexp);

  it("reads location, severity, message and rule id from a diagnostic's first line", () => {
    const line = "examples/xiqu-2021/report.yaml:117:94  warning  回顾性报告中“今年”指代不明，应写明年份  relative-time-word";
    const match = regexp.exec(line);
    expect(match).not.toBeNull();
    const { pattern } = matcher!;
    expect(match![pattern.file]).toBe("examples/xiqu-2021/report.yaml");
    expect(match![pattern.line]).toBe("117");
    expect(match![pattern.column]).toBe("94");
    expect(match![pattern.severity]).toBe("warning");
    expect(match![pattern.message]).toBe("回顾性报告中“今年”指代不明，应写明年份");
    expect(match![pattern.code]).toBe("relative-time-word");
  });

  it("ignores the code frame and note lines that follow", () => {
    for (const line of ["117 |               推出 {legal_services.convenience_measures}", "    |                ^^", "  = 写明年份", "2 个错误，3 个警告", ""]) {
      expect(regexp.test(line), line).toBe(false);
    }
  });

  const cli = path.join(REPO_ROOT, "packages", "cli", "bin", "govreport.cjs");
  const cliBuilt = fs.existsSync(path.join(REPO_ROOT, "packages", "cli", "out", "main.js"));
  it.skipIf(!cliBuilt)("matches every diagnostic the built CLI prints for the example, and nothing else", () => {
    let output = "";
    let failure = "";
    try {
      output = execFileSync(process.execPath, [cli, "check", "examples/xiqu-2021/report.yaml"], { cwd: REPO_ROOT, encoding: "utf8", stdio: "pipe" });
    } catch (error) {
      // Exit 1 means "problems found", which is what this example has; anything else is the CLI failing.
      const result = error as { status?: number; stdout?: string; stderr?: string };
      output = result.stdout ?? "";
      if (result.status !== 1) failure = `govreport check exited with ${String(result.status)}: ${result.stderr ?? ""}`;
    }
    expect(failure, "the built CLI must be able to check the example").toBe("");
    // Each diagnostic starts a block that the CLI ends with a blank line; the block's first line is the head.
    const heads = output.split("\n\n").map((block) => block.split("\n")[0] ?? "").filter((head) => /^\S+:\d+:\d+ /.test(head));
    expect(heads.length, output).toBeGreaterThan(0);
    for (const head of heads) expect(regexp.test(head), head).toBe(true);
    const matched = output.split("\n").filter((line) => regexp.test(line));
    expect(matched).toEqual(heads);
  });
});
