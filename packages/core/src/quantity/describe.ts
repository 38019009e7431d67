/**
 * Drafter-facing wording for values and verdicts: what the parts add up to, what the total says, which
 * figure has which unit. Chinese first, English alongside.
 */
import type { Message } from "../diagnostic.js";
import {
  dimensionOfUnit,
  dimensionsEqual,
  type MismatchSide,
  type RelationEvaluation,
  type Value,
  valueOfQuantity,
  valueUnitText,
} from "./evaluate.js";
import { intervalsIntersect, isPoint } from "./interval.js";
import type { Quantity } from "./parse.js";
import {
  decimalPlaces,
  divideRational,
  formatRational,
  integerRational,
  isTerminatingDecimal,
  multiplyRational,
  ONE,
  type Rational,
  rationalEquals,
  roundRational,
  ZERO,
} from "./rational.js";
import { SCALE_WORDS } from "./parse.js";
import type { Comparator, Expression } from "./relation.js";

const SCALE_FACTORS: ReadonlyMap<string, bigint> = new Map(SCALE_WORDS);

interface ShownNumber {
  readonly text: string;
  /** False when the text is rounded for reading. */
  readonly exact: boolean;
}

/**
 * Writes a number for reading: exact when it has at most six decimals, otherwise rounded to two decimals,
 * or more when two would hide the difference from a round number (99.999% must not read as 100.00%).
 */
export function showNumber(value: Rational): ShownNumber {
  if (isTerminatingDecimal(value) && decimalPlaces(value) <= 6) return { text: formatRational(value), exact: true };
  for (let places = 2; places <= 8; places++) {
    const rounded = roundRational(value, places);
    if (decimalPlaces(rounded) === places || places === 8) return { text: formatRational(rounded, places), exact: false };
  }
  return { text: formatRational(value, 8), exact: false };
}

function displayDivisor(value: Value): { divisor: Rational; scaleWord: string } {
  const unit = value.display.unit;
  const unitFactor = unit && dimensionsEqual(dimensionOfUnit(unit), value.dimension) ? unit.factor : ONE;
  const word = value.display.scaleWord;
  const scale = word ? SCALE_FACTORS.get(word) : undefined;
  if (word && scale !== undefined) {
    const scaled = multiplyRational(unitFactor, integerRational(scale));
    // Use the report's scale word only when every shown end reads cleanly in it (85万, not 0.0003万).
    const ends = [value.low, value.high].filter((x): x is Rational => x !== null);
    const clean = ends.every((end) => {
      const shown = divideRational(end, scaled) ?? ZERO;
      const magnitude = shown.numerator < 0n ? -shown.numerator : shown.numerator;
      return magnitude >= shown.denominator && isTerminatingDecimal(shown) && decimalPlaces(shown) <= 4;
    });
    if (clean) return { divisor: scaled, scaleWord: word };
  }
  return { divisor: unitFactor, scaleWord: "" };
}

/**
 * A value as drafters read it: `105份`, `85万—86万元`, `99.9%—100%`, `约99.94%`, `不少于95%`.
 */
export function describeValue(value: Value): Message {
  const unitText = valueUnitText(value);
  const { divisor, scaleWord } = displayDivisor(value);
  const show = (x: Rational): ShownNumber => showNumber(divideRational(x, divisor) ?? x);
  const repeatUnit = unitText === "%" || unitText === "‰";
  const low = value.low === null ? null : show(value.low);
  const high = value.high === null ? null : show(value.high);
  if (low && high && isPoint(value)) {
    const text = `${low.text}${scaleWord}${unitText}`;
    return low.exact ? { zh: text, en: text } : { zh: `约${text}`, en: `about ${text}` };
  }
  const approx = (n: ShownNumber | null): boolean => n !== null && !n.exact;
  const prefix = approx(low) || approx(high) ? { zh: "约", en: "about " } : { zh: "", en: "" };
  if (low && high) {
    const text = `${low.text}${scaleWord}${repeatUnit ? unitText : ""}—${high.text}${scaleWord}${unitText}`;
    return { zh: prefix.zh + text, en: prefix.en + text };
  }
  if (low) {
    const text = `${low.text}${scaleWord}${unitText}`;
    return { zh: `不少于${prefix.zh}${text}`, en: `at least ${prefix.en}${text}` };
  }
  if (high) {
    const text = `${high.text}${scaleWord}${unitText}`;
    return { zh: `不超过${prefix.zh}${text}`, en: `at most ${prefix.en}${text}` };
  }
  return { zh: "任意值", en: "any value" };
}

export interface DescribeOptions {
  /** A drafter-facing name for a figure id, such as its label (行政诉讼案件); the id is used when absent. */
  readonly name?: (id: string) => string | undefined;
}

type Evaluated = ReadonlyMap<Expression, Value>;

interface Resolved {
  readonly values: Evaluated;
  readonly quantities: ReadonlyMap<Expression, Quantity>;
}

/** Pairs each reference node with its figure again, for writing out the arithmetic. */
function resolvedNodes(result: RelationEvaluation): Resolved {
  const values = new Map<Expression, Value>();
  const quantities = new Map<Expression, Quantity>();
  const byOffset = new Map<number, Quantity>();
  for (const reference of result.references) {
    if (reference.quantity) byOffset.set(reference.start, reference.quantity);
  }
  const visit = (expression: Expression): void => {
    switch (expression.kind) {
      case "reference": {
        const quantity = byOffset.get(expression.start);
        if (quantity) {
          quantities.set(expression, quantity);
          values.set(expression, valueOfQuantity(quantity));
        }
        return;
      }
      case "number":
        return;
      case "negate":
        return visit(expression.operand);
      case "binary":
        visit(expression.left);
        visit(expression.right);
        return;
    }
  };
  visit(result.relation.left);
  visit(result.relation.right);
  return { values, quantities };
}

const PRECEDENCE = { "+": 1, "-": 1, "*": 2, "/": 2 } as const;

function precedenceOf(expression: Expression): number {
  if (expression.kind === "binary") return PRECEDENCE[expression.operator];
  if (expression.kind === "negate") return 3;
  return 4;
}

const OPERATOR_TEXT = { "+": "+", "-": "−", "*": "×", "/": "÷" } as const;

/** Writes an expression, each reference rendered by `leaf`. */
function render(expression: Expression, leaf: (id: string, expression: Expression) => string): string {
  switch (expression.kind) {
    case "reference":
      return leaf(expression.id, expression);
    case "number":
      return expression.text;
    case "negate": {
      const inner = render(expression.operand, leaf);
      return precedenceOf(expression.operand) < 3 ? `−(${inner})` : `−${inner}`;
    }
    case "binary": {
      const own = PRECEDENCE[expression.operator];
      const left = render(expression.left, leaf);
      const right = render(expression.right, leaf);
      const leftText = precedenceOf(expression.left) < own ? `(${left})` : left;
      // a − (b + c) and a ÷ (b × c) keep their parentheses on the right.
      const rightText = precedenceOf(expression.right) <= own && expression.right.kind === "binary" ? `(${right})` : right;
      return `${leftText} ${OPERATOR_TEXT[expression.operator]} ${rightText}`;
    }
  }
}

function isSumOfLeaves(expression: Expression): boolean {
  if (expression.kind === "binary") {
    return expression.operator === "+" && isSumOfLeaves(expression.left) && isSumOfLeaves(expression.right);
  }
  return expression.kind === "reference" || expression.kind === "number";
}

/** Spaces around a name when it is written in Latin letters, none when it is Chinese. */
function pad(name: string): string {
  return /^[\x20-\x7e]/u.test(name) ? ` ${name} ` : name;
}

interface Writer extends Resolved {
  readonly name: (id: string) => string;
}

/** A figure as the report writes it (85万余元); other values as computed. */
function valueText(writer: Writer, expression: Expression, language: "zh" | "en"): string {
  const quantity = writer.quantities.get(expression);
  if (quantity) return quantity.text;
  const value = writer.values.get(expression);
  return value ? describeValue(value)[language] : "?";
}

/** A stated figure: its text, and the interval it stands for when that is not a single number. */
function statedText(writer: Writer, expression: Expression, value: Value, language: "zh" | "en"): string {
  const quantity = writer.quantities.get(expression);
  const described = describeValue(value)[language];
  if (!quantity) return described;
  if (isPoint(value)) return quantity.text;
  return language === "zh" ? `${quantity.text}（即 ${described}）` : `${quantity.text} (that is, ${described})`;
}

/** `合同 45份 + 文件 60份` — each figure named with its value. */
function namedValues(writer: Writer, expression: Expression, language: "zh" | "en"): string {
  return render(expression, (id, node) => `${writer.name(id)} ${valueText(writer, node, language)}`);
}

function formula(writer: Writer, expression: Expression): string {
  return render(expression, (id) => writer.name(id));
}

const COMPARISON_WORDS: Readonly<Record<Comparator, { zh: string; en: string }>> = {
  "=": { zh: "等于", en: "equal to" },
  "<=": { zh: "不大于", en: "at most" },
  "<": { zh: "小于", en: "less than" },
  ">=": { zh: "不小于", en: "at least" },
  ">": { zh: "大于", en: "greater than" },
};

function sideValue(result: RelationEvaluation, side: "left" | "right"): Value | null {
  return side === "left" ? result.left : result.right;
}

/** Whether the expression multiplies by a plain 100, the habit of writing rates as success / total * 100. */
function multipliesByHundred(expression: Expression): boolean {
  switch (expression.kind) {
    case "binary":
      if (expression.operator === "*") {
        const isHundred = (e: Expression): boolean =>
          e.kind === "number" && e.unit === null && rationalEquals(e.value, integerRational(100));
        if (isHundred(expression.left) || isHundred(expression.right)) return true;
      }
      return multipliesByHundred(expression.left) || multipliesByHundred(expression.right);
    case "negate":
      return multipliesByHundred(expression.operand);
    default:
      return false;
  }
}

/** A note for the two classic slips: a 100% that is not all, and a rate multiplied by 100 in the formula. */
function notesFor(result: RelationEvaluation, statedSide: "left" | "right" | null): Message | null {
  const left = result.left;
  const right = result.right;
  if (!left || !right) return null;
  const dimensionless = Object.keys(left.dimension).length === 0 && Object.keys(right.dimension).length === 0;
  const timesHundred = multipliesByHundred(result.relation.left) || multipliesByHundred(result.relation.right);
  if (dimensionless && timesHundred) {
    const hundredth = (x: Rational | null): Rational | null => (x === null ? null : divideRational(x, integerRational(100))!);
    const shrunk = (v: Value): Value => ({ ...v, low: hundredth(v.low), high: hundredth(v.high) });
    if (intervalsIntersect(left, shrunk(right)) || intervalsIntersect(shrunk(left), right)) {
      return {
        zh: "百分数在检查中按小数计算（100% 即 1），公式里不必再乘以 100。",
        en: "A percentage counts as a fraction in checks (100% is 1); the formula need not multiply by 100.",
      };
    }
  }
  if (statedSide) {
    const stated = sideValue(result, statedSide)!;
    const statedExpression = statedSide === "left" ? result.relation.left : result.relation.right;
    const quantity = result.references.find((r) => r.start === statedExpression.start)?.quantity;
    const isClaim =
      quantity?.unit?.kind === "ratio" &&
      quantity.qualifier === "exact" &&
      isPoint(stated) &&
      (rationalEquals(stated.low!, ONE) || rationalEquals(stated.low!, ZERO));
    if (isClaim) {
      return rationalEquals(stated.low!, ONE)
        ? {
            zh: "写 100% 表示全部，不是四舍五入的结果；请核对数字或改写比率。",
            en: "100% claims all of them; it is not a rounding. Check the counts or restate the rate.",
          }
        : {
            zh: "写 0% 表示一个也没有，不是四舍五入的结果；请核对数字或改写比率。",
            en: "0% claims none at all; it is not a rounding. Check the counts or restate the rate.",
          };
    }
  }
  return null;
}

function joinNote(message: Message, note: Message | null): Message {
  return note ? { zh: `${message.zh}${note.zh}`, en: `${message.en} ${note.en}` } : message;
}

function describeFails(result: RelationEvaluation, writer: Writer): Message {
  const { relation } = result;
  const left = result.left!;
  const right = result.right!;
  const lv = describeValue(left);
  const rv = describeValue(right);
  const isLeaf = (e: Expression): boolean => e.kind === "reference" || e.kind === "number";
  const leafName = (e: Expression): string => (e.kind === "reference" ? writer.name(e.id) : e.kind === "number" ? e.text : "");

  if (relation.comparator === "=") {
    const leftLeaf = isLeaf(relation.left);
    const rightLeaf = isLeaf(relation.right);
    if (leftLeaf !== rightLeaf) {
      const statedSide = leftLeaf ? "left" : "right";
      const stated = leftLeaf ? relation.left : relation.right;
      const computed = leftLeaf ? relation.right : relation.left;
      const statedValue = leftLeaf ? left : right;
      const sv = { zh: statedText(writer, stated, statedValue, "zh"), en: statedText(writer, stated, statedValue, "en") };
      const cv = leftLeaf ? rv : lv;
      const name = leafName(stated);
      const partsZh = namedValues(writer, computed, "zh");
      const partsEn = namedValues(writer, computed, "en");
      // A figure "says" its value; a number written in the check is what the result should be.
      const claimZh = stated.kind === "reference" ? `而${pad(name)}写的是 ${sv.zh}` : `而应为 ${name}`;
      const claimEn = stated.kind === "reference" ? `but ${name} says ${sv.en}` : `not ${name}`;
      const message = isSumOfLeaves(computed)
        ? { zh: `${partsZh} 合计 ${cv.zh}，${claimZh}。`, en: `${partsEn} add up to ${cv.en}, ${claimEn}.` }
        : {
            zh: `按 ${formula(writer, computed)} 计算，${partsZh} = ${cv.zh}，${claimZh}。`,
            en: `By ${formula(writer, computed)}: ${partsEn} = ${cv.en}, ${claimEn}.`,
          };
      return joinNote(message, notesFor(result, statedSide));
    }
    if (leftLeaf && rightLeaf) {
      const ln = leafName(relation.left);
      const rn = leafName(relation.right);
      const lt = (language: "zh" | "en"): string => statedText(writer, relation.left, left, language);
      const rt = (language: "zh" | "en"): string => statedText(writer, relation.right, right, language);
      return joinNote(
        {
          zh: `${ln} 写的是 ${lt("zh")}，${rn} 写的是 ${rt("zh")}，两者应当相等。`,
          en: `${ln} says ${lt("en")} and ${rn} says ${rt("en")}; they should be equal.`,
        },
        notesFor(result, null),
      );
    }
    return joinNote(
      {
        zh: `左边 ${namedValues(writer, relation.left, "zh")} = ${lv.zh}，右边 ${namedValues(writer, relation.right, "zh")} = ${rv.zh}，两者不等。`,
        en: `The left side ${namedValues(writer, relation.left, "en")} = ${lv.en} and the right side ${namedValues(writer, relation.right, "en")} = ${rv.en} differ.`,
      },
      notesFor(result, null),
    );
  }

  const word = COMPARISON_WORDS[relation.comparator];
  const sideText = (e: Expression, language: "zh" | "en"): string =>
    isLeaf(e)
      ? leafName(e)
      : language === "zh"
        ? `${formula(writer, e)}（${namedValues(writer, e, language)}）`
        : `${formula(writer, e)} (${namedValues(writer, e, language)})`;
  return {
    zh: `${sideText(relation.left, "zh")} 应${word.zh} ${sideText(relation.right, "zh")}，但前者为 ${lv.zh}，后者为 ${rv.zh}。`,
    en: `${sideText(relation.left, "en")} should be ${word.en} ${sideText(relation.right, "en")}, but it is ${lv.en} against ${rv.en}.`,
  };
}

function describeMismatch(result: RelationEvaluation, writer: Writer): Message {
  const mismatch = result.mismatch!;
  const side = (part: MismatchSide, language: "zh" | "en"): string => {
    const inside = result.references.filter((r) => r.start >= part.start && r.end <= part.end && r.quantity);
    const unitName = (text: string): string =>
      language === "zh" ? (text ? `“${text}”` : "无单位") : text ? text : "no unit";
    const says = (subject: string, unit: string): string => {
      if (language === "en") return unit ? `${subject} is in ${unit}` : `${subject} has no unit`;
      return unit ? `${pad(subject).trimStart()}的单位是${unitName(unit)}` : `${pad(subject).trimStart()}没有单位`;
    };
    if (inside.length === 1 && inside[0]!.start === part.start && inside[0]!.end === part.end) {
      const only = inside[0]!;
      return says(writer.name(only.id), only.quantity!.unit?.text ?? "");
    }
    const source = result.relation.source.slice(part.start, part.end).trim();
    const listed = inside.map((r) =>
      language === "zh"
        ? `${writer.name(r.id)} 为${unitName(r.quantity!.unit?.text ?? "")}`
        : `${writer.name(r.id)} in ${unitName(r.quantity!.unit?.text ?? "")}`,
    );
    if (listed.length === 0) return says(source, part.unit);
    return language === "zh"
      ? `${says(source, part.unit)}（其中 ${listed.join("、")}）`
      : `${says(source, part.unit)} (${listed.join(", ")})`;
  };
  const verbs: Readonly<Record<string, Message>> = {
    "+": { zh: "相加", en: "be added" },
    "-": { zh: "相减", en: "be subtracted" },
  };
  const verb = verbs[mismatch.operator] ?? { zh: "比较", en: "be compared" };
  return {
    zh: `单位不一致，不能${verb.zh}：${side(mismatch.left, "zh")}，${side(mismatch.right, "zh")}。`,
    en: `Units differ, so these cannot ${verb.en}: ${side(mismatch.left, "en")}, ${side(mismatch.right, "en")}.`,
  };
}

/**
 * The message for a verdict, in drafter terms: `合同 45份 + 文件 60份 合计 105份，而 总数 写的是 106份。`
 * For a unit mismatch it names each figure's unit, for an unresolved check the figures it could not read.
 */
export function describeFailure(result: RelationEvaluation, options: DescribeOptions = {}): Message {
  const writer: Writer = { name: (id) => options.name?.(id) ?? id, ...resolvedNodes(result) };
  switch (result.status) {
    case "unresolved": {
      const seen = new Set<string>();
      const parts = result.unresolved.filter((u) => !seen.has(u.id) && seen.add(u.id));
      const zh = parts
        .map((u) => (u.reason === "unknown" ? `没有数据项 ${writer.name(u.id)}` : `数据项 ${writer.name(u.id)} 的数值无法识别`))
        .join("；");
      const en = parts
        .map((u) => (u.reason === "unknown" ? `there is no figure ${writer.name(u.id)}` : `the value of ${writer.name(u.id)} cannot be read`))
        .join("; ");
      return { zh: `无法核对：${zh || "缺少数值"}。`, en: `Cannot check: ${en || "a value is missing"}.` };
    }
    case "unit-mismatch":
      return describeMismatch(result, writer);
    case "division-by-zero": {
      const span = result.divisionByZero!;
      const divisor = result.relation.source.slice(span.start, span.end).trim();
      return { zh: `无法核对：除数 ${divisor} 为 0。`, en: `Cannot check: the divisor ${divisor} is 0.` };
    }
    case "fails":
      return describeFails(result, writer);
    case "holds": {
      const lv = result.left ? describeValue(result.left) : { zh: "?", en: "?" };
      const rv = result.right ? describeValue(result.right) : { zh: "?", en: "?" };
      return { zh: `关系成立：左边 ${lv.zh}，右边 ${rv.zh}。`, en: `The relation holds: left ${lv.en}, right ${rv.en}.` };
    }
  }
}

