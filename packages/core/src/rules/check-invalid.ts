import { defineRule } from "../engine/rule.js";

/**
 * What: a declared check (`checks:`) that is not a well-formed relation, e.g. `a = b +`, `a == b`, `a => b`.
 * Why: a check that cannot be read checks nothing, and the drafter believes the figures are covered.
 * Fix: write `total = part + part`, `rate = part / total`, `part <= total` or `a >= b`, with figure ids, numbers,
 * + - * / and parentheses.
 */
export const checkInvalid = defineRule({
  meta: {
    id: "check-invalid",
    title: { zh: "检查关系写法有误", en: "Malformed check" },
    category: "figures",
    severity: "error",
    docs: {
      what: { zh: "checks 中的关系式写法有误，如“a = b +”“a == b”“a => b”。", en: "A declared check is not a well-formed relation." },
      why: { zh: "读不懂的关系式什么也检查不了，起草人却以为数据已经核对过。", en: "An unreadable check checks nothing while the drafter believes it does." },
      fix: { zh: "写成“总数 = 分项 + 分项”“比率 = 分项 / 总数”“分项 <= 总数”等形式。", en: "Write total = part + part, rate = part / total, part <= total, a >= b." },
    },
  },
  run(context) {
    for (const relation of context.model.relations) {
      const parsed = relation.parsed;
      if (parsed.ok) continue;
      // An error at the end of the input ("a = b +") is shown on the last character, not on nothing.
      const start = Math.min(parsed.start, Math.max(0, relation.source.length - 1));
      context.flag({
        at: { path: relation.path, span: [start, Math.max(parsed.end, start + 1)] },
        message: { zh: `检查关系“${relation.source}”写法有误：${parsed.message.zh}`, en: `Check "${relation.source}" is malformed: ${parsed.message.en}` },
      });
    }
  },
});
