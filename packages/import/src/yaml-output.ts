import type { Message } from "@govreport/core";
import type { FigureEntry, Point, ReportData, SectionData } from "@govreport/schema";
import { Document, isMap, isSeq, type Node, Pair, Scalar, YAMLMap, YAMLSeq } from "yaml";
import type { ProposedCheck } from "./figures.js";
import type { MetaSources } from "./import.js";

/**
 * The imported report as a YAML document a drafter can read and edit: a comment at the top says where it came
 * from and what the import did; prose is written plain on one line, or as a literal block (`|`) when it has
 * several paragraphs — never folded (`>`), since folding Chinese text at a line end would add a space; figures
 * and checks come last, each group of figures under a comment naming the heading it came from.
 */

export interface YamlOptions {
  readonly source: string | undefined;
  readonly notes: readonly Message[];
  readonly metaSources: MetaSources;
  readonly figureContexts: ReadonlyMap<string, string>;
  readonly checks: readonly ProposedCheck[];
}

function prose(doc: Document, text: string): Scalar {
  const node = doc.createNode(text) as Scalar;
  node.type = text.includes("\n") ? Scalar.BLOCK_LITERAL : Scalar.PLAIN;
  return node;
}

function pair(doc: Document, key: string, value: unknown): Pair {
  return new Pair(doc.createNode(key), value instanceof Scalar || isMap(value) || isSeq(value) ? value : doc.createNode(value));
}

function pointNode(doc: Document, point: Point): YAMLMap {
  const map = new YAMLMap();
  if (point.lead !== undefined) map.items.push(pair(doc, "lead", prose(doc, point.lead)));
  if (point.covers !== undefined) map.items.push(pair(doc, "covers", point.covers));
  if (point.text !== undefined) map.items.push(pair(doc, "text", prose(doc, point.text)));
  return map;
}

function sectionNode(doc: Document, section: SectionData): YAMLMap {
  const map = new YAMLMap();
  if (section.number !== undefined) {
    const number = doc.createNode(section.number) as Scalar;
    number.type = Scalar.QUOTE_DOUBLE;
    map.items.push(pair(doc, "number", number));
  }
  map.items.push(pair(doc, "title", prose(doc, section.title)));
  if (section.covers !== undefined) map.items.push(pair(doc, "covers", section.covers));
  if (section.layout !== undefined) map.items.push(pair(doc, "layout", section.layout));
  if (section.text !== undefined) map.items.push(pair(doc, "text", prose(doc, section.text)));
  if (section.points !== undefined) {
    const points = new YAMLSeq();
    points.items.push(...section.points.map((point) => pointNode(doc, point)));
    map.items.push(pair(doc, "points", points));
  }
  if (section.sections !== undefined) {
    const children = new YAMLSeq();
    children.items.push(...section.sections.map((child) => sectionNode(doc, child)));
    map.items.push(pair(doc, "sections", children));
  }
  return map;
}

function figureNode(doc: Document, entry: FigureEntry): Node {
  if (typeof entry === "string") return doc.createNode(entry) as Scalar;
  const map = doc.createNode(entry) as YAMLMap;
  map.flow = true;
  return map;
}

function comment(lines: readonly string[]): string {
  return lines.map((line) => ` ${line}`).join("\n");
}

function keyWithSpace(doc: Document, key: string, value: unknown): Pair {
  const item = pair(doc, key, value);
  (item.key as Scalar).spaceBefore = true;
  return item;
}

export function importedYaml(report: ReportData, options: YamlOptions): string {
  const doc = new Document();
  const root = new YAMLMap();
  root.items.push(pair(doc, "format", report.format), pair(doc, "profile", report.profile));

  const meta = new YAMLMap();
  const { meta: data } = report;
  if (data.letterhead !== undefined) meta.items.push(pair(doc, "letterhead", data.letterhead));
  meta.items.push(pair(doc, "issuer", data.issuer), pair(doc, "recipient", data.recipient), pair(doc, "title", data.title), pair(doc, "year", data.year));
  const date = doc.createNode(data.date) as Scalar;
  date.type = Scalar.QUOTE_DOUBLE;
  if (options.metaSources.date === "placeholder") date.comment = " 原文未写成文日期，此为占位值，请核对 — not in the source; a stand-in, check it";
  if (options.metaSources.year === "placeholder") (meta.items[meta.items.length - 1]!.value as Scalar).comment = " 请核对 — check";
  meta.items.push(pair(doc, "date", date));
  if (data.contact !== undefined) {
    const contact = doc.createNode(data.contact) as YAMLMap;
    contact.flow = true;
    meta.items.push(pair(doc, "contact", contact));
  }
  root.items.push(keyWithSpace(doc, "meta", meta));

  if (report.preamble !== undefined) root.items.push(keyWithSpace(doc, "preamble", prose(doc, report.preamble)));
  const sections = new YAMLSeq();
  sections.items.push(...report.sections.map((section) => sectionNode(doc, section)));
  root.items.push(keyWithSpace(doc, "sections", sections));
  if (report.closing !== undefined) root.items.push(keyWithSpace(doc, "closing", prose(doc, report.closing)));

  if (report.figures !== undefined) {
    const figures = new YAMLMap();
    let lastContext: string | undefined;
    for (const [id, entry] of Object.entries(report.figures)) {
      const item = new Pair(doc.createNode(id), figureNode(doc, entry));
      const context = options.figureContexts.get(id);
      if (context !== undefined && context !== lastContext) {
        const key = item.key as Scalar;
        key.commentBefore = ` ${context}`;
        if (lastContext !== undefined) key.spaceBefore = true;
        lastContext = context;
      }
      figures.items.push(item);
    }
    root.items.push(keyWithSpace(doc, "figures", figures));
  }

  if (report.checks !== undefined) {
    const checks = new YAMLSeq();
    for (const proposed of options.checks) {
      const node = doc.createNode(proposed.check) as Scalar;
      const what = { breakdown: "其中 breakdown", rate: "rate", increment: "新增 ≤ 总数 added ≤ total" }[proposed.kind];
      node.commentBefore = proposed.holds
        ? ` ${what}: ${proposed.evidence}`
        : ` ${what}: ${proposed.evidence}\n 按原文不成立，请核对 — does not hold as the text states it; check the figures`;
      checks.items.push(node);
    }
    const key = keyWithSpace(doc, "checks", checks);
    (key.key as Scalar).commentBefore = " 由原文推断的校验关系（“其中”分项、比率与其计数、新增与总数） — checks read from the text: 其中 breakdowns, rates beside their counts, added beside total";
    root.items.push(key);
  }

  doc.contents = root;
  doc.commentBefore = comment(headerLines(report, options));
  return doc.toString({ lineWidth: 0, minContentWidth: 0, flowCollectionPadding: true });
}

function headerLines(report: ReportData, options: YamlOptions): string[] {
  const from = options.source === undefined ? "" : `（${options.source}）`;
  const lines = [
    `${report.meta.issuer}《${report.meta.title}》报告数据，由 govreport import 从原文${from}导入。`,
    `Report data imported by govreport import${options.source === undefined ? "" : ` from ${options.source}`}.`,
    "",
    "导入时的处理与猜测，请逐项核对 — what the import did and guessed; review each:",
    ...options.notes.map((note) => `- ${note.zh}`),
    "- 数据项编号由数据名称中的常用词猜出，可以改名（改名时一并修改正文中的 {编号}）",
    "- 标题序号由结构生成；number: 只在原文写法与生成的序号不同时保留",
  ];
  return lines;
}

