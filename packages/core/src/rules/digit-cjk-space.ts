import { REFERENCE_PATTERN, type FigureInfo } from "../engine/model.js";
import { defineRule } from "../engine/rule.js";
import { isAsciiDigit } from "../quantity/numerals.js";
import { isLiteralInSource, printedTextFields } from "../engine/text-fields.js";

/**
 * What: a space between a number and the Chinese text next to it, as in `16 件` or `2021 年`.
 * Why: Chinese official documents set numbers without spaces (GB/T 15834 and GB/T 15835 practice); the spaces are
 * usually left over from copying out of a PDF or a web page and look careless in print.
 * Fix: delete the space (a safe quick fix).
 */
export const digitCjkSpace = defineRule({
  meta: {
    id: "digit-cjk-space",
    title: { zh: "数字与汉字之间有空格", en: "Space between a number and Chinese text" },
    category: "form",
    severity: "warning",
    safeFix: true,
    docs: {
      what: { zh: "数字和相邻汉字之间有空格，如“16 件”“2021 年”。", en: "A space between a number and adjacent Chinese text, e.g. `16 件`." },
      why: { zh: "公文中数字与汉字之间不空格；这类空格多是从 PDF 或网页复制时带来的，印出来显得不严谨。", en: "Official documents set numbers without spaces; such spaces usually come from copying out of a PDF." },
      fix: { zh: "删除空格（可安全地自动修复）。", en: "Delete the space (safe quick fix)." },
    },
  },
  run(context) {
    const figures = context.model.figures;
    for (const field of printedTextFields(context)) {
      for (const [start, end] of spacesToReport(field.text, figures)) {
        const around = field.text.slice(Math.max(0, start - 4), Math.min(field.text.length, end + 4)).trim();
        const safe = isLiteralInSource(context, field.path, start, end);
        context.flag({
          at: { path: field.path, span: [start, end] },
          message: { zh: `数字与汉字之间不应有空格：“${around}”`, en: `No space between a number and Chinese text: "${around}"` },
          fixes: safe ? [{ title: { zh: "删除空格", en: "Delete the space" }, edits: [context.replaceInString(field.path, start, end, "")], safe: true }] : [],
        });
      }
    }
  },
});

/** The spaces the rule is about; a run of them is one finding. */
const SPACE = /[ \u3000\u00a0]/g;

function isSpace(code: number): boolean {
  return code === 0x20 || code === 0x3000 || code === 0xa0;
}

function isHan(code: number): boolean {
  return code >= 0x3400 && code <= 0x9fff;
}

/** Chinese text, or a closing bracket, quote or title mark, before a space. */
function endsChinese(code: number): boolean {
  return isHan(code) || code === 0xff09 /* ） */ || code === 0x201d /* ” */ || code === 0x300b /* 》 */;
}

/** Chinese text, or an opening bracket, quote or title mark, after a space. */
function startsChinese(code: number): boolean {
  return isHan(code) || code === 0xff08 /* （ */ || code === 0x201c /* “ */ || code === 0x300a /* 《 */;
}

/** The model's reference pattern, tried at one place. */
const REFERENCE_AT = new RegExp(REFERENCE_PATTERN.source, "y");

/** The `{id}` that starts at `open`: its id and where it ends, or undefined. */
function referenceAt(text: string, open: number): { readonly id: string; readonly end: number } | undefined {
  REFERENCE_AT.lastIndex = open;
  const match = REFERENCE_AT.exec(text);
  return match ? { id: match[1] as string, end: open + match[0].length } : undefined;
}

/** The id of a `{id}` that starts at `open`, or undefined. */
function referenceAfter(text: string, open: number): string | undefined {
  return text.charCodeAt(open) === 0x7b ? referenceAt(text, open)?.id : undefined;
}

/** The id of a `{id}` that ends just before `end`, or undefined. */
function referenceBefore(text: string, end: number): string | undefined {
  if (end < 1 || text.charCodeAt(end - 1) !== 0x7d) return undefined;
  const open = text.lastIndexOf("{", end - 1);
  const reference = open < 0 ? undefined : referenceAt(text, open);
  return reference?.end === end ? reference.id : undefined;
}

/**
 * The runs of spaces to report in one field, in text order: between a digit (or %) and Chinese text, either way
 * round, or between Chinese text and a `{figure}` whose value starts (or ends) with a digit — 达 {rate} prints as
 * 达 100%. One pass over the text, looking only at the characters on either side of each run of spaces.
 */
function spacesToReport(text: string, figures: ReadonlyMap<string, FigureInfo>): Array<readonly [number, number]> {
  const spans: Array<readonly [number, number]> = [];
  // The pattern finds the next space faster than a loop over the characters would; the run is followed by hand.
  SPACE.lastIndex = 0;
  while (SPACE.test(text)) {
    const start = SPACE.lastIndex - 1;
    let end = start + 1;
    while (end < text.length && isSpace(text.charCodeAt(end))) end++;
    SPACE.lastIndex = end;
    if (start === 0 || end === text.length) continue;
    const before = text.charCodeAt(start - 1);
    const after = text.charCodeAt(end);
    let report = false;
    if (isAsciiDigit(before) || before === 0x25 /* % */) report = startsChinese(after);
    else if (endsChinese(before)) {
      if (isAsciiDigit(after)) report = true;
      else {
        const id = referenceAfter(text, end);
        report = id !== undefined && /^[0-9]/.test(figures.get(id)?.text ?? "");
      }
    } else if (startsChinese(after)) {
      const id = referenceBefore(text, start);
      report = id !== undefined && /[0-9%]$/.test(figures.get(id)?.text ?? "");
    }
    if (report) spans.push([start, end]);
  }
  return spans;
}
