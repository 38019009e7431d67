import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { ReportData, figureValueText } from "@govreport/schema";
import type { SectionData } from "@govreport/schema";
import { renderText } from "./text.js";

/**
 * The round trip: examples/xiqu-2021/report.yaml rendered as text must give back the report it encodes,
 * examples/xiqu-2021/original.txt (the published report's text, kept verbatim).
 *
 * The comparison ignores whitespace: the source is text extracted from a PDF, whose line breaks fall where
 * the page ran out, and report-data keeps paragraphs, not lines. Beyond whitespace, only these differences
 * are forgiven, each for a reason that lies outside the report's content:
 *
 * 1. Page furniture: lines holding only a page number ("— 3 —", "- 3 -", "第3页", "第3页 共9页", "3") are
 *    dropped from the source. They are what the PDF printed on each page, not what the report says.
 *    (This source happens to carry none; the rule is here so a re-extraction with page numbers still passes.)
 * 2. Bold marks: the extraction wrote the PDF's bold runs as Markdown `**…**`. Report-data carries no
 *    typeface, so the marks are dropped from the source.
 * 3. The recipient's colon: the source writes "市政府:" with a half-width colon. Report-data stores the
 *    recipient's name only and the renderer prints the full-width colon GB/T 9704 prescribes, so that one
 *    line is compared with the colon made full-width. Every other half-width mark in the source is compared
 *    as written.
 */

const EXAMPLE_DIR = resolve(__dirname, "../../../examples/xiqu-2021");

const PAGE_NUMBER_LINE = /^\s*(?:[-—–－]\s*\d+\s*[-—–－]|第\s*\d+\s*页(?:\s*[,，]?\s*共\s*\d+\s*页)?|\d+)\s*$/;

/** A comparison text: the characters that count, each with the 1-based line it came from. */
interface Comparable {
  chars: string[];
  lines: number[];
  source: string[];
}

function comparable(text: string, lineFilter: (line: string, lineNumber: number) => string | null): Comparable {
  const result: Comparable = { chars: [], lines: [], source: text.split(/\r\n|\r|\n/) };
  result.source.forEach((rawLine, index) => {
    const line = lineFilter(rawLine, index + 1);
    if (line === null) return;
    for (const char of line) {
      if (/\s/u.test(char)) continue;
      result.chars.push(char);
      result.lines.push(index + 1);
    }
  });
  return result;
}

/** The source with the three documented kinds of difference taken out (see the top of this file). */
function normaliseOriginal(text: string, recipient: string): Comparable {
  return comparable(text, (line) => {
    if (PAGE_NUMBER_LINE.test(line)) return null;
    const unbolded = line.replaceAll("**", "");
    return unbolded.trim() === `${recipient}:` ? `${recipient}：` : unbolded;
  });
}

function normaliseRendered(text: string): Comparable {
  return comparable(text, (line) => line);
}

/** null when equal; otherwise a message showing both texts around the first difference. */
function describeDifference(expected: Comparable, actual: Comparable): string | null {
  const length = Math.min(expected.chars.length, actual.chars.length);
  let at = 0;
  while (at < length && expected.chars[at] === actual.chars[at]) at++;
  if (at === expected.chars.length && at === actual.chars.length) return null;

  const window = (side: Comparable): string => {
    const before = side.chars.slice(Math.max(0, at - 30), at).join("");
    const after = side.chars.slice(at, at + 30).join("");
    return `${before}⟦${after}`;
  };
  const lineOf = (side: Comparable): string => String(side.lines[at] ?? side.lines[side.lines.length - 1] ?? "-");
  return [
    `rendered text differs from original.txt at original.txt line ${lineOf(expected)}, rendered line ${lineOf(actual)}`,
    "(whitespace ignored; ⟦ marks the first difference)",
    `  original: ${window(expected)}${at < expected.chars.length ? "" : "(ends here)"}`,
    `  rendered: ${window(actual)}${at < actual.chars.length ? "" : "(ends here)"}`,
  ].join("\n");
}

function loadExample(): { report: ReportData; original: string } {
  const yamlText = readFileSync(resolve(EXAMPLE_DIR, "report.yaml"), "utf8");
  const original = readFileSync(resolve(EXAMPLE_DIR, "original.txt"), "utf8");
  const parsed = ReportData.safeParse(parse(yamlText));
  if (!parsed.success) throw new Error(`report.yaml does not match the report-data schema:\n${JSON.stringify(parsed.error.issues, null, 2)}`);
  return { report: parsed.data, original };
}

function compareWithOriginal(report: ReportData, original: string): string | null {
  return describeDifference(normaliseOriginal(original, report.meta.recipient), normaliseRendered(renderText(report)));
}

describe("round trip of examples/xiqu-2021", () => {
  const { report, original } = loadExample();

  it("renders report.yaml back to original.txt", () => {
    const difference = compareWithOriginal(report, original);
    if (difference !== null) expect.fail(difference);
  });

  it("fails, pointing at the figure, when a figure's value changes", () => {
    const changed: ReportData = structuredClone(report);
    changed.figures = { ...changed.figures, "review.contracts": "46份" };
    const difference = compareWithOriginal(changed, original);
    expect(difference).not.toBeNull();
    expect(difference).toMatch(/original: .*105份（其中政府合同、协议4⟦5份、文件60份）/);
    expect(difference).toMatch(/rendered: .*105份（其中政府合同、协议4⟦6份、文件60份）/);
    expect(difference).toMatch(/at original\.txt line 45, /);
  });

  it("fails when a sentence is missing, and when the text runs short", () => {
    const changed: ReportData = structuredClone(report);
    changed.closing = "特此报告。";
    expect(compareWithOriginal(changed, original)).toContain("rendered: ");

    const shortened: ReportData = structuredClone(report);
    const plans = shortened.sections[2];
    if (plans?.sections === undefined) throw new Error("the example has lost its plans section");
    plans.sections = plans.sections.slice(0, 3);
    expect(compareWithOriginal(shortened, original)).toMatch(/original: .*⟦（四）科学谋划/);
  });

  it("forgives only the documented differences", () => {
    const normalised = normaliseOriginal(["一、标题", "— 2 —", "- 3 -", "第4页 共9页", "7", "**二是**加强", "市政府:", "达 100%，如:"].join("\n"), "市政府");
    expect(normalised.chars.join("")).toBe("一、标题二是加强市政府：达100%，如:");
  });

  it("uses every figure, and every reference and check names a figure", () => {
    const figures = report.figures ?? {};
    const prose: string[] = [report.meta.title, report.preamble ?? "", report.closing ?? ""];
    const collect = (sections: SectionData[]): void =>
      sections.forEach((section) => {
        prose.push(section.title, section.text ?? "", ...(section.points ?? []).flatMap((point) => [point.lead ?? "", point.text ?? ""]));
        collect(section.sections ?? []);
      });
    collect(report.sections);
    const referenced = new Set(prose.flatMap((text) => Array.from(text.matchAll(/\{([^{}\s]+)\}/g), (match) => match[1] ?? "")));
    expect([...referenced].filter((id) => !Object.hasOwn(figures, id))).toEqual([]);
    expect(Object.keys(figures).filter((id) => !referenced.has(id))).toEqual([]);
    const checked = (report.checks ?? []).flatMap((check) => check.match(/[a-z][a-z0-9_]*(?:\.[a-z0-9_]+)+/g) ?? []);
    expect(checked.filter((id) => !Object.hasOwn(figures, id))).toEqual([]);
    expect(renderText(report)).not.toMatch(/\{[^{}\s]+\}/);
  });

  it("keeps every figure exactly as the source writes it", () => {
    const source = original.replace(/\r?\n\s*\r?\n/g, "");
    const missing = Object.entries(report.figures ?? {}).filter(([, entry]) => !source.includes(figureValueText(entry)));
    expect(missing).toEqual([]);
  });
});
