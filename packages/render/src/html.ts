import type { FigureEntry, Point, ReportData, Section } from "@govreport/schema";
import { DOCUMENT_CSS, STANDALONE_PAGE_CSS } from "./html-style.js";
import { chineseDate, contactLine, headingNumber, pointMarker, resolveFigures } from "./text.js";

/**
 * The report as it will be printed (GB/T 9704-2012), as HTML.
 *
 * Every element that shows a piece of the report carries `data-path`: the JSON of its data path
 * (`["sections",0,"points",1,"text"]`), so a click in a preview maps back to a source range. Figures
 * substituted into prose carry `data-figure` (the id) and a tooltip with id and value.
 *
 * Markup is built as a small tree and serialised in one place that escapes every text and attribute
 * value; report text never reaches the output any other way, so nothing in a report can become markup.
 */

export type HtmlPathSegment = string | number;
export type HtmlDataPath = readonly HtmlPathSegment[];
export type HtmlMarkSeverity = "error" | "warning" | "info" | "hint";

/** A diagnostic to show in place: on the element rendered for `path`, or the nearest rendered ancestor. */
export interface HtmlMark {
  readonly path: HtmlDataPath;
  readonly severity: HtmlMarkSeverity;
  readonly message: string;
}

export interface HtmlRenderOptions {
  readonly marks?: readonly HtmlMark[] | undefined;
  /** Language of the few words the renderer adds itself (tooltips, the list of unplaced marks). */
  readonly language?: "zh" | "en" | undefined;
}

export interface HtmlDocumentOptions extends HtmlRenderOptions {
  /** The page's `<title>`; the report title by default. */
  readonly pageTitle?: string | undefined;
}

/** The attribute value a rendered element carries for `path`; also the key marks are matched by. */
export function htmlPathKey(path: HtmlDataPath): string {
  return JSON.stringify(path);
}

/** Renders the report as an HTML fragment (one `<div class="gr-root">`); style it with {@link DOCUMENT_CSS}. */
export function renderHtml(report: ReportData, options: HtmlRenderOptions = {}): string {
  const root = buildTree(report, options.language ?? "zh");
  applyMarks(root, options.marks ?? [], options.language ?? "zh");
  return serialize(root);
}

/** A complete, self-contained page: inline stylesheet, no scripts, a CSP that forbids any. */
export function renderHtmlDocument(report: ReportData, options: HtmlDocumentOptions = {}): string {
  const pageTitle = options.pageTitle ?? report.meta?.title ?? "";
  return [
    "<!DOCTYPE html>",
    '<html lang="zh-CN">',
    "<head>",
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeText(pageTitle)}</title>`,
    `<style>${DOCUMENT_CSS}${STANDALONE_PAGE_CSS}</style>`,
    "</head>",
    "<body>",
    renderHtml(report, options),
    "</body>",
    "</html>",
    "",
  ].join("\n");
}

/** A point's lead is a sentence of its own: it ends with a full stop unless the drafter ended it already. */
const SENTENCE_END = /[。！？；：!?;:…]$/;

// ---------------------------------------------------------------------------------------------------------
// The tree

interface ElementNode {
  readonly tag: string;
  readonly attrs: Map<string, string>;
  readonly classes: string[];
  readonly children: Array<ElementNode | string>;
  readonly pathKey: string | undefined;
}

function el(
  tag: string,
  options: { classes?: string[]; path?: HtmlDataPath; attrs?: Record<string, string> },
  children: Array<ElementNode | string> = [],
): ElementNode {
  const attrs = new Map(Object.entries(options.attrs ?? {}));
  const pathKey = options.path === undefined ? undefined : htmlPathKey(options.path);
  if (pathKey !== undefined) attrs.set("data-path", pathKey);
  return { tag, attrs, classes: [...(options.classes ?? [])], children, pathKey };
}

const UNPLACED_LABEL = {
  zh: "以下问题无法在预览中定位：",
  en: "Problems not shown in place:",
} as const;

const MISSING_FIGURE_LABEL = {
  zh: (id: string) => `未定义的数据项 ${id}`,
  en: (id: string) => `undefined figure ${id}`,
} as const;

/** Same grammar as the plain-text renderer: `{...}` holding no braces or whitespace. */
const FIGURE_REFERENCE = /\{([^{}\s]+)\}/g;

interface RenderContext {
  readonly figures: Readonly<Record<string, FigureEntry>>;
  readonly language: "zh" | "en";
}

function buildTree(report: ReportData, language: "zh" | "en"): ElementNode {
  const context: RenderContext = { figures: isRecord(report.figures) ? report.figures : {}, language };
  const meta = report.meta ?? ({} as Partial<ReportData["meta"]>);
  const page = el("div", { classes: ["gr-page"] });

  if (nonEmpty(meta.letterhead)) {
    page.children.push(el("p", { classes: ["gr-letterhead"], path: ["meta", "letterhead"] }, [meta.letterhead]));
    page.children.push(el("hr", { classes: ["gr-letterhead-rule"] }));
  }
  if (nonEmpty(meta.title)) {
    page.children.push(el("h1", { classes: ["gr-title"], path: ["meta", "title"] }, inline(meta.title, ["meta", "title"], context)));
  }
  if (nonEmpty(meta.recipient)) {
    page.children.push(el("p", { classes: ["gr-recipient"], path: ["meta", "recipient"] }, [`${meta.recipient}：`]));
  }
  if (nonEmpty(report.preamble)) page.children.push(...paragraphs(report.preamble, ["preamble"], ["gr-para", "gr-preamble"], context));

  const sections = Array.isArray(report.sections) ? report.sections : [];
  sections.forEach((section, index) => page.children.push(renderSection(section, ["sections", index], 1, index, context)));

  if (nonEmpty(report.closing)) page.children.push(...paragraphs(report.closing, ["closing"], ["gr-para", "gr-closing"], context));

  const signature: ElementNode[] = [];
  if (nonEmpty(meta.issuer)) signature.push(el("div", { classes: ["gr-issuer"], path: ["meta", "issuer"] }, [meta.issuer]));
  if (nonEmpty(meta.date)) signature.push(el("div", { classes: ["gr-date"], path: ["meta", "date"] }, [chineseDate(meta.date)]));
  if (signature.length > 0) {
    page.children.push(el("div", { classes: ["gr-signature"] }, [el("div", { classes: ["gr-signature-block"] }, signature)]));
  }
  const contact = meta.contact;
  if (contact !== undefined && (nonEmpty(contact.name) || nonEmpty(contact.phone))) {
    const line = contactLine({ name: typeof contact.name === "string" ? contact.name : "", phone: typeof contact.phone === "string" ? contact.phone : "" });
    page.children.push(el("p", { classes: ["gr-contact"], path: ["meta", "contact"] }, [line]));
  }

  return el("div", { classes: ["gr-root"], attrs: { lang: "zh-CN" } }, [el("article", { classes: ["gr-document"] }, [page])]);
}

function renderSection(section: Section, path: HtmlDataPath, level: number, index: number, context: RenderContext): ElementNode {
  const node = el("section", { classes: ["gr-section", `gr-level-${level}`], path });
  const ownNumber = typeof section.number === "string" ? section.number : undefined;
  const number = ownNumber ?? headingNumber(level, index);
  const headingClass = `gr-h${Math.min(level, 5)}`;
  const title = typeof section.title === "string" ? section.title : "";
  node.children.push(
    el(`h${Math.min(level + 1, 6)}`, { classes: ["gr-heading", headingClass], path: [...path, "title"] }, [
      el("span", { classes: ["gr-number"], ...(ownNumber !== undefined ? { path: [...path, "number"] } : {}) }, [number]),
      ...inline(title, [...path, "title"], context),
    ]),
  );
  const textParagraphs = nonEmpty(section.text) ? paragraphs(section.text, [...path, "text"], ["gr-para"], context) : [];
  node.children.push(...textParagraphs);
  if (Array.isArray(section.points) && section.points.length > 0) {
    const layout = section.layout ?? "paragraphs";
    // Run-in points continue the paragraph the section text ends with ("主要表现在：一是……二是……").
    const continueIn = layout === "run-in" ? textParagraphs[textParagraphs.length - 1] : undefined;
    node.children.push(...renderPoints(section.points, [...path, "points"], layout, continueIn, context));
  }
  if (Array.isArray(section.sections)) {
    section.sections.forEach((child, childIndex) =>
      node.children.push(renderSection(child, [...path, "sections", childIndex], level + 1, childIndex, context)),
    );
  }
  return node;
}

/**
 * Points print as 一是…二是…: each its own paragraph, or ("run-in") one running paragraph. A line break
 * inside a point's text still starts a new paragraph, and in run-in layout the next point continues there.
 */
function renderPoints(
  points: readonly Point[],
  path: HtmlDataPath,
  layout: "paragraphs" | "run-in",
  continueIn: ElementNode | undefined,
  context: RenderContext,
): ElementNode[] {
  const out: ElementNode[] = [];
  let running: ElementNode | undefined = continueIn;
  points.forEach((point, index) => {
    const pointPath = [...path, index];
    const pointNode = el("span", { classes: ["gr-point"], path: pointPath }, [el("span", { classes: ["gr-point-marker"] }, [pointMarker(index)])]);
    if (nonEmpty(point.lead)) {
      const lead = point.lead.trim();
      // Decided on the printed text, so a lead ending in a figure is judged by the figure's last character.
      const stop = SENTENCE_END.test(resolveFigures(lead, context.figures)) ? [] : ["。"];
      pointNode.children.push(
        el("span", { classes: ["gr-point-lead"], path: [...pointPath, "lead"] }, [...inline(lead, [...pointPath, "lead"], context), ...stop]),
      );
    }
    const textParagraphs = nonEmpty(point.text) ? splitParagraphs(point.text) : [];
    const [first, ...rest] = textParagraphs;
    if (first !== undefined) {
      pointNode.children.push(el("span", { classes: ["gr-point-text"], path: [...pointPath, "text"] }, inline(first, [...pointPath, "text"], context)));
    }
    if (layout === "run-in" && running !== undefined) {
      running.children.push(pointNode);
    } else {
      running = el("p", { classes: ["gr-para", "gr-points"] }, [pointNode]);
      out.push(running);
    }
    for (const paragraph of rest) {
      running = el("p", { classes: ["gr-para", "gr-point-continued"], path: [...pointPath, "text"] }, inline(paragraph, [...pointPath, "text"], context));
      out.push(running);
    }
    if (layout !== "run-in") running = undefined;
  });
  return out;
}

function paragraphs(text: string, path: HtmlDataPath, classes: string[], context: RenderContext): ElementNode[] {
  return splitParagraphs(text).map((paragraph) => el("p", { classes, path }, inline(paragraph, path, context)));
}

/** A line break starts a paragraph; blank lines and the indentation drafters type by hand are dropped. */
function splitParagraphs(text: string): string[] {
  return text
    .split(/\r\n|\r|\n/)
    .map((line) => line.trim())
    .filter((line) => line.length > 0);
}

/** Prose with each `{figure.id}` replaced by the figure's value, wrapped so the figure can be found again. */
function inline(text: string, path: HtmlDataPath, context: RenderContext): Array<ElementNode | string> {
  const out: Array<ElementNode | string> = [];
  let last = 0;
  for (const match of text.matchAll(FIGURE_REFERENCE)) {
    const start = match.index ?? 0;
    const id = match[1] ?? "";
    if (start > last) out.push(text.slice(last, start));
    out.push(figureNode(id, match[0], path, context));
    last = start + match[0].length;
  }
  if (last < text.length) out.push(text.slice(last));
  return out;
}

function figureNode(id: string, written: string, referencePath: HtmlDataPath, context: RenderContext): ElementNode {
  const entry = Object.prototype.hasOwnProperty.call(context.figures, id) ? context.figures[id] : undefined;
  const value = entry === undefined ? undefined : figureText(entry);
  if (value === undefined) {
    return el(
      "span",
      { classes: ["gr-figure", "gr-figure-missing"], path: referencePath, attrs: { "data-figure": id, title: MISSING_FIGURE_LABEL[context.language](id) } },
      [written],
    );
  }
  const label = typeof entry === "object" && entry !== null && nonEmpty(entry.label) ? `（${entry.label}）` : "";
  return el("span", { classes: ["gr-figure"], path: ["figures", id], attrs: { "data-figure": id, title: `${id} = ${value}${label}` } }, [value]);
}

function figureText(entry: FigureEntry): string | undefined {
  if (typeof entry === "string") return entry;
  if (typeof entry === "object" && entry !== null && typeof entry.value === "string") return entry.value;
  return undefined;
}

function nonEmpty(value: unknown): value is string {
  return typeof value === "string" && value.trim().length > 0;
}

function isRecord(value: unknown): value is Record<string, FigureEntry> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

// ---------------------------------------------------------------------------------------------------------
// Marks

const SEVERITY_RANK: Readonly<Record<HtmlMarkSeverity, number>> = { error: 0, warning: 1, info: 2, hint: 3 };

/**
 * Puts each mark on every element rendered for its path, or else for the longest rendered prefix of it
 * (a mark on a figure's `value` lands on each use of the figure). Marks with no rendered ancestor at all
 * (a declared check, the year) are listed above the page, each still carrying its path for navigation.
 */
function applyMarks(root: ElementNode, marks: readonly HtmlMark[], language: "zh" | "en"): void {
  if (marks.length === 0) return;
  const byPath = new Map<string, ElementNode[]>();
  const visit = (node: ElementNode) => {
    if (node.pathKey !== undefined) byPath.set(node.pathKey, [...(byPath.get(node.pathKey) ?? []), node]);
    for (const child of node.children) if (typeof child !== "string") visit(child);
  };
  visit(root);

  const placed = new Map<ElementNode, HtmlMark[]>();
  const unplaced: HtmlMark[] = [];
  for (const mark of marks) {
    if (!Array.isArray(mark.path) || !(mark.severity in SEVERITY_RANK)) continue;
    let targets: ElementNode[] | undefined;
    for (let length = mark.path.length; length > 0 && targets === undefined; length--) {
      targets = byPath.get(htmlPathKey(mark.path.slice(0, length)));
    }
    if (targets === undefined) {
      unplaced.push(mark);
      continue;
    }
    for (const target of targets) placed.set(target, [...(placed.get(target) ?? []), mark]);
  }

  for (const [node, nodeMarks] of placed) {
    const worst = nodeMarks.reduce((a, b) => (SEVERITY_RANK[b.severity] < SEVERITY_RANK[a.severity] ? b : a));
    node.classes.push("gr-mark", `gr-mark-${worst.severity}`);
    const messages = nodeMarks.map((mark) => mark.message).join("\n");
    const existing = node.attrs.get("title");
    node.attrs.set("title", existing === undefined ? messages : `${existing}\n${messages}`);
  }

  if (unplaced.length > 0) {
    const list = el(
      "ul",
      {},
      unplaced.map((mark) => el("li", { classes: [`gr-mark-${mark.severity}`], path: mark.path }, [mark.message])),
    );
    root.children.unshift(el("aside", { classes: ["gr-unplaced"] }, [UNPLACED_LABEL[language], list]));
  }
}

// ---------------------------------------------------------------------------------------------------------
// Serialisation: the only place text becomes markup.

const VOID_ELEMENTS = new Set(["hr", "br"]);

function serialize(node: ElementNode): string {
  let attrs = "";
  if (node.classes.length > 0) attrs += ` class="${escapeAttribute(node.classes.join(" "))}"`;
  for (const [name, value] of node.attrs) attrs += ` ${name}="${escapeAttribute(value)}"`;
  if (VOID_ELEMENTS.has(node.tag)) return `<${node.tag}${attrs}>`;
  const inner = node.children.map((child) => (typeof child === "string" ? escapeText(child) : serialize(child))).join("");
  return `<${node.tag}${attrs}>${inner}</${node.tag}>`;
}

function escapeText(text: string): string {
  return text.replace(/[&<>]/g, (c) => (c === "&" ? "&amp;" : c === "<" ? "&lt;" : "&gt;"));
}

function escapeAttribute(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
