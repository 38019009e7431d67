import type { DataPath } from "../diagnostic.js";
import { Derivation, type FigureInfo, type FigureReference, type ProseField, type ReportModel } from "../engine/model.js";
import { defineRule } from "../engine/rule.js";
import { compareRational, integerRational } from "../quantity/index.js";

/**
 * What: a rate (a figure labelled …率, an id ending in `rate`, or a figure the text introduces with …率达/率为) whose
 * value lies outside 0–100%, e.g. 调解成功率达101%.
 * Why: a share of a whole cannot exceed the whole; such a value is a typo or a wrong computation, and it is
 * conspicuous in print. Growth figures (增长120%) are not rates and are not checked.
 * Fix: recompute the rate from its counts.
 */
const RATE_BEFORE = /率(?:达到|达|为|是)?\s*$|占比(?:达到|达|为)?\s*$/;
const ONE_HUNDRED_PERCENT = integerRational(1);
const ZERO = integerRational(0);

export const rateOutOfRange = defineRule({
  meta: {
    id: "rate-out-of-range",
    title: { zh: "比率超出 0–100%", en: "Rate outside 0–100%" },
    category: "figures",
    severity: "error",
    docs: {
      what: { zh: "比率（名称含“率”、编号以 rate 结尾，或正文写作“……率达”的数据项）超出 0–100%，如“调解成功率达101%”。", en: "A rate outside 0–100%, e.g. 调解成功率达101%." },
      why: { zh: "部分不可能超过整体；这样的数字不是笔误就是算错了，印出来非常显眼。增长率（增长120%）不是占比，不在此列。", en: "A share cannot exceed the whole; growth figures are not rates and are not checked." },
      fix: { zh: "根据计数重新计算比率。", en: "Recompute the rate from its counts." },
    },
  },
  run(context) {
    for (const figure of context.model.figures.values()) {
      if (!figure.quantity.ok || figure.quantity.quantity.unit?.text !== "%") continue;
      if (!isRate(figure, context.model)) continue;
      const { low, high } = figure.quantity.quantity;
      const above = compareRational(low, ONE_HUNDRED_PERCENT) > 0;
      const below = high !== null && compareRational(high, ZERO) < 0;
      if (!above && !below) continue;
      context.flag({
        at: { path: figure.valuePath },
        message: {
          zh: `比率“${figure.id}”为 ${figure.text}，超出 0–100% 的范围`,
          en: `Rate "${figure.id}" is ${figure.text}, outside 0–100%`,
        },
      });
    }
  },
});

function isRate(figure: FigureInfo, model: ReportModel): boolean {
  if (figure.label?.includes("率") || /(^|[._])rate$|_rate$/.test(figure.id)) return true;
  const { uses, fieldAt } = REFERENCES.of(model);
  return (uses.get(figure.id) ?? []).some((reference) => {
    const field = fieldAt.get(reference.path);
    return field ? RATE_BEFORE.test(field.text.slice(Math.max(0, reference.start - 8), reference.start)) : false;
  });
}

interface ReferenceIndex {
  /** The references in prose to each figure, in order. */
  readonly uses: ReadonlyMap<string, readonly FigureReference[]>;
  /** The prose field a reference's path names (the model shares the path between them). */
  readonly fieldAt: ReadonlyMap<DataPath, ProseField>;
}

/** Built once per model, so that looking up a figure's references does not scan them all for every figure. */
const REFERENCES = new Derivation((model): ReferenceIndex => {
  const uses = new Map<string, FigureReference[]>();
  for (const reference of model.references) {
    if (reference.inCheck) continue;
    const list = uses.get(reference.id);
    if (list) list.push(reference);
    else uses.set(reference.id, [reference]);
  }
  const fieldAt = new Map<DataPath, ProseField>();
  // The first field with the path, as a search from the start would find.
  for (const field of model.prose) if (!fieldAt.has(field.path)) fieldAt.set(field.path, field);
  return { uses, fieldAt };
});
