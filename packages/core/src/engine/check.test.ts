import { fazhiAnnual } from "@govreport/schema";
import { spawnSync } from "node:child_process";
import path from "node:path";
import fc from "fast-check";
import { stringify } from "yaml";
import { describe, expect, it } from "vitest";
import { check } from "./check.js";
import { defineRule } from "./rule.js";
import { MAX_SOURCE_LENGTH } from "../document/source-document.js";

describe("check() on bad input", () => {
  it("reports a file that is too large without parsing it", () => {
    const result = check(`preamble: "${"字".repeat(MAX_SOURCE_LENGTH)}"\n`);
    expect(result.diagnostics.map((d) => d.code)).toEqual(["input-too-large"]);
  });

  it("reports text that is not YAML at its place", () => {
    const result = check("format: 1\nmeta: [unclosed\n");
    expect(result.diagnostics.length).toBeGreaterThan(0);
    expect(result.diagnostics.every((d) => d.code === "syntax-error")).toBe(true);
  });

  it("reports JSON syntax errors as JSON", () => {
    const result = check('{"format": 1,, }', { fileName: "x.report.json" });
    expect(result.diagnostics[0]?.message.zh).toMatch(/^JSON 语法错误/);
  });

  it("reports a scalar or a list at the top level as a schema violation", () => {
    for (const text of ["42\n", "- a\n- b\n", "just some words\n"]) {
      const result = check(text);
      expect(result.diagnostics.map((d) => d.code)).toContain("schema-violation");
    }
  });

  it("turns a rule that throws into an internal-error diagnostic and keeps the others", () => {
    const broken = defineRule({
      meta: { ...({} as never), id: "always-throws", title: { zh: "坏", en: "bad" }, category: "form", severity: "error", docs: { what: { zh: "", en: "" }, why: { zh: "", en: "" }, fix: { zh: "", en: "" } } },
      run() {
        throw new TypeError("boom");
      },
    });
    const text = "format: 1\nprofile: fazhi-annual\nmeta: {issuer: 甲, recipient: 乙, title: 关于2021年度的报告, year: 2021, date: 2022-01-28}\nsections: []\npreamble: 今年很好。\n";
    const result = check(text, { extraRules: [broken] });
    expect(result.ruleFailures).toEqual([{ ruleId: "always-throws", error: "TypeError: boom" }]);
    const codes = result.diagnostics.map((d) => d.code);
    expect(codes).toContain("internal-error");
    expect(codes).toContain("relative-time-word");
  });

  it("never throws and always returns ranges inside the text, whatever the input", () => {
    const yamlish = fc.stringMatching(/^[a-z:\-\s"'{}[\]&*!|>#0-9年件]{0,80}$/);
    fc.assert(
      fc.property(fc.oneof(fc.string(), yamlish), (text) => {
        const result = check(text);
        for (const d of result.diagnostics) {
          expect(d.range.start).toBeGreaterThanOrEqual(0);
          expect(d.range.end).toBeLessThanOrEqual(text.length);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe("check() on report-data that only zod can judge", () => {
  const head = "format: 1\nprofile: fazhi-annual\nmeta: {issuer: 甲, recipient: 乙, title: 关于2021年度的报告, year: 2021, date: 2022-01-28}\n";

  it("reports figures written as another YAML type (an ordered map, a set) as a schema violation", () => {
    for (const figures of ["!!omap\n  - cases: 12件", "!!set\n  ? cases"]) {
      const result = check(`${head}sections: []\nfigures: ${figures}\n`);
      expect(result.report).toBeUndefined();
      expect(result.diagnostics.map((d) => d.code)).toContain("schema-violation");
    }
  });

  it("does not throw on sections that contain themselves through an alias", () => {
    const result = check(`${head}sections: &s\n  - title: a\n    sections: *s\n`);
    expect(result.diagnostics.map((d) => d.code)).toEqual(["internal-error"]);
  });
});

describe("profile files", () => {
  const report = (profile: string) =>
    `format: 1\nprofile: ${profile}\nmeta: {issuer: 甲, recipient: 乙, title: 关于2021年度的报告, year: 2021, date: 2022-01-28}\nsections: []\n`;
  const profileText = (id: string) => stringify({ ...fazhiAnnual, id });

  it("are parsed once per text and shared, like the built-in ones; another text is parsed anew", () => {
    const files: Record<string, string> = { "./team.yaml": profileText("team"), "./other.yaml": profileText("other") };
    let reads = 0;
    const host = { readFile: (file: string) => (reads++, files[file]) };
    const first = check(report("./team.yaml"), { host });
    const second = check(report("./team.yaml"), { host });
    const other = check(report("./other.yaml"), { host });
    expect(first.profile?.id).toBe("team");
    expect(second.profile).toBe(first.profile);
    expect(other.profile?.id).toBe("other");
    expect(second.diagnostics).toEqual(first.diagnostics);
    // The file is still read each time: a changed file is a new text.
    expect(reads).toBe(3);
    files["./team.yaml"] = profileText("team-changed");
    expect(check(report("./team.yaml"), { host }).profile?.id).toBe("team-changed");
  });

  it("that are invalid are reported for every report that names them", () => {
    const host = { readFile: () => "id: broken\nrequirements: 3\n" };
    for (let i = 0; i < 2; i++) {
      const result = check(report("./broken.yaml"), { host });
      expect(result.profile).toBeUndefined();
      expect(result.diagnostics.map((d) => d.code)).toContain("profile-invalid");
    }
  });
});

describe("last year's report", () => {
  const report = (extra: string) =>
    `format: 1\nprofile: fazhi-annual\n${extra}meta: {issuer: 甲, recipient: 乙, title: 关于2021年度的报告, year: 2021, date: 2022-01-28}\nsections: []\n`;

  it("is in the result as the host could read it, read once, with every rule turned off", () => {
    const files: Record<string, string> = { "./2020.yaml": report("").replace("year: 2021", "year: 2020"), "./broken.yaml": "format: 1\n" };
    const asked: string[] = [];
    const host = { readFile: (file: string) => (asked.push(file), files[file]) };
    const ok = check(report("previous: ./2020.yaml\n"), { host, onlyRules: [] });
    expect(ok.previous).toMatchObject({ status: "ok", reference: "./2020.yaml", report: { meta: { year: 2020 } } });
    expect(asked).toEqual(["./2020.yaml"]);
    expect(check(report("previous: ./broken.yaml\n"), { host }).previous).toMatchObject({ status: "invalid", reference: "./broken.yaml" });
    expect(check(report("previous: ./missing.yaml\n"), { host }).previous).toEqual({ status: "unreadable", reference: "./missing.yaml", detail: "" });
    expect(check(report(""), { host }).previous).toBeUndefined();
  });
});

describe("zod", () => {
  const core = path.join(__dirname, "..", "..", "out", "index.js");
  const example = path.join(__dirname, "..", "..", "..", "..", "examples", "xiqu-2021", "report.yaml");
  /** Runs `steps` on the compiled engine in a fresh process; says what the last step gave and whether zod is loaded. */
  const afterRunning = (steps: string) => {
    const script = `
      const core = require(${JSON.stringify(core)});
      const text = require("node:fs").readFileSync(${JSON.stringify(example)}, "utf8");
      const result = (() => { ${steps} })();
      process.stdout.write(JSON.stringify({ result, zod: globalThis.__zod_globalRegistry !== undefined }));`;
    const run = spawnSync(process.execPath, ["-e", script], { encoding: "utf8" });
    expect(run.stderr).toBe("");
    return JSON.parse(run.stdout) as { result: unknown; zod: boolean };
  };

  it("is not loaded to check a valid report with the built-in profile", () => {
    expect(afterRunning("return core.check(text).diagnostics.length > 0")).toEqual({ result: true, zod: false });
  });

  it("is loaded to say what is wrong with invalid report-data, to read a profile file and to read a config file", () => {
    expect(afterRunning(`return core.check(text.replace("format: 1", "format: 2")).report === undefined`)).toEqual({ result: true, zod: true });
    const profile = JSON.stringify(stringify({ ...fazhiAnnual, id: "team" }));
    expect(afterRunning(`return core.check(text.replace("profile: fazhi-annual", "profile: ./team.yaml"), { host: { readFile: () => ${profile} } }).profile.id`)).toEqual({ result: "team", zod: true });
    expect(afterRunning(`return core.parseConfig("rules: {}", "govreport.config.yaml", { ruleIds: [] }).config !== undefined`)).toEqual({ result: true, zod: true });
  });
});
