import type { SectionData } from "@govreport/schema";
import { headingNumber } from "@govreport/render";
import { STYLE_RANK } from "./headings.js";
import type { Paragraph } from "./paragraphs.js";
import { splitPoints } from "./points.js";

/**
 * Sections from headings. Nesting follows the heading styles (part > 一、 > （一） > 1. > （1）), whatever
 * depth they end up at; a heading keeps its number in `number:` only when it is not the one the renderer
 * generates for its place, so `(一)` (half-width) or a part heading without a number stays as written.
 */

export interface Structure {
  readonly preamble: string[];
  readonly sections: SectionData[];
}

interface Open {
  readonly section: SectionData;
  readonly rank: number;
  readonly body: string[];
}

/** A term defined in a long heading (`5.ESI：基本科学指标数据库，是……`) ends at its colon when it is this short. */
const MAX_TERM_LENGTH = 30;
const LONG_HEADING = 40;

/**
 * A heading that runs into its text ends at its first stop (`1.强化领导。各单位要……`), or, in a long heading that
 * defines a term as a glossary does, at the colon after the term.
 */
function splitRunInHeading(title: string): { title: string; text: string | undefined } {
  const stop = title.search(/[。！？]/);
  const colon = title.indexOf("：");
  const end = colon > 0 && colon <= MAX_TERM_LENGTH && title.length > LONG_HEADING && (stop < 0 || colon < stop) ? colon : stop;
  if (end < 0) return { title, text: undefined };
  const rest = title.slice(end + 1).trim();
  return rest === "" ? { title, text: undefined } : { title: title.slice(0, end + 1), text: rest };
}

function finish(open: Open): void {
  const { text, points, layout } = splitPoints(open.body);
  const section = open.section;
  if (layout !== undefined) section.layout = layout;
  if (text.length > 0) section.text = text.join("\n");
  if (points.length > 0) section.points = points;
  if (section.sections !== undefined && section.sections.length === 0) delete section.sections;
}

export function buildStructure(paragraphs: readonly Paragraph[]): Structure {
  const preamble: string[] = [];
  const sections: SectionData[] = [];
  const stack: Open[] = [];
  for (const paragraph of paragraphs) {
    const heading = paragraph.heading;
    if (heading === undefined) {
      const top = stack.at(-1);
      if (top) top.body.push(paragraph.text);
      else preamble.push(paragraph.text);
      continue;
    }
    const rank = STYLE_RANK[heading.style];
    while (stack.length > 0 && stack[stack.length - 1]!.rank >= rank) finish(stack.pop()!);
    const parent = stack.at(-1);
    const siblings = parent ? (parent.section.sections ??= []) : sections;
    const depth = stack.length + 1;
    const split = heading.style === "part" ? { title: heading.title, text: undefined } : splitRunInHeading(heading.title);
    const section: SectionData = { title: split.title };
    if (heading.number !== headingNumber(depth, siblings.length)) section.number = heading.number;
    siblings.push(section);
    stack.push({ section, rank, body: split.text === undefined ? [] : [split.text] });
  }
  while (stack.length > 0) finish(stack.pop()!);
  return { preamble, sections };
}
