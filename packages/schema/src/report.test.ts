import { describe, expect, it } from "vitest";
import { Profile } from "./profile.js";
import { fazhiAnnual } from "./profiles/fazhi-annual.js";
import { isCalendarDate, ReportData } from "./report.js";

const minimal = {
  format: 1,
  profile: "fazhi-annual",
  meta: { issuer: "东城县人民政府", recipient: "市人民政府", title: "关于2021年度法治政府建设工作情况的报告", year: 2021, date: "2022-01-28" },
  sections: [{ title: "主要举措和成效", points: [{ text: "全年办理案件{cases}。" }], sections: [{ title: "下级", covers: ["measures"] }] }],
  figures: { cases: "12件", "review.total": { value: "105份", label: "合同及文件" } },
  checks: ["review.total >= cases"],
};

describe("ReportData", () => {
  it("accepts a minimal report with nested sections, points and both figure forms", () => {
    expect(ReportData.safeParse(minimal).success).toBe(true);
  });

  it("rejects unknown keys, bad figure ids and impossible dates", () => {
    expect(ReportData.safeParse({ ...minimal, titel: "x" }).success).toBe(false);
    expect(ReportData.safeParse({ ...minimal, figures: { Cases: "1件" } }).success).toBe(false);
    expect(ReportData.safeParse({ ...minimal, meta: { ...minimal.meta, date: "2022-02-30" } }).success).toBe(false);
  });

  it("gives the same answer with and without zod's compiled validator (core validates a process's first report without it)", () => {
    const variants = [
      minimal,
      { ...minimal, titel: "x" },
      { ...minimal, figures: { Cases: "1件" } },
      { ...minimal, meta: { ...minimal.meta, date: "2022-02-30", year: "2021" } },
      { ...minimal, sections: [{ title: "", points: [{ lead: 3 }] }] },
    ];
    for (const variant of variants) {
      const interpreted = ReportData.safeParse(variant, { jitless: true });
      const compiled = ReportData.safeParse(variant);
      expect(compiled.success).toBe(interpreted.success);
      expect(compiled.data).toStrictEqual(interpreted.data);
      expect(compiled.error?.issues).toStrictEqual(interpreted.error?.issues);
    }
  });

  it("knows which dates exist", () => {
    expect(isCalendarDate("2024-02-29")).toBe(true);
    expect(isCalendarDate("2023-02-29")).toBe(false);
  });
});

describe("fazhi-annual profile", () => {
  it("lists the regulation's items in order, with the seed's heading among the variants of the first", () => {
    expect(fazhiAnnual.requirements.map((r) => r.id)).toEqual(["measures", "principal-duty", "shortcomings", "plans", "other"]);
    expect(fazhiAnnual.requirements[0]?.headings).toContain("工作开展情况");
    expect(fazhiAnnual.requirements.every((r) => r.source.document.length > 0)).toBe(true);
    expect(fazhiAnnual.deadline).toMatchObject({ month: 3, day: 31, yearOffset: 1 });
  });

  it("is exactly what the profile schema makes of it: valid, with every default spelled out", () => {
    const parsed = Profile.safeParse(fazhiAnnual);
    expect(parsed.error?.issues).toBeUndefined();
    expect(parsed.data).toStrictEqual(fazhiAnnual);
  });
});
