import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { renderText } from "@govreport/render";
import { type Point, ReportData, type SectionData } from "@govreport/schema";
import { compareTexts, describeDifference, importReport } from "./index.js";

/**
 * Import is the inverse of rendering: any report, rendered as text and imported, renders back to the same text.
 * The reports are random — headings three levels deep, points laid out either way, leads, several paragraphs,
 * quantities of every kind in the prose — so the structure the import finds may differ from the one generated
 * (a short unpunctuated paragraph may read as a heading), but never the text.
 */

const WORDS = ["法治", "政府", "建设", "推进", "工作", "完善", "制度", "行政", "执法", "审查", "调解", "案件", "服务", "群众", "监督", "全面", "落实", "责任", "规范", "文件", "培训", "公开", "信息", "基层", "治理", "西区", "全区", "2021年", "“一网通办”", "《条例》"];
const UNITS = ["件", "份", "人", "个", "项", "%", "万元", "余人次", "万余元", "条"];

const word = fc.constantFrom(...WORDS);
const quantity = fc.tuple(fc.integer({ min: 1, max: 99999 }), fc.constantFrom(...UNITS), fc.boolean()).map(([n, unit, decimal]) => (decimal ? `${n / 100}` : `${n}`) + unit);
const clause = fc.tuple(fc.array(word, { minLength: 1, maxLength: 5 }), fc.option(quantity, { nil: undefined })).map(([words, amount]) => words.join("") + (amount ?? ""));
const sentence = fc.tuple(fc.array(clause, { minLength: 1, maxLength: 3 }), fc.constantFrom("。", "；", "！")).map(([clauses, end]) => clauses.join("，") + end);
const paragraph = fc.array(sentence, { minLength: 1, maxLength: 3 }).map((sentences) => sentences.join(""));
const prose = fc.array(paragraph, { minLength: 1, maxLength: 2 }).map((paragraphs) => paragraphs.join("\n"));
const title = fc.tuple(fc.array(word, { minLength: 1, maxLength: 5 }), fc.boolean()).map(([words, stop]) => words.join("") + (stop ? "。" : ""));

const point: fc.Arbitrary<Point> = fc
  .record({ lead: fc.option(fc.array(word, { minLength: 1, maxLength: 4 }).map((words) => words.join("")), { nil: undefined }), text: fc.option(prose, { nil: undefined }) })
  .filter((candidate) => candidate.lead !== undefined || candidate.text !== undefined)
  .map((candidate) => Object.fromEntries(Object.entries(candidate).filter(([, value]) => value !== undefined)) as Point);

function section(depth: number): fc.Arbitrary<SectionData> {
  return fc
    .record({
      title,
      text: fc.option(prose, { nil: undefined }),
      points: fc.option(fc.array(point, { minLength: 1, maxLength: 4 }), { nil: undefined }),
      layout: fc.option(fc.constantFrom("paragraphs" as const, "run-in" as const), { nil: undefined }),
      sections: depth >= 3 ? fc.constant(undefined) : fc.option(fc.array(section(depth + 1), { minLength: 1, maxLength: 3 }), { nil: undefined }),
    })
    .map((candidate) => Object.fromEntries(Object.entries(candidate).filter(([, value]) => value !== undefined)) as unknown as SectionData);
}

const report: fc.Arbitrary<ReportData> = fc
  .record({ year: fc.integer({ min: 2015, max: 2030 }), preamble: prose, sections: fc.array(section(1), { minLength: 1, maxLength: 4 }), withContact: fc.boolean() })
  .map(({ year, preamble, sections, withContact }) =>
    ReportData.parse({
      format: 1,
      profile: "fazhi-annual",
      meta: {
        letterhead: "某县人民政府",
        issuer: "某县人民政府",
        recipient: "市政府",
        title: `关于${year}年度法治政府建设工作情况的报告`,
        year,
        date: `${year + 1}-02-15`,
        ...(withContact ? { contact: { name: "张三", phone: "1234567" } } : {}),
      },
      preamble,
      sections,
    }),
  );

describe("render → import → render", () => {
  it("gives back the same text for any report", () => {
    const seen = { points: 0, runIn: 0, subsections: 0, figures: 0 };
    const count = (sections: readonly SectionData[]): void =>
      sections.forEach((part) => {
        if (part.points) seen.points++;
        if (part.layout === "run-in") seen.runIn++;
        if (part.sections) seen.subsections++;
        count(part.sections ?? []);
      });
    fc.assert(
      fc.property(report, (original) => {
        const text = renderText(original);
        const imported = importReport(text);
        const difference = compareTexts(text, renderText(imported.report), { recipient: imported.report.meta.recipient });
        if (difference !== null) throw new Error(describeDifference(difference));
        expect(imported.report.meta).toEqual(original.meta);
        count(imported.report.sections);
        seen.figures += Object.keys(imported.report.figures ?? {}).length;
      }),
      { numRuns: 60 },
    );
    // The runs must have exercised what the import reads, or passing would prove little.
    for (const [what, times] of Object.entries(seen)) expect(times, what).toBeGreaterThan(10);
  }, 60_000);
});
