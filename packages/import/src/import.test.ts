import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { check } from "@govreport/core";
import { renderText, resolveFigures } from "@govreport/render";
import { figureValueText, ReportData, type SectionData } from "@govreport/schema";
import { compareTexts, describeDifference, importReport } from "./index.js";

/**
 * The seed report (攀枝花市西区 2021, text extracted from its PDF) imported as a drafter would import it. Two
 * independent references decide what is right: the seed text itself (rendering the import must give it back)
 * and examples/xiqu-2021/report.yaml, the same report encoded by hand and checked by the renderer's own round
 * trip (the import must find the same structure and the same figures).
 */

const ROOT = resolve(__dirname, "../../..");
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { sharedFile } = require("../../../tests/shared-data.cjs") as { sharedFile(relative: string): string };
const SEED = readFileSync(sharedFile("seed/000_89aa34e88a861005.txt"), "utf8");
const EXAMPLE = ReportData.parse(parse(readFileSync(resolve(ROOT, "examples/xiqu-2021/report.yaml"), "utf8")));

const imported = importReport(SEED, { source: "000_89aa34e88a861005.txt" });

/** A report's structure with figures resolved and whitespace dropped: what a reader sees, part by part. */
function readerView(report: ReportData) {
  const show = (text: string | undefined) => (text === undefined ? undefined : resolveFigures(text, report.figures).replace(/\s+/g, ""));
  const section = (part: SectionData): unknown => ({
    number: part.number,
    title: show(part.title),
    covers: part.covers,
    layout: part.layout,
    text: show(part.text),
    points: (part.points ?? []).map((point) => ({ lead: show(point.lead), text: show(point.text), covers: point.covers })),
    sections: (part.sections ?? []).map(section),
  });
  return { meta: report.meta, preamble: show(report.preamble), sections: report.sections.map(section), closing: report.closing };
}

describe("importing the seed report", () => {
  it("renders back to the seed text, whitespace and the documented marks aside", () => {
    const difference = compareTexts(SEED, renderText(imported.report), { recipient: imported.report.meta.recipient });
    if (difference !== null) expect.fail(describeDifference(difference));
  });

  it("finds the structure the hand-encoded example has: sections, numbers, points, leads, layouts, covers, meta", () => {
    expect(readerView(imported.report)).toEqual(readerView(EXAMPLE));
  });

  it("finds the figures the hand-encoded example has, each written as in the source", () => {
    const values = (report: ReportData) => Object.values(report.figures ?? {}).map(figureValueText).sort();
    expect(values(imported.report)).toEqual(values(EXAMPLE));
    const source = SEED.replace(/\n\s*\n/g, "");
    for (const value of values(imported.report)) expect(source).toContain(value);
  });

  it("proposes the checks the report's prose states: the 其中 breakdowns and the mediation rate", () => {
    const figures = imported.report.figures ?? {};
    const valueOf = (id: string) => figureValueText(figures[id] ?? "?");
    const asValues = (check: string) => check.replace(/[a-z][a-z0-9_]*(?:\.[a-z0-9_]+)*/g, valueOf);
    expect((imported.report.checks ?? []).map(asValues)).toEqual([
      "105份 = 45份 + 60份",
      "100% = 1571件 / 1571件",
      "14492条 = 245条 + 13403条 + 844条",
    ]);
    expect(imported.checks.every((proposed) => proposed.holds)).toBe(true);
  });

  it("checks clean of errors; the warnings are the seed's real slips", () => {
    const result = check(imported.yaml, { fileName: "xiqu-2021.report.yaml" });
    expect(result.report).toBeDefined();
    const errors = result.diagnostics.filter((diagnostic) => diagnostic.severity === "error");
    expect(errors.map((diagnostic) => `${diagnostic.code}: ${diagnostic.message.en}`)).toEqual([]);
    const marked = (code: string) =>
      result.diagnostics.filter((diagnostic) => diagnostic.code === code).map((diagnostic) => imported.yaml.slice(diagnostic.range.start, diagnostic.range.end));
    // (一) with half-width parentheses, 今年 in a report on 2021, 职能高效 for 智能高效, and spaces such as "16 件".
    expect(marked("heading-number-half-width")).toEqual(['"(一)"']);
    expect(marked("relative-time-word")).toEqual(["今年"]);
    expect(marked("formulation-misquoted")).toEqual(["职能高效"]);
    expect(marked("digit-cjk-space").length).toBeGreaterThan(0);
    const codes = new Set(result.diagnostics.filter((diagnostic) => diagnostic.severity === "warning").map((diagnostic) => diagnostic.code));
    expect([...codes].sort()).toEqual(["digit-cjk-space", "formulation-misquoted", "heading-number-half-width", "relative-time-word"]);
  });

  it("says what it removed and what it changed", () => {
    const notes = imported.notes.map((note) => note.en).join("\n");
    expect(notes).toMatch(/Removed 10 bold mark/);
    expect(notes).toMatch(/half-width colon/);
    expect(imported.metaSources).toMatchObject({ title: "text", recipient: "text", issuer: "text", date: "text", contact: "text" });
  });
});

describe("the YAML an import writes", () => {
  const yaml = imported.yaml;

  it("reads back as the imported report", () => {
    expect(ReportData.parse(parse(yaml))).toEqual(imported.report);
  });

  it("opens with a comment naming the source and what was done", () => {
    const header = yaml.slice(0, yaml.indexOf("format:"));
    expect(header).toMatch(/^# 攀枝花市西区人民政府《关于 2021 年度法治政府建设工作情况的报告》报告数据/);
    expect(header).toContain("000_89aa34e88a861005.txt");
    expect(header).toContain("删去了 10 个加粗标记");
  });

  it("never folds prose: one plain line per paragraph, or a literal block", () => {
    expect(yaml).not.toMatch(/:\s*>[-+]?\s*$/m);
    const preambleLine = yaml.split("\n").find((line) => line.startsWith("preamble:")) ?? "";
    expect(preambleLine).toContain("现将西区 2021 年度法治政府建设工作情况报告如下。");
    const multi = importReport("市政府：\n一、情况\n第一段。\n\n1.小标题\n内容\n二、问题\n甲。\n乙。\n单位\n2022年1月5日\n").yaml;
    expect(multi).toMatch(/text: \|-\n\s+甲。\n\s+乙。/);
  });

  it("puts the figures after the body and the checks last, with labels", () => {
    const order = ["\nmeta:", "\npreamble:", "\nsections:", "\nfigures:", "\nchecks:"].map((key) => yaml.indexOf(key));
    expect(order.every((at) => at >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(yaml).toMatch(/mediation\.cases: \{ value: 1571件, label: 全区调解案件 \}/);
  });
});
