/**
 * Deciding a relation between figures with interval arithmetic: every figure is the interval it denotes,
 * every operation yields an interval containing all possible results, and a relation fails only when no
 * members of the intervals can satisfy it. Units are checked on the way: 件 + 人 is an error, 万元 + 元 converts.
 */
import {
  addIntervals,
  divideIntervals,
  type Interval,
  intervalsIntersect,
  multiplyIntervals,
  negateInterval,
  subtractIntervals,
} from "./interval.js";
import type { ParseResult, Quantity } from "./parse.js";
import { compareRational, integerRational, multiplyRational, type Rational } from "./rational.js";
import type { ArithmeticOperator, Comparator, Expression, Relation } from "./relation.js";
import { baseUnitText, PERCENT, PERCENTAGE_POINT_DIMENSION, type Unit } from "./units.js";

/** Exponents of base dimensions: {件: 1} for a count, {元: 1, 人: -1} for 元/人, {} for a pure number or a %. */
export type Dimension = Readonly<Record<string, number>>;

export interface ValueDisplay {
  /** The unit to show the value in (the figure's own, % for ratios); `null`: the dimension's base units. */
  readonly unit: Unit | null;
  /** 万, 亿, …: shown the way the report writes the figure. */
  readonly scaleWord: string | null;
}

/** An interval of base-unit values with its dimension. */
export interface Value extends Interval {
  readonly dimension: Dimension;
  readonly display: ValueDisplay;
}

export type RelationStatus = "holds" | "fails" | "unit-mismatch" | "unresolved" | "division-by-zero";

export interface ResolvedReference {
  readonly id: string;
  readonly start: number;
  readonly end: number;
  /** `null` when the figure is unknown or its value cannot be read. */
  readonly quantity: Quantity | null;
}

export interface UnresolvedReference {
  readonly id: string;
  readonly start: number;
  readonly end: number;
  /** `unknown`: no such figure; `unparsable`: the figure's value is not a quantity. */
  readonly reason: "unknown" | "unparsable";
}

export interface MismatchSide {
  readonly start: number;
  readonly end: number;
  /** The side's unit as shown to drafters (`件`, `元/人`), `""` for a plain number. */
  readonly unit: string;
}

export interface UnitMismatch {
  readonly operator: ArithmeticOperator | Comparator;
  /** Offsets of the operator in the check's source. */
  readonly start: number;
  readonly end: number;
  readonly left: MismatchSide;
  readonly right: MismatchSide;
}

export interface RelationEvaluation {
  readonly status: RelationStatus;
  readonly relation: Relation;
  /** The left side's value; `null` when it could not be computed. */
  readonly left: Value | null;
  readonly right: Value | null;
  /** Every reference, in source order, with the quantity it resolved to. */
  readonly references: readonly ResolvedReference[];
  readonly unresolved: readonly UnresolvedReference[];
  /** The first unit mismatch met, when the status is `unit-mismatch`. */
  readonly mismatch: UnitMismatch | null;
  /** The divisor that is exactly zero, when the status is `division-by-zero`. */
  readonly divisionByZero: { readonly start: number; readonly end: number } | null;
}

/** What a figure lookup may answer: the quantity, a failed parse of its value, or nothing (no such figure). */
export type FigureLookup = (id: string) => Quantity | ParseResult | undefined;

const DIMENSIONLESS: Dimension = Object.freeze({});

export function dimensionOfUnit(unit: Unit | null): Dimension {
  return unit?.dimension ? { [unit.dimension]: 1 } : DIMENSIONLESS;
}

export function valueOfQuantity(quantity: Quantity): Value {
  return {
    low: quantity.low,
    high: quantity.high,
    dimension: dimensionOfUnit(quantity.unit),
    display: { unit: quantity.unit, scaleWord: quantity.scaleWord },
  };
}

function combineDimensions(a: Dimension, b: Dimension, sign: 1 | -1): Dimension {
  const result: Record<string, number> = { ...a };
  for (const [key, exponent] of Object.entries(b)) {
    const next = (result[key] ?? 0) + sign * exponent;
    if (next === 0) delete result[key];
    else result[key] = next;
  }
  return result;
}

export function dimensionsEqual(a: Dimension, b: Dimension): boolean {
  const aKeys = Object.keys(a);
  if (aKeys.length !== Object.keys(b).length) return false;
  return aKeys.every((key) => a[key] === b[key]);
}

function isDimensionless(d: Dimension): boolean {
  return Object.keys(d).length === 0;
}

function isPercentagePoints(d: Dimension): boolean {
  const keys = Object.keys(d);
  return keys.length === 1 && d[PERCENTAGE_POINT_DIMENSION] === 1;
}

/** How a dimension reads: 件, 元/人, 个百分点; `""` for a plain number. */
export function dimensionText(d: Dimension): string {
  const part = (key: string, exponent: number): string =>
    (key === PERCENTAGE_POINT_DIMENSION ? key : baseUnitText(key)) + (exponent === 1 ? "" : `^${exponent}`);
  const numerator = Object.entries(d).filter(([, e]) => e > 0).map(([k, e]) => part(k, e));
  const denominator = Object.entries(d).filter(([, e]) => e < 0).map(([k, e]) => part(k, -e));
  if (denominator.length === 0) return numerator.join("·");
  return `${numerator.length ? numerator.join("·") : "1"}/${denominator.join("·")}`;
}

/** The unit text a value is shown with. */
export function valueUnitText(value: Value): string {
  const unit = value.display.unit;
  if (unit && dimensionsEqual(dimensionOfUnit(unit), value.dimension)) return unit.text;
  return dimensionText(value.dimension);
}

const HUNDRED = integerRational(100);

/** A plain fraction as percentage points (0.05 → 5个百分点), so a difference of rates meets a stated change. */
function toPercentagePoints(value: Value, pointsDisplay: ValueDisplay): Value {
  const scale = (x: Rational | null): Rational | null => (x === null ? null : multiplyRational(x, HUNDRED));
  return { low: scale(value.low), high: scale(value.high), dimension: { [PERCENTAGE_POINT_DIMENSION]: 1 }, display: pointsDisplay };
}

/**
 * Brings two values to a common dimension for adding or comparing: equal dimensions as they are, a plain
 * fraction and percentage points by 1个百分点 = 0.01. `undefined` when the units cannot meet.
 */
export function alignValues(a: Value, b: Value): [Value, Value] | undefined {
  if (dimensionsEqual(a.dimension, b.dimension)) return [a, b];
  if (isPercentagePoints(a.dimension) && isDimensionless(b.dimension)) return [a, toPercentagePoints(b, a.display)];
  if (isDimensionless(a.dimension) && isPercentagePoints(b.dimension)) return [toPercentagePoints(a, b.display), b];
  return undefined;
}

function sameDisplayOr(preferred: Value, other: Value, dimension: Dimension): ValueDisplay {
  if (preferred.display.unit && dimensionsEqual(dimensionOfUnit(preferred.display.unit), dimension)) return preferred.display;
  if (other.display.unit && dimensionsEqual(dimensionOfUnit(other.display.unit), dimension)) return other.display;
  return { unit: null, scaleWord: preferred.display.scaleWord ?? other.display.scaleWord };
}

const PERCENT_DISPLAY: ValueDisplay = { unit: PERCENT, scaleWord: null };

function productDisplay(a: Value, b: Value, dimension: Dimension, dividing: boolean): ValueDisplay {
  if (dimensionsEqual(dimension, a.dimension) && !isDimensionless(dimension)) return a.display;
  if (!dividing && dimensionsEqual(dimension, b.dimension) && !isDimensionless(dimension)) return b.display;
  if (isDimensionless(dimension)) {
    // A quotient of like quantities is a rate, shown as a percentage; scalar × scalar stays plain unless a % is involved.
    const percent = dividing || a.display.unit?.kind === "ratio" || b.display.unit?.kind === "ratio";
    return percent ? PERCENT_DISPLAY : { unit: null, scaleWord: null };
  }
  return { unit: null, scaleWord: null };
}

interface EvaluationState {
  readonly lookup: FigureLookup;
  readonly references: ResolvedReference[];
  readonly unresolved: UnresolvedReference[];
  mismatch: UnitMismatch | null;
  divisionByZero: { start: number; end: number } | null;
}

function resolve(lookup: FigureLookup, id: string): { quantity: Quantity } | { reason: "unknown" | "unparsable" } {
  let answer: Quantity | ParseResult | undefined;
  try {
    answer = lookup(id);
  } catch {
    answer = undefined;
  }
  if (answer === undefined || answer === null) return { reason: "unknown" };
  if ("ok" in answer) return answer.ok ? { quantity: answer.quantity } : { reason: "unparsable" };
  return { quantity: answer };
}

function mismatchSide(expression: Expression, value: Value): MismatchSide {
  return { start: expression.start, end: expression.end, unit: valueUnitText(value) };
}

function evaluateExpression(expression: Expression, state: EvaluationState): Value | null {
  switch (expression.kind) {
    case "reference": {
      const found = resolve(state.lookup, expression.id);
      const { id, start, end } = expression;
      if ("quantity" in found) {
        state.references.push({ id, start, end, quantity: found.quantity });
        return valueOfQuantity(found.quantity);
      }
      state.references.push({ id, start, end, quantity: null });
      state.unresolved.push({ id, start, end, reason: found.reason });
      return null;
    }
    case "number": {
      const value = expression.unit ? multiplyRational(expression.value, expression.unit.factor) : expression.value;
      return {
        low: value,
        high: value,
        dimension: DIMENSIONLESS,
        display: expression.unit ? PERCENT_DISPLAY : { unit: null, scaleWord: null },
      };
    }
    case "negate": {
      const operand = evaluateExpression(expression.operand, state);
      return operand && { ...operand, ...negateInterval(operand) };
    }
    case "binary": {
      const left = evaluateExpression(expression.left, state);
      const right = evaluateExpression(expression.right, state);
      if (!left || !right) return null;
      const { operator } = expression;
      if (operator === "+" || operator === "-") {
        const aligned = alignValues(left, right);
        if (!aligned) {
          state.mismatch ??= {
            operator,
            start: expression.operatorStart,
            end: expression.operatorEnd,
            left: mismatchSide(expression.left, left),
            right: mismatchSide(expression.right, right),
          };
          return null;
        }
        const [a, b] = aligned;
        const interval = operator === "+" ? addIntervals(a, b) : subtractIntervals(a, b);
        return { ...interval, dimension: a.dimension, display: sameDisplayOr(a, b, a.dimension) };
      }
      if (operator === "*") {
        const dimension = combineDimensions(left.dimension, right.dimension, 1);
        return { ...multiplyIntervals(left, right), dimension, display: productDisplay(left, right, dimension, false) };
      }
      const quotient = divideIntervals(left, right);
      if (!quotient) {
        state.divisionByZero ??= { start: expression.right.start, end: expression.right.end };
        return null;
      }
      const dimension = combineDimensions(left.dimension, right.dimension, -1);
      return { ...quotient, dimension, display: productDisplay(left, right, dimension, true) };
    }
  }
}

/** Whether `left comparator right` can hold for some members of the two intervals. */
export function comparisonCanHold(comparator: Comparator, left: Interval, right: Interval): boolean {
  switch (comparator) {
    case "=":
      return intervalsIntersect(left, right);
    case "<=":
      return left.low === null || right.high === null || compareRational(left.low, right.high) <= 0;
    case "<":
      return left.low === null || right.high === null || compareRational(left.low, right.high) < 0;
    case ">=":
      return left.high === null || right.low === null || compareRational(left.high, right.low) >= 0;
    case ">":
      return left.high === null || right.low === null || compareRational(left.high, right.low) > 0;
  }
}

/**
 * Decides a relation. `=` holds when the two sides' intervals meet; `<=` fails only when the left side's
 * least value exceeds the right side's greatest; likewise for the others. Never throws, also not when
 * `lookup` does (a throwing lookup counts as an unknown figure).
 */
export function evaluateRelation(relation: Relation, lookup: FigureLookup): RelationEvaluation {
  const state: EvaluationState = { lookup, references: [], unresolved: [], mismatch: null, divisionByZero: null };
  let left = evaluateExpression(relation.left, state);
  let right = evaluateExpression(relation.right, state);
  const finish = (status: RelationStatus): RelationEvaluation => ({
    status,
    relation,
    left,
    right,
    references: state.references,
    unresolved: state.unresolved,
    mismatch: status === "unit-mismatch" ? state.mismatch : null,
    divisionByZero: status === "division-by-zero" ? state.divisionByZero : null,
  });
  if (state.unresolved.length > 0) return finish("unresolved");
  if (state.mismatch) return finish("unit-mismatch");
  if (state.divisionByZero) return finish("division-by-zero");
  if (!left || !right) return finish("unresolved");
  const aligned = alignValues(left, right);
  if (!aligned) {
    state.mismatch = {
      operator: relation.comparator,
      start: relation.comparatorStart,
      end: relation.comparatorEnd,
      left: mismatchSide(relation.left, left),
      right: mismatchSide(relation.right, right),
    };
    return finish("unit-mismatch");
  }
  [left, right] = aligned;
  return finish(comparisonCanHold(relation.comparator, left, right) ? "holds" : "fails");
}
