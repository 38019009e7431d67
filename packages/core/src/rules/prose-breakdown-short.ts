import { declaredTogether, figureIdsOf, findBreakdowns, printedProse } from "../engine/prose-relations.js";
import { defineRule } from "../engine/rule.js";
import { compareRational } from "../quantity/index.js";
import { breakdownFinding, partsText, sumText } from "./prose-breakdown-exceeds-total.js";

/**
 * What: a total followed by a 其中 breakdown that reads as complete — every part listed with 、, no 等, 其他 or 主要 —
 * whose parts add up to less than the total: 受理案件105件，其中合同45件、文件50件.
 * Why: a list that looks complete but falls short leaves readers to guess where the rest went; often a part was
 * left out or a number mistyped. It may also be intended (the list names only some kinds), hence only information.
 * Fix: add the missing part, correct the number, or mark the list as partial (……等, 其他……).
 */
export const proseBreakdownShort = defineRule({
  meta: {
    id: "prose-breakdown-short",
    title: { zh: "“其中”各项之和小于总数", en: "A complete-looking 其中 breakdown falls short of its total" },
    category: "figures",
    severity: "info",
    docs: {
      what: {
        zh: "总数后面的“其中”分项看起来是完整的（各项以顿号并列，没有“等”“其他”“主要”），但相加小于总数，如“受理案件105件，其中合同45件、文件50件”。",
        en: "A 其中 breakdown that reads as complete (parts joined by 、, no 等/其他/主要) adds up to less than its total.",
      },
      why: {
        zh: "看似完整的分项对不上总数，读者只能猜测差额去了哪里；常见原因是漏写一项或数字写错。也可能本意就只列举部分，所以只作提示。",
        en: "Readers are left to guess where the rest went; often a part is missing or mistyped. It may be intended, hence information only.",
      },
      fix: {
        zh: "补上漏写的分项、改正数字，或写明只是部分（如“……等”“其他……”）。",
        en: "Add the missing part, correct the number, or mark the list as partial (……等, 其他……).",
      },
    },
  },
  run(context) {
    for (const prose of printedProse(context.model)) {
      for (const breakdown of findBreakdowns(prose)) {
        const high = breakdown.sum.high;
        if (!breakdown.complete || high === null || compareRational(breakdown.total.quantity.low, high) <= 0) continue;
        const ids = figureIdsOf([breakdown.total, ...breakdown.parts]);
        if (ids && declaredTogether(context.model, ids)) continue;
        context.flag(breakdownFinding(prose, breakdown, {
          zh: `“其中”列出的各项合计 ${sumText(breakdown).zh}（${partsText(breakdown)}），少于总数 ${breakdown.total.quantity.text}`,
          en: `The parts listed after 其中 add up to ${sumText(breakdown).en} (${partsText(breakdown)}), less than the total ${breakdown.total.quantity.text}`,
        }));
      }
    }
  },
});
