import type { Message } from "@govreport/core";
import { headingNumber } from "@govreport/render";
import { fazhiAnnual, type Meta, type Point, type Profile, type ReportData, ReportData as ReportDataSchema, type SectionData } from "@govreport/schema";
import { guessCovers } from "./covers.js";
import { extractFigures, type ProposedCheck, type ProseSlot } from "./figures.js";
import { splitMeta } from "./meta.js";
import { toParagraphs } from "./paragraphs.js";
import { cleanSource } from "./source-text.js";
import { buildStructure } from "./structure.js";
import { importedYaml } from "./yaml-output.js";

export interface ImportOptions {
  /** Where the text came from (a file name); named in the comment at the top of the YAML. */
  readonly source?: string | undefined;
  /** The profile whose headings `covers:` is guessed from. Default: the built-in fazhi-annual. */
  readonly profile?: Profile | undefined;
  /** What to write as `profile:` (an id or a path). Default: the profile's id. */
  readonly profileReference?: string | undefined;
  /** Values for meta fields the text does not state, or to override what it states. */
  readonly meta?: Partial<Meta> | undefined;
}

/** Where each meta value came from. `placeholder` values are stand-ins the drafter must replace. */
export type MetaSource = "text" | "option" | "placeholder" | "absent";
export type MetaSources = Readonly<Record<"letterhead" | "title" | "recipient" | "issuer" | "year" | "date" | "contact", MetaSource>>;

export interface ImportResult {
  readonly report: ReportData;
  /** The report as a commented YAML document, ready to save as `*.report.yaml`. */
  readonly yaml: string;
  /** What the import changed, guessed or could not find, for the drafter to review. */
  readonly notes: readonly Message[];
  readonly metaSources: MetaSources;
  /** The checks proposed from the prose, with whether each holds as the source states it. */
  readonly checks: readonly ProposedCheck[];
}

const PLACEHOLDER = {
  title: "待补充：报告标题",
  recipient: "待补充：主送机关",
  issuer: "待补充：发文机关",
} as const;

const YEAR_IN_TEXT = /(?<![0-9])((?:19[5-9]|2[01][0-9])[0-9])\s*年(?!\s*[0-9]{1,2}\s*月)/g;

/** The year most often named in the text, for a report whose title and date name none. */
function mostNamedYear(text: string): number | undefined {
  const counts = new Map<number, number>();
  for (const match of text.matchAll(YEAR_IN_TEXT)) counts.set(Number(match[1]), (counts.get(Number(match[1])) ?? 0) + 1);
  let best: number | undefined;
  for (const [year, count] of counts) if (best === undefined || count > (counts.get(best) ?? 0)) best = year;
  return best;
}

function yearOfTitle(title: string | undefined): number | undefined {
  const match = title === undefined ? null : new RegExp(YEAR_IN_TEXT.source).exec(title);
  return match ? Number(match[1]) : undefined;
}

/** The years meta.year accepts. */
function plausibleYear(year: number | undefined): number | undefined {
  return year !== undefined && year >= 1949 && year <= 2200 ? year : undefined;
}

/** 2021年工作回顾: the year a 政府工作报告 reviews, named in its first part heading. */
function firstReviewHeadingYear(sections: readonly SectionData[]): number | undefined {
  for (const section of sections) {
    const match = /^((?:19|20|21)[0-9]{2})\s*年.*回顾$/.exec(section.title);
    if (match) return Number(match[1]);
  }
  return undefined;
}

function shortTitle(text: string): string {
  const chars = Array.from(text);
  return chars.length <= 24 ? text : `${chars.slice(0, 24).join("")}…`;
}

/** Every piece of prose that may hold figures, in reading order. Titles are left alone: headings name, they do not count. */
function proseSlots(report: ReportData): ProseSlot[] {
  const slots: ProseSlot[] = [];
  if (report.preamble !== undefined) {
    slots.push({ read: () => report.preamble ?? "", write: (text) => (report.preamble = text), context: "导语 preamble" });
  }
  const visit = (sections: SectionData[], level: number, trail: string[]): void => {
    sections.forEach((section, index) => {
      const heading = `${section.number ?? headingNumber(level, index)}${shortTitle(section.title)}`;
      const context = [...trail, heading].join(" ");
      if (section.text !== undefined) slots.push({ read: () => section.text ?? "", write: (text) => (section.text = text), context });
      (section.points ?? []).forEach((point: Point) => {
        if (point.lead !== undefined) slots.push({ read: () => point.lead ?? "", write: (text) => (point.lead = text), context });
        if (point.text !== undefined) slots.push({ read: () => point.text ?? "", write: (text) => (point.text = text), context });
      });
      visit(section.sections ?? [], level + 1, level <= 2 ? [...trail, heading] : trail);
    });
  };
  visit(report.sections, 1, []);
  if (report.closing !== undefined) slots.push({ read: () => report.closing ?? "", write: (text) => (report.closing = text), context: "结束语 closing" });
  return slots;
}

/**
 * Turns the text of an existing report (plain text, Markdown, or text extracted from a PDF or Word file) into
 * report-data. Pure: the same text and options always give the same result, and no input makes it throw.
 */
export function importReport(text: string, options: ImportOptions = {}): ImportResult {
  const profile = options.profile ?? fazhiAnnual;
  const given = options.meta ?? {};
  const cleaned = cleanSource(text);
  const split = splitMeta(cleaned.lines);
  const notes: Message[] = [...cleaned.notes, ...split.notes];
  const { found } = split;
  const paragraphs = toParagraphs(split.body);
  const structure = buildStructure(paragraphs);

  const source = <K extends keyof typeof found>(key: K, givenValue: unknown): MetaSource =>
    givenValue !== undefined ? "option" : found[key] !== undefined ? "text" : "absent";

  const title = given.title ?? found.title;
  const dateValue = given.date ?? found.date;
  let year = given.year ?? plausibleYear(yearOfTitle(title));
  let yearSource: MetaSource = given.year !== undefined ? "option" : year !== undefined ? "text" : "absent";
  if (year === undefined && plausibleYear(Number((dateValue ?? "").slice(0, 4)) - 1) !== undefined) {
    year = Number((dateValue ?? "").slice(0, 4)) - 1;
    yearSource = "text";
    notes.push({ zh: `标题中没有年份，报告年度按成文日期取为 ${year}`, en: `The title names no year; the reported year is taken from the date: ${year}` });
  }
  const reviewed = plausibleYear(firstReviewHeadingYear(structure.sections));
  if (year === undefined && reviewed !== undefined) {
    year = reviewed;
    yearSource = "text";
    notes.push({ zh: `报告年度按标题“${reviewed}年…回顾”取为 ${reviewed}`, en: `The reported year is taken from the review heading: ${reviewed}` });
  }
  if (year === undefined) {
    year = mostNamedYear(text) ?? 2000;
    yearSource = "placeholder";
    notes.push({ zh: `标题和成文日期都没有写明年份，报告年度暂取 ${year}，请核对 meta.year`, en: `Neither title nor date names the year; meta.year is set to ${year}, check it` });
  }

  const meta: Meta = {
    ...(given.letterhead ?? found.letterhead ? { letterhead: given.letterhead ?? found.letterhead } : {}),
    issuer: given.issuer ?? found.issuer ?? PLACEHOLDER.issuer,
    recipient: given.recipient ?? found.recipient ?? PLACEHOLDER.recipient,
    title: title ?? PLACEHOLDER.title,
    year,
    date: dateValue ?? `${year + 1}-01-01`,
    ...(given.contact ?? found.contact ? { contact: given.contact ?? found.contact } : {}),
  };
  const metaSources: MetaSources = {
    letterhead: source("letterhead", given.letterhead),
    title: title === undefined ? "placeholder" : source("title", given.title),
    recipient: given.recipient === undefined && found.recipient === undefined ? "placeholder" : source("recipient", given.recipient),
    issuer: given.issuer === undefined && found.issuer === undefined ? "placeholder" : source("issuer", given.issuer),
    year: yearSource,
    date: dateValue === undefined ? "placeholder" : source("date", given.date),
    contact: source("contact", given.contact),
  };
  const missing: Message[] = [];
  if (metaSources.title === "placeholder") missing.push({ zh: "标题", en: "title" });
  if (metaSources.recipient === "placeholder") missing.push({ zh: "主送机关", en: "recipient" });
  if (metaSources.issuer === "placeholder") missing.push({ zh: "发文机关署名", en: "issuer" });
  if (missing.length > 0) {
    notes.push({
      zh: `原文中没有找到${missing.map((item) => item.zh).join("、")}，已填“待补充”，请补写`,
      en: `No ${missing.map((item) => item.en).join(", ")} found in the text; filled with “待补充” placeholders to replace`,
    });
  }
  if (metaSources.date === "placeholder") {
    notes.push({ zh: `原文中没有找到成文日期，暂填 ${meta.date}，请核对`, en: `No date found in the text; ${meta.date} stands in, check it` });
  }

  const report: ReportData = {
    format: 1,
    profile: options.profileReference ?? profile.id,
    meta,
    ...(structure.preamble.length > 0 ? { preamble: structure.preamble.join("\n") } : {}),
    sections: structure.sections,
    ...(found.closing !== undefined ? { closing: found.closing } : {}),
  };
  if (structure.sections.length === 0) {
    notes.push({ zh: "原文中没有识别出任何标题（一、（一）1.（1）或不编号的部分标题），全文作为导语", en: "No headings recognised; the whole text is kept as the preamble" });
  }

  const placed = guessCovers(report.sections, profile, year);
  const missingRequirements = profile.requirements.filter((requirement) => requirement.required && !placed.includes(requirement.id));
  if (missingRequirements.length > 0) {
    notes.push({
      zh: `没有找到与报告规则 ${profile.id} 这些要求项对应的标题：${missingRequirements.map((requirement) => requirement.id).join("、")}；如有，请在相应部分写 covers`,
      en: `No heading found for these requirements of ${profile.id}: ${missingRequirements.map((requirement) => requirement.id).join(", ")}; add covers where they are`,
    });
  }

  const extraction = extractFigures(proseSlots(report));
  if (extraction.figures.length > 0) report.figures = Object.fromEntries(extraction.figures.map((figure) => [figure.id, figure.entry]));
  if (extraction.checks.length > 0) report.checks = extraction.checks.map((check) => check.check);
  const failing = extraction.checks.filter((check) => !check.holds);
  notes.push({
    zh: `提取数据项 ${extraction.figures.length} 个，建议校验关系 ${extraction.checks.length} 条${failing.length > 0 ? `（其中 ${failing.length} 条按原文不成立，请核对）` : ""}`,
    en: `Extracted ${extraction.figures.length} figures and proposed ${extraction.checks.length} checks${failing.length > 0 ? ` (${failing.length} do not hold as the text states them; review them)` : ""}`,
  });

  // The data is built to the schema; parsing it proves that, and a failure here is a bug to see at once.
  const validated = ReportDataSchema.parse(report);
  const yaml = importedYaml(validated, {
    source: options.source,
    notes,
    metaSources,
    figureContexts: new Map(extraction.figures.map((figure) => [figure.id, figure.context])),
    checks: extraction.checks,
  });
  return { report: validated, yaml, notes, metaSources, checks: extraction.checks };
}
