import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cleanReport, makeProject, positionOf, reportWithError, reportWithWarning, requireFromCli, runCli } from "./helpers.js";

const SCHEMA_FILE = path.join(__dirname, "fixtures", "sarif-2.1.0.schema.json");
const SCHEMA_SHA256 = "1c49a0f2b60444c71bb14878e21e0d882198eff4c539861b133093ad89ed798c";

function validator() {
  const Ajv2020 = (requireFromCli("ajv/dist/2020") as { default: new (options: object) => { compile(schema: object): ((data: unknown) => boolean) & { errors?: unknown } } }).default;
  const addFormats = (requireFromCli("ajv-formats") as { default: (ajv: object) => void }).default;
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  addFormats(ajv);
  return ajv.compile(JSON.parse(readFileSync(SCHEMA_FILE, "utf8")));
}

describe("sarif", { timeout: 60_000 }, () => {
  let project: ReturnType<typeof makeProject>;
  const errorText = reportWithError();
  beforeAll(() => {
    project = makeProject({
      "a-error.report.yaml": errorText,
      "b-warning.report.yaml": reportWithWarning(),
      "c-clean.report.yaml": cleanReport(),
      "d-related.report.yaml": cleanReport().replace("title: 关于2021年度", "title: 关于2020年度"),
      "目录 with space/e.report.yaml": reportWithError(),
    });
  });
  afterAll(() => project.cleanup());

  it("uses the unmodified official schema file", () => {
    expect(createHash("sha256").update(readFileSync(SCHEMA_FILE)).digest("hex")).toBe(SCHEMA_SHA256);
  });

  it("validates against the SARIF 2.1.0 schema, including related locations, fixes and read failures", () => {
    const result = runCli(["check", "--format", "sarif", "a-error.report.yaml", "b-warning.report.yaml", "c-clean.report.yaml", "d-related.report.yaml", "目录 with space/e.report.yaml", "missing.report.yaml"], { cwd: project.dir });
    expect(result.status).toBe(2);
    const log = JSON.parse(result.stdout);
    const validate = validator();
    const valid = validate(log);
    expect(validate.errors ?? null).toBeNull();
    expect(valid).toBe(true);

    const run = log.runs[0];
    const results = run.results as Array<{ ruleId: string; ruleIndex: number; level: string; locations: Array<{ physicalLocation: { artifactLocation: { uri: string }; region: Record<string, number> } }>; relatedLocations?: unknown[]; fixes?: unknown[] }>;
    const placeholder = results.find((entry) => entry.ruleId === "placeholder-left" && entry.locations[0]?.physicalLocation.artifactLocation.uri === "a-error.report.yaml");
    const at = positionOf(errorText, "××");
    expect(placeholder?.level).toBe("error");
    expect(placeholder?.locations[0]?.physicalLocation.region).toEqual({ startLine: at.line, startColumn: at.column, endLine: at.line, endColumn: at.column + 2, charOffset: at.offset, charLength: 2 });
    expect(run.tool.driver.rules[placeholder?.ruleIndex ?? -1].id).toBe("placeholder-left");
    expect(results.some((entry) => entry.ruleId === "digit-cjk-space" && entry.level === "warning" && (entry.fixes?.length ?? 0) > 0)).toBe(true);
    expect(results.some((entry) => (entry.relatedLocations?.length ?? 0) > 0)).toBe(true);
    expect(results.map((entry) => entry.locations[0]?.physicalLocation.artifactLocation.uri)).toContain("%E7%9B%AE%E5%BD%95%20with%20space/e.report.yaml");
    expect(run.invocations[0].executionSuccessful).toBe(false);
    expect(run.invocations[0].toolExecutionNotifications[0].message.text).toContain("无法读取文件");
  });

  it("is valid for a clean run too", () => {
    const result = runCli(["check", "--format", "sarif", "--lang", "en", "c-clean.report.yaml"], { cwd: project.dir });
    expect(result.status).toBe(0);
    const log = JSON.parse(result.stdout);
    expect(validator()(log)).toBe(true);
    expect(log.runs[0].results).toEqual([]);
    expect(log.runs[0].invocations[0].executionSuccessful).toBe(true);
  });
});
