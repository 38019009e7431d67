/**
 * The quantity engine: Chinese quantity expressions as exact intervals, relations between figures decided by
 * interval arithmetic, drafter-facing wording of the results, and a scanner for quantities in prose.
 * Pure and total: no I/O, and no function here throws to its caller. docs/format.md ("Quantities") is the specification.
 *
 *   parseQuantity("85万余元")                 → { ok: true, quantity: { low: 850000, high: 860000, unit: 元, … } }
 *   parseRelation("a.total = a.x + a.y")      → { ok: true, relation: { comparator: "=", references: [...] } }
 *   evaluateRelation(relation, lookup)        → { status: "holds" | "fails" | "unit-mismatch" | … }
 *   describeFailure(evaluation)               → { zh: "a.x 45份 + a.y 60份 合计 105份，而 a.total 写的是 106份。", en: … }
 *   scanProse("调解成功率达100%")              → [{ text: "100%", label: "调解成功率", … }]
 */
export type { Rational } from "./rational.js";
export {
  addRational,
  compareRational,
  divideRational,
  formatRational,
  integerRational,
  multiplyRational,
  negateRational,
  parseDecimal,
  rational,
  rationalEquals,
  roundRational,
  subtractRational,
} from "./rational.js";

export type { Interval } from "./interval.js";
export {
  addIntervals,
  divideIntervals,
  intervalContains,
  intervalsIntersect,
  multiplyIntervals,
  negateInterval,
  pointInterval,
  subtractIntervals,
} from "./interval.js";

export type { Unit, UnitKind } from "./units.js";
export { knownUnitTexts, lookupUnit } from "./units.js";

export type { ParseResult, Qualifier, Quantity } from "./parse.js";
export { parseQuantity } from "./parse.js";

export type {
  ArithmeticOperator,
  BinaryExpression,
  Comparator,
  Expression,
  NegateExpression,
  NumberExpression,
  Reference,
  ReferenceExpression,
  Relation,
  RelationParseResult,
} from "./relation.js";
export { parseRelation } from "./relation.js";

export type {
  Dimension,
  FigureLookup,
  MismatchSide,
  RelationEvaluation,
  RelationStatus,
  ResolvedReference,
  UnitMismatch,
  UnresolvedReference,
  Value,
  ValueDisplay,
} from "./evaluate.js";
export { comparisonCanHold, evaluateRelation, valueOfQuantity } from "./evaluate.js";

export type { DescribeOptions } from "./describe.js";
export { describeFailure, describeValue } from "./describe.js";

export type { ProseQuantity } from "./prose.js";
export { scanProse } from "./prose.js";
