/**
 * The relations of a report's `checks:`: `review.total = review.contracts + review.documents`,
 * `mediation.rate = mediation.success / mediation.total`, `staff.certified <= staff.current`.
 * Parsing never throws; every reference keeps its UTF-16 offsets so a finding can point at it.
 */
import { FIGURE_ID_PATTERN } from "@govreport/schema/lite";
import type { Message } from "../diagnostic.js";
import { parseDecimal, type Rational } from "./rational.js";
import { lookupUnit, type Unit } from "./units.js";

export type Comparator = "=" | "<=" | ">=" | "<" | ">";
export type ArithmeticOperator = "+" | "-" | "*" | "/";

interface Span {
  readonly start: number;
  readonly end: number;
}

export interface ReferenceExpression extends Span {
  readonly kind: "reference";
  readonly id: string;
}

export interface NumberExpression extends Span {
  readonly kind: "number";
  /** The written number (100 for `100%`); multiply by `unit.factor` for its value. */
  readonly value: Rational;
  /** `%` or `‰` when written, else `null` (a plain number). */
  readonly unit: Unit | null;
  readonly text: string;
}

export interface BinaryExpression extends Span {
  readonly kind: "binary";
  readonly operator: ArithmeticOperator;
  readonly left: Expression;
  readonly right: Expression;
  readonly operatorStart: number;
  readonly operatorEnd: number;
}

export interface NegateExpression extends Span {
  readonly kind: "negate";
  readonly operand: Expression;
}

export type Expression = ReferenceExpression | NumberExpression | BinaryExpression | NegateExpression;

export interface Reference extends Span {
  readonly id: string;
}

export interface Relation {
  readonly source: string;
  readonly comparator: Comparator;
  readonly comparatorStart: number;
  readonly comparatorEnd: number;
  readonly left: Expression;
  readonly right: Expression;
  /** Every figure reference, in source order. */
  readonly references: readonly Reference[];
}

export type RelationParseResult =
  | { readonly ok: true; readonly relation: Relation }
  | { readonly ok: false; readonly message: Message; readonly start: number; readonly end: number };

type Token =
  | (Span & { readonly kind: "id"; readonly text: string })
  | (Span & { readonly kind: "number"; readonly value: Rational; readonly unit: Unit | null; readonly text: string })
  | (Span & { readonly kind: "operator"; readonly operator: ArithmeticOperator })
  | (Span & { readonly kind: "comparator"; readonly comparator: Comparator })
  | (Span & { readonly kind: "open" | "close" | "end" });

/** Raised inside the parser only; `parseRelation` turns it into a result. */
class RelationSyntaxError {
  constructor(
    readonly message: Message,
    readonly start: number,
    readonly end: number,
  ) {}
}

const WIDE_SYMBOLS: ReadonlyMap<string, string> = new Map([
  ["＋", "+"], ["－", "-"], ["−", "-"], ["×", "*"], ["＊", "*"], ["÷", "/"], ["／", "/"],
  ["（", "("], ["）", ")"], ["＝", "="], ["＜", "<"], ["＞", ">"],
  ["≤", "<="], ["≦", "<="], ["≥", ">="], ["≧", ">="],
]);

const MAX_DEPTH = 100;

function isIdChar(code: number): boolean {
  return (
    (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57) || code === 95 || code === 46
  );
}

function isAsciiDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < source.length) {
    const char = source[i]!;
    const code = source.charCodeAt(i);
    if (/\s/u.test(char)) {
      i++;
      continue;
    }
    const symbol = WIDE_SYMBOLS.get(char) ?? char;
    if (symbol === "(" || symbol === ")") {
      tokens.push({ kind: symbol === "(" ? "open" : "close", start: i, end: i + 1 });
      i++;
      continue;
    }
    if (symbol === "+" || symbol === "-" || symbol === "*" || symbol === "/") {
      tokens.push({ kind: "operator", operator: symbol, start: i, end: i + 1 });
      i++;
      continue;
    }
    if (symbol === "<=" || symbol === ">=") {
      tokens.push({ kind: "comparator", comparator: symbol, start: i, end: i + 1 });
      i++;
      continue;
    }
    if (symbol === "=" || symbol === "<" || symbol === ">") {
      const next = source[i + 1];
      const nextSymbol = next === undefined ? undefined : (WIDE_SYMBOLS.get(next) ?? next);
      if (nextSymbol === "=") {
        const comparator: Comparator = symbol === "=" ? "=" : symbol === "<" ? "<=" : ">=";
        tokens.push({ kind: "comparator", comparator, start: i, end: i + 2 });
        i += 2;
      } else {
        tokens.push({ kind: "comparator", comparator: symbol, start: i, end: i + 1 });
        i++;
      }
      continue;
    }
    if (isAsciiDigit(code)) {
      let j = i;
      while (j < source.length && isAsciiDigit(source.charCodeAt(j))) j++;
      if (source[j] === "." && isAsciiDigit(source.charCodeAt(j + 1))) {
        j++;
        while (j < source.length && isAsciiDigit(source.charCodeAt(j))) j++;
      }
      const digits = source.slice(i, j);
      let unit: Unit | null = null;
      const unitChar = source[j];
      if (unitChar === "%" || unitChar === "％" || unitChar === "‰") {
        unit = lookupUnit(unitChar) ?? null;
        j++;
      }
      const after = j < source.length ? source.charCodeAt(j) : Number.NaN;
      if (isIdChar(after) || /\p{Script=Han}/u.test(source[j] ?? "")) {
        let k = j;
        while (k < source.length && (isIdChar(source.charCodeAt(k)) || /\p{Script=Han}/u.test(source[k]!))) k++;
        throw new RelationSyntaxError(
          {
            zh: `数字“${digits}”后面不能直接跟“${source.slice(j, k)}”；检查中的数字只能带 % 或 ‰`,
            en: `The number “${digits}” cannot be followed by “${source.slice(j, k)}”; numbers in a check take only % or ‰`,
          },
          i,
          k,
        );
      }
      tokens.push({ kind: "number", value: parseDecimal(digits)!, unit, text: source.slice(i, j), start: i, end: j });
      i = j;
      continue;
    }
    if (isIdChar(code)) {
      let j = i;
      while (j < source.length && isIdChar(source.charCodeAt(j))) j++;
      const text = source.slice(i, j);
      if (!FIGURE_ID_PATTERN.test(text)) {
        throw new RelationSyntaxError(
          {
            zh: `数据项编号“${text}”不合规：只能由小写字母、数字、下划线和点组成，以小写字母开头，如 litigation.cases`,
            en: `“${text}” is not a valid figure id: use lower-case letters, digits, _ and dots, starting with a letter, as in litigation.cases`,
          },
          i,
          j,
        );
      }
      tokens.push({ kind: "id", text, start: i, end: j });
      i = j;
      continue;
    }
    const width = code >= 0xd800 && code <= 0xdbff ? 2 : 1;
    const shown = source.slice(i, i + width);
    throw new RelationSyntaxError(
      {
        zh: `检查中不能出现“${shown}”；可用 + - * / 、括号和 = <= >= < >`,
        en: `“${shown}” cannot appear in a check; use + - * /, parentheses and = <= >= < >`,
      },
      i,
      i + width,
    );
  }
  tokens.push({ kind: "end", start: source.length, end: source.length });
  return tokens;
}

function describeToken(source: string, token: Token): string {
  return token.kind === "end" ? "" : source.slice(token.start, token.end);
}

class Parser {
  private position = 0;
  private depth = 0;
  readonly references: Reference[] = [];

  constructor(
    private readonly source: string,
    private readonly tokens: readonly Token[],
  ) {}

  private peek(): Token {
    return this.tokens[this.position] ?? this.tokens[this.tokens.length - 1]!;
  }

  private next(): Token {
    const token = this.peek();
    if (this.position < this.tokens.length - 1) this.position++;
    return token;
  }

  parseRelation(): Relation {
    const first = this.peek();
    if (first.kind === "end") {
      throw new RelationSyntaxError({ zh: "检查为空", en: "The check is empty" }, 0, this.source.length);
    }
    if (first.kind === "comparator") {
      throw new RelationSyntaxError(
        { zh: "比较符号左边缺少内容", en: "Nothing on the left of the comparison" },
        first.start,
        first.end,
      );
    }
    const left = this.parseSum();
    const comparatorToken = this.next();
    if (comparatorToken.kind !== "comparator") {
      if (comparatorToken.kind === "end") {
        throw new RelationSyntaxError(
          {
            zh: "缺少比较符号：检查应写成 a = b + c 或 a <= b 这样的关系",
            en: "No comparison: a check is a relation such as a = b + c or a <= b",
          },
          0,
          this.source.length,
        );
      }
      throw this.unexpected(comparatorToken);
    }
    if (this.peek().kind === "end") {
      throw new RelationSyntaxError(
        { zh: "比较符号右边缺少内容", en: "Nothing on the right of the comparison" },
        comparatorToken.start,
        comparatorToken.end,
      );
    }
    const right = this.parseSum();
    const trailing = this.next();
    if (trailing.kind === "comparator") {
      throw new RelationSyntaxError(
        {
          zh: "一条检查只能有一个比较符号；请拆成两条检查",
          en: "A check can have only one comparison; split it into two checks",
        },
        trailing.start,
        trailing.end,
      );
    }
    if (trailing.kind !== "end") throw this.unexpected(trailing);
    return {
      source: this.source,
      comparator: comparatorToken.comparator,
      comparatorStart: comparatorToken.start,
      comparatorEnd: comparatorToken.end,
      left,
      right,
      references: this.references,
    };
  }

  private unexpected(token: Token): RelationSyntaxError {
    if (token.kind === "close") {
      return new RelationSyntaxError({ zh: "多余的右括号", en: "Unmatched closing parenthesis" }, token.start, token.end);
    }
    if (token.kind === "end") {
      return new RelationSyntaxError(
        { zh: "检查意外结束，后面缺少内容", en: "The check ends too early" },
        token.start,
        token.end,
      );
    }
    const shown = describeToken(this.source, token);
    if (token.kind === "id" || token.kind === "number" || token.kind === "open") {
      return new RelationSyntaxError(
        { zh: `“${shown}”前面缺少运算符号`, en: `An operator is missing before “${shown}”` },
        token.start,
        token.end,
      );
    }
    return new RelationSyntaxError(
      { zh: `这里不应出现“${shown}”`, en: `“${shown}” is not expected here` },
      token.start,
      token.end,
    );
  }

  private parseSum(): Expression {
    let left = this.parseProduct();
    for (;;) {
      const token = this.peek();
      if (token.kind !== "operator" || (token.operator !== "+" && token.operator !== "-")) return left;
      this.next();
      const right = this.parseProduct();
      left = binary(token.operator, left, right, token);
    }
  }

  private parseProduct(): Expression {
    let left = this.parseUnary();
    for (;;) {
      const token = this.peek();
      if (token.kind !== "operator" || (token.operator !== "*" && token.operator !== "/")) return left;
      this.next();
      const right = this.parseUnary();
      left = binary(token.operator, left, right, token);
    }
  }

  private parseUnary(): Expression {
    const token = this.peek();
    if (token.kind === "operator" && token.operator === "-") {
      this.next();
      const operand = this.nested(() => this.parseUnary(), token);
      return { kind: "negate", operand, start: token.start, end: operand.end };
    }
    return this.parsePrimary();
  }

  private nested<T>(parse: () => T, at: Token): T {
    if (++this.depth > MAX_DEPTH) {
      throw new RelationSyntaxError({ zh: "嵌套过深", en: "Nested too deeply" }, at.start, at.end);
    }
    try {
      return parse();
    } finally {
      this.depth--;
    }
  }

  private parsePrimary(): Expression {
    const token = this.next();
    switch (token.kind) {
      case "id": {
        this.references.push({ id: token.text, start: token.start, end: token.end });
        return { kind: "reference", id: token.text, start: token.start, end: token.end };
      }
      case "number":
        return { kind: "number", value: token.value, unit: token.unit, text: token.text, start: token.start, end: token.end };
      case "open": {
        const inner = this.nested(() => this.parseSum(), token);
        const close = this.next();
        if (close.kind !== "close") {
          if (close.kind === "end" || close.kind === "comparator") {
            throw new RelationSyntaxError({ zh: "缺少右括号", en: "Missing closing parenthesis" }, token.start, token.end);
          }
          throw this.unexpected(close);
        }
        // A group's parentheses belong to its span, so a finding about it underlines the whole group; a lone
        // figure or number keeps its own span, which is where its reference points.
        if (inner.kind === "reference" || inner.kind === "number") return inner;
        return { ...inner, start: token.start, end: close.end };
      }
      default: {
        if (token.kind === "end" || token.kind === "comparator") {
          throw new RelationSyntaxError(
            {
              zh: "这里缺少数据项编号、数字或括号",
              en: "A figure id, a number or a parenthesis is missing here",
            },
            token.start,
            Math.max(token.end, token.start),
          );
        }
        const shown = describeToken(this.source, token);
        throw new RelationSyntaxError(
          {
            zh: `这里应是数据项编号、数字或左括号，却是“${shown}”`,
            en: `Expected a figure id, a number or “(”, found “${shown}”`,
          },
          token.start,
          token.end,
        );
      }
    }
  }
}

function binary(operator: ArithmeticOperator, left: Expression, right: Expression, token: Span): BinaryExpression {
  return {
    kind: "binary",
    operator,
    left,
    right,
    start: left.start,
    end: right.end,
    operatorStart: token.start,
    operatorEnd: token.end,
  };
}

/**
 * Parses one check. Comparisons: `=` (also `==`), `<=`, `>=`, `<`, `>` (and ≤ ≥); arithmetic: `+ - * /`,
 * parentheses, unary minus; literals: decimals, optionally with `%` or `‰`. Full-width symbols typed with a
 * Chinese input method (＝ ＋ （ ）) are read as their ASCII forms. Never throws.
 */
export function parseRelation(source: string): RelationParseResult {
  try {
    const tokens = tokenize(source);
    const relation = new Parser(source, tokens).parseRelation();
    return { ok: true, relation };
  } catch (error) {
    if (error instanceof RelationSyntaxError) {
      return { ok: false, message: error.message, start: error.start, end: error.end };
    }
    // Only a stack overflow on absurd input can land here; report it at the whole source.
    return {
      ok: false,
      message: { zh: "检查过于复杂，无法解析", en: "The check is too complex to parse" },
      start: 0,
      end: source.length,
    };
  }
}
