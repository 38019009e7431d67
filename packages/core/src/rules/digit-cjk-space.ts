import { defineRule } from "../engine/rule.js";
import { isLiteralInSource, printedTextFields } from "../engine/text-fields.js";

/**
 * What: a space between a number and the Chinese text next to it, as in `16 件` or `2021 年`.
 * Why: Chinese official documents set numbers without spaces (GB/T 15834 and GB/T 15835 practice); the spaces are
 * usually left over from copying out of a PDF or a web page and look careless in print.
 * Fix: delete the space (a safe quick fix).
 */
const PATTERN = /(?<=[0-9%])[ \u3000\u00a0]+(?=[\u3400-\u9fff（“《])|(?<=[\u3400-\u9fff）”》])[ \u3000\u00a0]+(?=[0-9])/g;
/** Spaces next to a `{figure}` reference print next to the figure's value, e.g. 达 {rate} → 达 100%. */
const AROUND_REFERENCE = /(?<=[\u3400-\u9fff）”》])[ \u3000\u00a0]+(?=\{([^{}\s]+)\})|(?<=\{([^{}\s]+)\})[ \u3000\u00a0]+(?=[\u3400-\u9fff（“《])/g;

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
      const matches = [...field.text.matchAll(PATTERN)];
      for (const match of field.text.matchAll(AROUND_REFERENCE)) {
        const before = match[1] !== undefined;
        const value = figures.get(match[1] ?? match[2] ?? "")?.text ?? "";
        if (before ? /^[0-9]/.test(value) : /[0-9%]$/.test(value)) matches.push(match);
      }
      matches.sort((a, b) => (a.index ?? 0) - (b.index ?? 0));
      for (const match of matches) {
        const start = match.index ?? 0;
        const end = start + match[0].length;
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
