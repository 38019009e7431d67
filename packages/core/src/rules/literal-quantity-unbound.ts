import { addFigureEdit, freshFigureId } from "../engine/yaml-edits.js";
import { figuresNamedBy, type PrintedProse, type PrintedQuantity, printedProse } from "../engine/prose-relations.js";
import { defineRule, type FixSpec, type RuleContext } from "../engine/rule.js";
import { isLiteralInSource } from "../engine/text-fields.js";

/**
 * What: a quantity written literally in the prose of a report that otherwise keeps its numbers as figures, with no
 * figure bearing its label: 办理公证337件 written out where the rest of the report writes {notary.cases}.
 * Why: only figures are checked against each other (checks:, rates, breakdowns) and kept in one place; a number
 * typed into the prose escapes all of that and is easily left stale when the figures are updated.
 * Headings are left alone: their numbers name things (三项制度) far more often than they count them.
 * Fix: extract it to a figure (an offered fix replaces the number with `{id}` and adds the figure, labelled with the
 * words before the number; rename the id to something meaningful), or leave it when it is not worth tracking.
 */
export const literalQuantityUnbound = defineRule({
  meta: {
    id: "literal-quantity-unbound",
    title: { zh: "正文数字未登记为数据项", en: "A number in prose is not a figure" },
    category: "figures",
    severity: "hint",
    docs: {
      what: {
        zh: "报告其余数字都用数据项（figures）管理，但这里的数量直接写在正文中，也没有同名的数据项，如其他地方写 {notary.cases}，这里却写“办理公证337件”。日期、文号、“十四五”、序数、电话、条款号不算数量；标题中的数字多为名称，不提示。",
        en: "A literal quantity in the prose of a report that otherwise uses figures, not bound to any figure by its label. Dates, document numbers, ordinals and the like are not quantities; headings are left alone.",
      },
      why: {
        zh: "只有数据项才会相互核对（检查关系、比率、“其中”分项）并集中维护；直接写在正文里的数字不受这些检查，更新数据时也容易漏改。",
        en: "Only figures are checked against each other and kept in one place; a typed-in number escapes the checks and goes stale easily.",
      },
      fix: {
        zh: "提取为数据项（快速修复会把数字替换为 {编号} 并在 figures 中新增一项，以数字前的文字为 label；请再改成有意义的编号），不值得跟踪的数字可以保留。",
        en: "Extract it to a figure (the quick fix replaces it with {id} and adds the figure; rename the id), or leave it.",
      },
    },
  },
  run(context) {
    const { model } = context;
    if (!model.references.some((reference) => !reference.inCheck)) return;
    const reserved = new Set(model.figures.keys());
    for (const prose of printedProse(model)) {
      // Numbers in headings name things (三项制度, “三名工程”) far more often than they count them.
      if (prose.field.kind === "title" || prose.field.kind === "section-title") continue;
      for (const quantity of prose.quantities) {
        if (!quantity.literal || figuresNamedBy(quantity, model).length > 0) continue;
        const label = quantity.scanned.label;
        const id = freshFigureId(model, prose.field.path, quantity.source[0], reserved);
        const fix = extractFix(context, prose, quantity, id);
        context.flag({
          at: { path: prose.field.path, span: quantity.source },
          message: {
            zh: `“${label}${quantity.quantity.text}”中的数字直接写在正文里，没有登记为数据项`,
            en: `The number in "${label}${quantity.quantity.text}" is written into the prose, not kept as a figure`,
          },
          fixes: fix ? [fix] : [],
        });
      }
    }
  },
});

function extractFix(context: RuleContext, prose: PrintedProse, quantity: PrintedQuantity, id: string): FixSpec | undefined {
  const path = prose.field.path;
  const [start, end] = quantity.source;
  if (!isLiteralInSource(context, path, start, end)) return undefined;
  const label = quantity.scanned.label.trim();
  const insert = addFigureEdit(context.source, id, quantity.quantity.text, label || undefined);
  if (!insert) return undefined;
  return {
    title: { zh: `提取为数据项 ${id}`, en: `Extract to figure ${id}` },
    edits: [context.replaceInString(path, start, end, `{${id}}`), insert],
    safe: false,
  };
}
