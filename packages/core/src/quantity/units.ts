/**
 * The units a quantity may carry. Each unit belongs to a dimension; values are kept in the dimension's base
 * unit (元 for money, 米 for length, a plain fraction for %), so 万元 and 元, or 公里 and 米, compare directly.
 */
import { integerRational, type Rational, rational } from "./rational.js";

export type UnitKind =
  /** A measure word that counts things: 件, 份, 人次. */
  | "count"
  | "money"
  /** Dimensionless: % and ‰. */
  | "ratio"
  | "percentage-point"
  /** Physical measures and durations: 公里, 平方米, 吨, 小时. */
  | "measure"
  /** 倍: a multiple. */
  | "multiple";

export interface Unit {
  /** The unit as written, normalised (`％` becomes `%`). */
  readonly text: string;
  readonly kind: UnitKind;
  /** What the unit measures; `null` for dimensionless ratios. Equal dimensions convert into each other. */
  readonly dimension: string | null;
  /** A written number times `factor` is the value in the dimension's base unit. */
  readonly factor: Rational;
}

/** The dimension used for 个百分点 (percentage points). */
export const PERCENTAGE_POINT_DIMENSION = "个百分点";

const fraction = (n: number, d: number): Rational => rational(BigInt(n), BigInt(d)) ?? integerRational(0);

/**
 * Count units. Each is its own dimension, except the measure words for people (人, 名, 位), which all
 * count persons and so may be added to each other.
 */
const COUNT_UNITS: readonly string[] = [
  "件", "件次", "份", "份次", "人次", "次", "场", "场次", "条", "篇", "项", "个", "个次", "家", "家次", "卷", "枚",
  "种", "台", "台次", "户", "户次", "起", "宗", "部", "部门", "所", "批", "批次", "期", "辆", "辆次", "车次", "艘",
  "架", "架次", "套", "处", "座", "间", "栋", "幢", "张", "本", "册", "支", "队", "组", "例", "趟", "班", "班次",
  "门", "类", "款", "轮", "课时", "学时", "节", "堂", "床", "笔", "块", "棵", "株", "头", "只",
  "个工作日", "工作日", "天", "个月",
];

const PERSON_UNITS: readonly string[] = ["人", "名", "位"];

type MeasureRow = readonly [text: string, dimension: string, factor: Rational];

const MEASURE_UNITS: readonly MeasureRow[] = [
  ["米", "length", integerRational(1)],
  ["公里", "length", integerRational(1000)],
  ["千米", "length", integerRational(1000)],
  ["平方米", "area", integerRational(1)],
  ["平方公里", "area", integerRational(1_000_000)],
  ["公顷", "area", integerRational(10_000)],
  ["亩", "area", fraction(10_000, 15)],
  ["立方米", "volume", integerRational(1)],
  ["千克", "mass", integerRational(1)],
  ["公斤", "mass", integerRational(1)],
  ["吨", "mass", integerRational(1000)],
  ["千瓦时", "energy", integerRational(1)],
  ["千瓦", "power", integerRational(1)],
  ["兆瓦", "power", integerRational(1000)],
  ["小时", "time", integerRational(60)],
  ["分钟", "time", integerRational(1)],
];

const MONEY_UNITS: readonly (readonly [text: string, currency: string])[] = [
  ["元", "元"],
  ["美元", "美元"],
  ["港元", "港元"],
  ["港币", "港元"],
  ["欧元", "欧元"],
];

function buildTable(): Map<string, Unit> {
  const table = new Map<string, Unit>();
  const one = integerRational(1);
  for (const text of COUNT_UNITS) table.set(text, { text, kind: "count", dimension: text, factor: one });
  for (const text of PERSON_UNITS) table.set(text, { text, kind: "count", dimension: "人", factor: one });
  for (const [text, dimension, factor] of MEASURE_UNITS) table.set(text, { text, kind: "measure", dimension, factor });
  for (const [text, currency] of MONEY_UNITS) table.set(text, { text, kind: "money", dimension: currency, factor: one });
  table.set("%", { text: "%", kind: "ratio", dimension: null, factor: fraction(1, 100) });
  table.set("‰", { text: "‰", kind: "ratio", dimension: null, factor: fraction(1, 1000) });
  const point: Unit = { text: "个百分点", kind: "percentage-point", dimension: PERCENTAGE_POINT_DIMENSION, factor: one };
  table.set("个百分点", point);
  table.set("百分点", { ...point, text: "百分点" });
  table.set("倍", { text: "倍", kind: "multiple", dimension: "倍", factor: one });
  return table;
}

const UNITS = buildTable();

export const PERCENT: Unit = UNITS.get("%")!;

/** The text each dimension is shown in when a value has no better unit to show. */
const BASE_UNIT_TEXT: ReadonlyMap<string, string> = new Map<string, string>([
  ["length", "米"],
  ["area", "平方米"],
  ["volume", "立方米"],
  ["mass", "千克"],
  ["energy", "千瓦时"],
  ["power", "千瓦"],
  ["time", "分钟"],
]);

export function baseUnitText(dimension: string): string {
  return BASE_UNIT_TEXT.get(dimension) ?? dimension;
}

/** The base unit of a dimension, for showing computed values in it. */
export function baseUnit(dimension: string): Unit | undefined {
  return UNITS.get(baseUnitText(dimension));
}

/** `％` (full width) is the same sign as `%`. */
function normaliseCode(code: number): number {
  return code === 0xff05 ? 0x25 : code;
}

/** The unit texts as a tree by character, so that matching at a place costs a few lookups and builds no strings. */
interface UnitNode {
  unit: Unit | undefined;
  readonly next: Map<number, UnitNode>;
}

function buildUnitTree(): UnitNode {
  const root: UnitNode = { unit: undefined, next: new Map() };
  for (const [text, unit] of UNITS) {
    let node = root;
    for (let k = 0; k < text.length; k++) {
      const code = text.charCodeAt(k);
      let child = node.next.get(code);
      if (!child) node.next.set(code, (child = { unit: undefined, next: new Map() }));
      node = child;
    }
    node.unit = unit;
  }
  return root;
}

const UNIT_TREE = buildUnitTree();

/** The longest unit starting at `index`, or `undefined`. */
export function matchUnit(
  text: string,
  index: number,
  limit: number = text.length,
): { unit: Unit; end: number } | undefined {
  let best: { unit: Unit; end: number } | undefined;
  let node: UnitNode | undefined = UNIT_TREE;
  for (let end = index + 1; end <= limit; end++) {
    node = node.next.get(normaliseCode(text.charCodeAt(end - 1)));
    // No unit goes on from here, however many characters follow.
    if (!node) break;
    if (node.unit) best = { unit: node.unit, end };
  }
  return best;
}

/** Every unit text, for documentation and tests. */
export function knownUnitTexts(): string[] {
  return [...UNITS.keys()];
}

export function lookupUnit(text: string): Unit | undefined {
  return UNITS.get(text === "％" ? "%" : text);
}
