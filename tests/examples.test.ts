import { readFileSync } from "node:fs";
import path from "node:path";
import { check, type CheckResult } from "@govreport/core";
import { describe, expect, it } from "vitest";

const root = path.resolve(__dirname, "..");
const example = path.join(root, "examples/xiqu-2021/report.yaml");
const broken = path.join(root, "examples/xiqu-2021-broken/report.yaml");

const diskHost = {
  readFile(file: string, relativeTo: string | undefined) {
    try {
      return readFileSync(path.resolve(path.dirname(relativeTo ?? root), file), "utf8");
    } catch {
      return undefined;
    }
  },
};

function checkFile(file: string): CheckResult {
  return check(readFileSync(file, "utf8"), { fileName: file, host: diskHost });
}

/**
 * `code "covered text"` for each diagnostic, plus a few characters around it so that two findings with the same covered
 * text (two stray spaces) stay distinct; independent of line numbers.
 */
function findings(result: CheckResult): Array<{ key: string; finding: string }> {
  return result.diagnostics.map((d) => {
    const finding = `${d.code} ${JSON.stringify(result.source.textOf(d.range))}`;
    // Digits are blurred so that a planted year change does not make its neighbours' findings look new.
    const around = result.source.text.slice(Math.max(0, d.range.start - 2), d.range.end + 2).replace(/[0-9]/g, "0");
    return { key: `${finding} @ ${around}`, finding };
  });
}

function multisetDifference<T extends { key: string }>(a: readonly T[], b: readonly T[]): T[] {
  const remaining = b.map((item) => item.key);
  return a.filter((item) => {
    const index = remaining.indexOf(item.key);
    if (index < 0) return true;
    remaining.splice(index, 1);
    return false;
  });
}

describe("examples/xiqu-2021", () => {
  const result = checkFile(example);

  it("is a valid report with no errors: the seed's slips are warnings", () => {
    expect(result.report).toBeDefined();
    expect(result.ruleFailures).toEqual([]);
    expect(result.diagnostics.filter((d) => d.severity === "error").map((d) => d.message.zh)).toEqual([]);
  });

  it("reports exactly the seed's real slips, at the line and column listed in findings.txt", () => {
    const expected = readFileSync(path.join(root, "examples/xiqu-2021/findings.txt"), "utf8")
      .split("\n")
      .filter((line) => line.trim() !== "" && !line.startsWith("#"));
    const actual = result.diagnostics.map((d) => {
      const position = result.source.lineIndex.positionAt(d.range.start);
      return `${position.line + 1}:${position.character + 1} ${d.code} ${JSON.stringify(result.source.textOf(d.range))}`;
    });
    expect(actual).toEqual(expected);
  });

  it("holds every declared check", () => {
    const failing = result.model?.relations.filter((r) => r.result?.status !== "holds").map((r) => r.source);
    expect(failing).toEqual([]);
    expect(result.model?.relations.length).toBeGreaterThanOrEqual(16);
  });

  it("finds the seed's 今年 and 职能高效 with Chinese messages", () => {
    const messages = result.diagnostics.map((d) => d.message.zh).join("\n");
    expect(messages).toContain("“今年”指代不明");
    expect(messages).toContain("“职能高效”应为“智能高效”");
  });
});

describe("examples/xiqu-2021-broken", () => {
  const text = readFileSync(broken, "utf8");
  const planted = [...text.matchAll(/^# planted: ([a-z0-9-]+) "(.*)"$/gm)].map((m) => `${m[1]} ${JSON.stringify(JSON.parse(`"${m[2]}"`))}`);

  it("plants one error of each kind the rules catch on a valid file", () => {
    const ruleIds = new Set(planted.map((p) => p.split(" ")[0]));
    const exempt = new Set(["syntax-error", "schema-violation", "input-too-large", "profile-invalid", "internal-error"]);
    const expectedKinds = allKinds().filter((id) => !exempt.has(id));
    expect([...ruleIds].sort()).toEqual(expectedKinds.sort());
  });

  it("reports every planted error exactly once, at the planted text, and nothing else new", () => {
    const before = findings(checkFile(example));
    const after = findings(checkFile(broken));
    expect(multisetDifference(after, before).map((f) => f.finding).sort()).toEqual([...planted].sort());
  });
});

function allKinds(): string[] {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { allRuleMeta } = require("@govreport/core") as typeof import("@govreport/core");
  return allRuleMeta().map((meta) => meta.id);
}
