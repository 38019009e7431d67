import type { BuiltinRule } from "../engine/rule.js";

/**
 * What: a `# govreport-disable-next-line` or `# govreport-disable` comment that no longer silences any finding.
 * Why: stale suppressions hide the next real problem at that place.
 * Fix: delete the comment (the quick fix does it).
 */
export const unusedSuppression: BuiltinRule = {
  meta: {
    id: "unused-suppression",
    title: { zh: "无用的屏蔽注释", en: "Unused suppression" },
    category: "input",
    severity: "warning",
    safeFix: true,
    docs: {
      what: { zh: "屏蔽注释（govreport-disable-next-line / govreport-disable）已不再屏蔽任何问题。", en: "A suppression comment that no longer silences anything." },
      why: { zh: "过期的屏蔽注释会把这里以后出现的真问题也藏起来。", en: "A stale suppression hides the next real problem at that place." },
      fix: { zh: "删除这条注释（可用快速修复）。", en: "Delete the comment (quick fix available)." },
    },
  },
};
