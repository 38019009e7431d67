import { defineRule } from "../engine/rule.js";

/**
 * What: a figure in `figures:` that no prose refers to with `{id}`.
 * Why: a figure that is not printed is either a leftover from last year or a number the text forgot to state; either
 * way its checks prove nothing about the printed report.
 * Fix: refer to it in the text where the number belongs, or delete it.
 */
export const figureUnused = defineRule({
  meta: {
    id: "figure-unused",
    title: { zh: "数据项未被引用", en: "Unused figure" },
    category: "figures",
    severity: "warning",
    docs: {
      what: { zh: "figures 中的数据项没有在正文中用 {编号} 引用。", en: "A figure no prose refers to with `{id}`." },
      why: { zh: "不印出来的数据项，要么是上一年遗留的，要么是正文漏写了这个数字；它参与的检查对印出的报告也没有意义。", en: "An unprinted figure is a leftover or a number the text forgot; its checks prove nothing about the printed report." },
      fix: { zh: "在正文相应位置引用它，或删除它。", en: "Refer to it in the text, or delete it." },
    },
  },
  run(context) {
    const used = new Set(context.model.references.filter((reference) => !reference.inCheck).map((reference) => reference.id));
    for (const figure of context.model.figures.values()) {
      if (used.has(figure.id)) continue;
      context.flag({
        at: { path: figure.path, key: true },
        message: { zh: `数据项“${figure.id}”（${figure.text}）没有在正文中引用`, en: `Figure "${figure.id}" (${figure.text}) is not referred to in the text` },
        tags: ["unnecessary"],
      });
    }
  },
});
