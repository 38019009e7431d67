import { describe, expect, it } from "vitest";
import { globToRegExp, matchesGlob } from "./glob.js";
import { closest, parseConfig } from "./parse.js";
import { dirnameOf, normalizePath, relativePath, resolvePath } from "./paths.js";
import { ConfigResolver, loadConfig, settingsForFile, type ConfigHost } from "./resolve.js";

const ruleIds = ["placeholder-left", "figure-unused", "section-missing", "digit-cjk-space"];

function memoryHost(files: Record<string, string>): ConfigHost & { reads: string[] } {
  const reads: string[] = [];
  return {
    reads,
    readFile(path) {
      reads.push(path);
      return files[path];
    },
  };
}

/** "line:column" (1-based) and the covered text of a config diagnostic. */
function at(parsed: ReturnType<typeof parseConfig>, index = 0) {
  const diagnostic = parsed.diagnostics[index];
  if (!diagnostic) throw new Error(`no diagnostic ${index}`);
  const position = parsed.source.lineIndex.positionAt(diagnostic.range.start);
  return { where: `${position.line + 1}:${position.character + 1}`, text: parsed.source.textOf(diagnostic.range), message: diagnostic.message };
}

describe("parseConfig", () => {
  it("accepts rules, a profile and overrides", () => {
    const parsed = parseConfig(
      "profile: fazhi-annual\nrules:\n  placeholder-left: warning\n  figure-unused: off\noverrides:\n  - files: drafts/**\n    rules: { section-missing: info }\n",
      "/p/govreport.config.yaml",
      { ruleIds },
    );
    expect(parsed.diagnostics).toEqual([]);
    expect(parsed.config?.rules).toEqual({ "placeholder-left": "warning", "figure-unused": "off" });
    expect(parsed.config?.overrides?.[0]?.files).toBe("drafts/**");
  });

  it("treats an empty file as an empty config", () => {
    const parsed = parseConfig("# nothing yet\n", "/p/govreport.config.yaml", { ruleIds });
    expect(parsed.diagnostics).toEqual([]);
    expect(parsed.config).toEqual({});
  });

  it("reports an unknown rule id at its key, with the nearest id as suggestion and fix", () => {
    const parsed = parseConfig("rules:\n  placeholder-left: error\n  placeholder-lefts: warning\n", "/p/c.yaml", { ruleIds });
    expect(parsed.config).toBeUndefined();
    const found = at(parsed);
    expect(found.where).toBe("3:3");
    expect(found.text).toBe("placeholder-lefts");
    expect(found.message.zh).toContain("是否应为“placeholder-left”");
    expect(found.message.en).toContain('did you mean "placeholder-left"');
    expect(parsed.diagnostics[0]?.fixes[0]?.edits[0]?.newText).toBe("placeholder-left");
  });

  it("reports an unknown rule inside an override", () => {
    const parsed = parseConfig("overrides:\n  - files: ['*.yaml']\n    rules:\n      no-such-rule-at-all: off\n", "/p/c.yaml", { ruleIds });
    const found = at(parsed);
    expect(found.where).toBe("4:7");
    expect(found.message.zh).toBe("没有编号为“no-such-rule-at-all”的检查规则");
  });

  it("reports a bad severity at the value and lists the valid ones", () => {
    const parsed = parseConfig("rules:\n  figure-unused: warn\n", "/p/c.yaml", { ruleIds });
    const found = at(parsed);
    expect(found.where).toBe("2:18");
    expect(found.text).toBe("warn");
    expect(found.message.zh).toContain("error、warning、info、hint、off");
    expect(found.message.en).toContain("error, warning, info, hint, off");
  });

  it("reports an unknown setting with a suggestion", () => {
    const parsed = parseConfig("rule:\n  figure-unused: off\n", "/p/c.yaml", { ruleIds });
    const found = at(parsed);
    expect(found.where).toBe("1:1");
    expect(found.text).toBe("rule");
    expect(found.message.zh).toContain("“rules”");
  });

  it("reports a wrong type where it is", () => {
    const parsed = parseConfig("overrides:\n  files: a.yaml\n", "/p/c.yaml", { ruleIds });
    const found = at(parsed);
    expect(found.where).toBe("2:3");
    expect(found.message.zh).toContain("应为列表");
  });

  it("reports a missing setting on the first line of the mapping that lacks it", () => {
    const parsed = parseConfig("overrides:\n  - rules: { figure-unused: off }\n    profile: fazhi-annual\n", "/p/c.yaml", { ruleIds });
    const found = at(parsed);
    expect(found.where).toBe("2:5");
    expect(found.text).toBe("rules: { figure-unused: off }");
    expect(found.message.zh).toBe("缺少必填项“files”");
  });

  it("reports every problem at once: a bad value does not hide an unknown rule", () => {
    const parsed = parseConfig("rules:\n  figure-unused: warn\n  figure-unusd: off\n", "/p/c.yaml", { ruleIds });
    expect(parsed.diagnostics.map((_, index) => at(parsed, index).where)).toEqual(["2:18", "3:3"]);
  });

  it("turns YAML syntax errors into diagnostics instead of throwing", () => {
    const parsed = parseConfig("rules:\n  a: [1, 2\n", "/p/c.yaml", { ruleIds });
    expect(parsed.config).toBeUndefined();
    expect(parsed.diagnostics.length).toBeGreaterThan(0);
    expect(parsed.diagnostics[0]?.message.zh).toContain("YAML 语法错误");
  });
});

describe("loadConfig and settingsForFile", () => {
  it("merges an extends chain: the extending file wins, overrides keep their own folder", () => {
    const host = memoryHost({
      "/repo/base.yaml": "rules:\n  figure-unused: off\n  placeholder-left: warning\noverrides:\n  - files: '*.draft.report.yaml'\n    rules: { section-missing: off }\n",
      "/repo/reports/govreport.config.yaml": "extends: ../base.yaml\nrules:\n  placeholder-left: error\noverrides:\n  - files: old/**\n    rules: { digit-cjk-space: off }\n",
    });
    const config = loadConfig("/repo/reports/govreport.config.yaml", host, { ruleIds });
    expect(config.problems).toEqual([]);
    expect(config.chain).toEqual(["/repo/base.yaml", "/repo/reports/govreport.config.yaml"]);
    expect(config.rules).toEqual({ "figure-unused": "off", "placeholder-left": "error" });

    expect(settingsForFile(config, "/repo/reports/2022.report.yaml").rules).toEqual({ "figure-unused": "off", "placeholder-left": "error" });
    // The base's glob has no slash, so it matches the name in any folder under /repo.
    expect(settingsForFile(config, "/repo/reports/x/a.draft.report.yaml").rules["section-missing"]).toBe("off");
    // The extending file's glob is anchored at /repo/reports.
    expect(settingsForFile(config, "/repo/reports/old/2019.report.yaml").rules["digit-cjk-space"]).toBe("off");
    expect(settingsForFile(config, "/repo/reports/x/old/2019.report.yaml").rules["digit-cjk-space"]).toBeUndefined();
  });

  it("applies later overrides over earlier ones and over the top level", () => {
    const host = memoryHost({
      "/r/govreport.config.yaml":
        "rules: { figure-unused: error }\noverrides:\n  - files: ['**/*.report.yaml']\n    rules: { figure-unused: warning }\n  - files: [a/*.report.yaml]\n    rules: { figure-unused: hint }\n",
    });
    const config = loadConfig("/r/govreport.config.yaml", host, { ruleIds });
    expect(settingsForFile(config, "/r/b/x.report.yaml").rules["figure-unused"]).toBe("warning");
    expect(settingsForFile(config, "/r/a/x.report.yaml").rules["figure-unused"]).toBe("hint");
    expect(settingsForFile(config, "/r/a/x.json").rules["figure-unused"]).toBe("error");
  });

  it("resolves a profile path against the config file's folder, and reports one that is missing", () => {
    const host = memoryHost({
      "/r/govreport.config.yaml": "profile: ./profiles/team.profile.yaml\noverrides:\n  - files: legacy/**\n    profile: ./nope.yaml\n",
      "/r/profiles/team.profile.yaml": "format: 1\n",
    });
    const config = loadConfig("/r/govreport.config.yaml", host, { ruleIds });
    expect(config.profile).toBe("/r/profiles/team.profile.yaml");
    expect(config.problems).toHaveLength(1);
    const problem = config.problems[0]!;
    expect(problem.source.textOf(problem.diagnostic.range)).toBe("./nope.yaml");
    expect(problem.diagnostic.message.zh).toContain("找不到报告规则文件");
  });

  it("keeps a built-in profile id and rejects an unknown bare name", () => {
    const ok = loadConfig("/r/c.yaml", memoryHost({ "/r/c.yaml": "profile: fazhi-annual\n" }), { ruleIds });
    expect(ok.profile).toBe("fazhi-annual");
    const bad = loadConfig("/r/c.yaml", memoryHost({ "/r/c.yaml": "profile: fazhi-anual\n" }), { ruleIds });
    expect(bad.problems[0]?.diagnostic.message.zh).toContain("没有名为“fazhi-anual”的内置报告规则");
  });

  it("reports a missing base file at the extends entry", () => {
    const config = loadConfig("/r/c.yaml", memoryHost({ "/r/c.yaml": "extends:\n  - ./a.yaml\n  - ./missing.yaml\n", "/r/a.yaml": "{}\n" }), { ruleIds });
    expect(config.problems).toHaveLength(1);
    const problem = config.problems[0]!;
    const position = problem.source.lineIndex.positionAt(problem.diagnostic.range.start);
    expect(`${position.line + 1}:${position.character + 1}`).toBe("3:5");
    expect(problem.diagnostic.message.en).toBe('Config file to extend not found: "./missing.yaml" (/r/missing.yaml)');
  });

  it("reports a cycle instead of looping", () => {
    const config = loadConfig("/r/a.yaml", memoryHost({ "/r/a.yaml": "extends: ./b.yaml\n", "/r/b.yaml": "extends: ./a.yaml\n" }), { ruleIds });
    expect(config.problems).toHaveLength(1);
    expect(config.problems[0]?.fileName).toBe("/r/b.yaml");
    expect(config.problems[0]?.diagnostic.message.en).toContain("/r/a.yaml -> /r/b.yaml -> /r/a.yaml");
  });

  it("attributes a problem in a base file to that file", () => {
    const config = loadConfig("/r/c.yaml", memoryHost({ "/r/c.yaml": "extends: ./base.yaml\n", "/r/base.yaml": "rules:\n  figure-unusd: off\n" }), { ruleIds });
    expect(config.problems.map((problem) => problem.fileName)).toEqual(["/r/base.yaml"]);
  });
});

describe("ConfigResolver", () => {
  it("uses the nearest config up the tree and reads each folder once", () => {
    const host = memoryHost({
      "/w/govreport.config.yaml": "rules: { figure-unused: off }\n",
      "/w/a/b/govreport.config.yaml": "rules: { figure-unused: error }\n",
    });
    const resolver = new ConfigResolver(host, { ruleIds });
    expect(resolver.settingsFor("/w/a/b/c/x.report.yaml").configFile).toBe("/w/a/b/govreport.config.yaml");
    expect(resolver.settingsFor("/w/a/b/c/x.report.yaml").rules["figure-unused"]).toBe("error");
    expect(resolver.settingsFor("/w/a/y.report.yaml").rules["figure-unused"]).toBe("off");
    const readsBefore = host.reads.length;
    resolver.settingsFor("/w/a/z.report.yaml");
    resolver.settingsFor("/w/a/b/c/other.report.yaml");
    expect(host.reads.length).toBe(readsBefore);
  });

  it("finds nothing when no folder has a config", () => {
    const resolver = new ConfigResolver(memoryHost({}), { ruleIds });
    expect(resolver.settingsFor("/x/y/z.report.yaml")).toEqual({ configFile: undefined, rules: {}, profile: undefined, problems: [] });
  });

  it("uses an explicit config file for every report", () => {
    const host = memoryHost({ "/etc/ci.yaml": "rules: { placeholder-left: off }\n", "/w/govreport.config.yaml": "rules: { placeholder-left: error }\n" });
    const resolver = new ConfigResolver(host, { ruleIds, configFile: "/etc/ci.yaml" });
    expect(resolver.settingsFor("/w/r.report.yaml").rules).toEqual({ "placeholder-left": "off" });
  });
});

describe("globs and paths", () => {
  it.each([
    ["*.report.yaml", "a.report.yaml", true],
    ["*.report.yaml", "x/y/a.report.yaml", true],
    ["drafts/*.yaml", "drafts/a.yaml", true],
    ["drafts/*.yaml", "x/drafts/a.yaml", false],
    ["drafts/*.yaml", "drafts/sub/a.yaml", false],
    ["drafts/**", "drafts/sub/a.yaml", true],
    ["**/old/*.yaml", "old/a.yaml", true],
    ["**/old/*.yaml", "a/b/old/a.yaml", true],
    ["{2019,2020}/*.yaml", "2020/a.yaml", true],
    ["{2019,2020}/*.yaml", "2021/a.yaml", false],
    ["20[01]?/a.yaml", "2019/a.yaml", true],
    ["20[01]?/a.yaml", "2029/a.yaml", false],
    ["a.b", "axb", false],
  ])("%s vs %s -> %s", (pattern, file, expected) => {
    expect(matchesGlob(pattern, file), String(globToRegExp(pattern))).toBe(expected);
  });

  it("does path arithmetic without node:path", () => {
    expect(normalizePath("/a/./b/../c//d")).toBe("/a/c/d");
    expect(normalizePath("C:\\w\\x\\..\\y")).toBe("C:/w/y");
    expect(dirnameOf("/a/b.yaml")).toBe("/a");
    expect(dirnameOf("/a")).toBe("/");
    expect(dirnameOf("/")).toBe("/");
    expect(resolvePath("/a/b", "../c.yaml")).toBe("/a/c.yaml");
    expect(resolvePath("/a/b", "/abs.yaml")).toBe("/abs.yaml");
    expect(relativePath("/a/b", "/a/b/c/d.yaml")).toBe("c/d.yaml");
    expect(relativePath("/a/b", "/a/x.yaml")).toBe("../x.yaml");
  });

  it("suggests only near words", () => {
    expect(closest("figure-unusd", ruleIds)).toBe("figure-unused");
    expect(closest("completely-different", ruleIds)).toBeUndefined();
  });
});
