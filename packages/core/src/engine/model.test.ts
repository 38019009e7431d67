import { describe, expect, it } from "vitest";
import { check } from "./check.js";
import { Derivation, type ReportModel } from "./model.js";

function modelOf(title: string): ReportModel {
  const report = {
    format: 1,
    profile: "fazhi-annual",
    meta: { issuer: "东城县人民政府", recipient: "市人民政府", title, year: 2021, date: "2022-01-28" },
    sections: [{ title: "一、主要举措和成效", text: "全年办理行政复议案件12件。" }],
  };
  const result = check(JSON.stringify(report), { fileName: "test.report.json", onlyRules: [] });
  if (!result.model) throw new Error("not a valid report");
  return result.model;
}

describe("Derivation", () => {
  it("derives once per model, each model its own value, an undefined value too", () => {
    let calls = 0;
    const titleLength = new Derivation((model) => (calls++, model.prose[0]?.text.length));
    const nothing = new Derivation(() => (calls++, undefined));
    const a = modelOf("关于2021年度法治政府建设工作情况的报告");
    const b = modelOf("报告");
    expect(titleLength.of(a)).toBe(21);
    expect(titleLength.of(a)).toBe(21);
    expect(titleLength.of(b)).toBe(2);
    expect(nothing.of(a)).toBeUndefined();
    expect(nothing.of(a)).toBeUndefined();
    expect(calls).toBe(3);
  });
});
