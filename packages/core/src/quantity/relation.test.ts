import { describe, expect, it } from "vitest";
import { describeFailure, describeValue } from "./describe.js";
import { evaluateRelation, type FigureLookup, type RelationEvaluation } from "./evaluate.js";
import { parseQuantity } from "./parse.js";
import { type Expression, parseRelation, type Relation } from "./relation.js";

function relation(source: string): Relation {
  const result = parseRelation(source);
  if (!result.ok) throw new Error(`${source}: ${result.message.en}`);
  return result.relation;
}

function syntaxError(source: string) {
  const result = parseRelation(source);
  if (result.ok) throw new Error(`expected ${source} to fail`);
  return result;
}

/** A compact picture of an expression tree, with parentheses around every operation. */
function shape(expression: Expression): string {
  switch (expression.kind) {
    case "reference":
      return expression.id;
    case "number":
      return expression.text;
    case "negate":
      return `(-${shape(expression.operand)})`;
    case "binary":
      return `(${shape(expression.left)} ${expression.operator} ${shape(expression.right)})`;
  }
}

function lookupFrom(figures: Record<string, string>): FigureLookup {
  return (id) => (Object.hasOwn(figures, id) ? parseQuantity(figures[id]!) : undefined);
}

function check(source: string, figures: Record<string, string>): RelationEvaluation {
  return evaluateRelation(relation(source), lookupFrom(figures));
}

describe("parseRelation", () => {
  it("parses a sum with every reference and its offsets", () => {
    const source = "review.total = review.contracts + review.documents";
    const parsed = relation(source);
    expect(parsed.comparator).toBe("=");
    expect(shape(parsed.left)).toBe("review.total");
    expect(shape(parsed.right)).toBe("(review.contracts + review.documents)");
    expect(parsed.references.map((r) => [r.id, r.start, r.end])).toEqual([
      ["review.total", 0, 12],
      ["review.contracts", source.indexOf("review.contracts"), source.indexOf("review.contracts") + 16],
      ["review.documents", source.indexOf("review.documents"), source.length],
    ]);
    for (const reference of parsed.references) expect(source.slice(reference.start, reference.end)).toBe(reference.id);
    expect(source.slice(parsed.comparatorStart, parsed.comparatorEnd)).toBe("=");
  });

  it("respects precedence, parentheses, unary minus and literals", () => {
    expect(shape(relation("x = (a - b) / b").right)).toBe("((a - b) / b)");
    expect(shape(relation("x = a - b / b").right)).toBe("(a - (b / b))");
    expect(shape(relation("x = a - b - c").right)).toBe("((a - b) - c)");
    expect(shape(relation("x = y * 100%").right)).toBe("(y * 100%)");
    expect(shape(relation("x = -a + 2.5").right)).toBe("((-a) + 2.5)");
    const parenthesized = relation("x = (a + b)");
    expect([parenthesized.right.start, parenthesized.right.end]).toEqual([4, 11]);
    const lone = relation("x = ((a))");
    expect([lone.right.start, lone.right.end]).toEqual([6, 7]);
    expect(lone.references[1]).toEqual({ id: "a", start: 6, end: 7 });
  });

  it("reads every comparison, including full-width forms", () => {
    expect(relation("a <= b").comparator).toBe("<=");
    expect(relation("a >= b").comparator).toBe(">=");
    expect(relation("a < b").comparator).toBe("<");
    expect(relation("a > b").comparator).toBe(">");
    expect(relation("a == b").comparator).toBe("=");
    expect(relation("a ≤ b").comparator).toBe("<=");
    expect(relation("a ≥ b").comparator).toBe(">=");
    expect(shape(relation("甲 ＝ b".replace("甲", "a")).right)).toBe("b");
    expect(shape(relation("a＝（b＋c）×2").right)).toBe("((b + c) * 2)");
  });

  it.each([
    ["", 0, 0, "检查为空"],
    ["a + b", 0, 5, "缺少比较符号"],
    ["= b", 0, 1, "左边缺少内容"],
    ["a =", 2, 3, "右边缺少内容"],
    ["a = = b", 4, 5, "缺少数据项编号"],
    ["a = (b + c", 4, 5, "缺少右括号"],
    ["a = b + c)", 9, 10, "多余的右括号"],
    ["a = b c", 6, 7, "前面缺少运算符号"],
    ["a = b = c", 6, 7, "只能有一个比较符号"],
    ["Review.total = a", 0, 12, "不合规"],
    ["a. = b", 0, 2, "不合规"],
    ["a = 3件", 4, 6, "只能带 % 或 ‰"],
    ["a = b # c", 6, 7, "不能出现“#”"],
    ["a = b +", 7, 7, "缺少数据项编号"],
  ])("reports %j at %i-%i", (source, start, end, text) => {
    const error = syntaxError(source);
    expect([error.start, error.end]).toEqual([start, end]);
    expect(error.message.zh).toContain(text);
    expect(error.message.en.length).toBeGreaterThan(0);
  });

  it("survives absurd nesting without throwing", () => {
    const deep = `a = ${"(".repeat(5000)}b${")".repeat(5000)}`;
    const result = parseRelation(deep);
    expect(result.ok).toBe(false);
    expect(() => parseRelation("-".repeat(100000))).not.toThrow();
  });
});

describe("evaluateRelation", () => {
  const review = { "review.total": "105份", "review.contracts": "45份", "review.documents": "60份" };

  it("holds when the parts add up to the total", () => {
    expect(check("review.total = review.contracts + review.documents", review).status).toBe("holds");
  });

  it("fails on a count that is off by one, and says what the parts add up to", () => {
    const result = check("review.total = review.contracts + review.documents", { ...review, "review.total": "106份" });
    expect(result.status).toBe("fails");
    const message = describeFailure(result);
    expect(message.zh).toBe("review.contracts 45份 + review.documents 60份 合计 105份，而 review.total 写的是 106份。");
    expect(message.en).toBe("review.contracts 45份 + review.documents 60份 add up to 105份, but review.total says 106份.");
  });

  it("writes out parenthesised parts with their values", () => {
    const result = check("(review.total) = ((review.contracts) + review.documents)", { ...review, "review.total": "104份" });
    expect(result.references.map((r) => r.quantity?.text)).toEqual(["104份", "45份", "60份"]);
    expect(describeFailure(result).zh).toBe("review.contracts 45份 + review.documents 60份 合计 105份，而 review.total 写的是 104份。");
  });

  it("uses drafter names when given", () => {
    const names: Record<string, string> = { "review.total": "合同及文件总数", "review.contracts": "合同", "review.documents": "文件" };
    const result = check("review.total = review.contracts + review.documents", { ...review, "review.documents": "61份" });
    expect(describeFailure(result, { name: (id) => names[id] }).zh).toBe("合同 45份 + 文件 61份 合计 106份，而合同及文件总数写的是 105份。");
  });

  it("treats a stated 100% as a claim, not a rounding", () => {
    const figures = { "m.rate": "100%", "m.success": "1570件", "m.total": "1571件" };
    const result = check("m.rate = m.success / m.total", figures);
    expect(result.status).toBe("fails");
    const message = describeFailure(result);
    expect(message.zh).toContain("m.success 1570件 ÷ m.total 1571件 = 约99.94%");
    expect(message.zh).toContain("写的是 100%");
    expect(message.zh).toContain("100% 表示全部");
    expect(check("m.rate = m.success / m.total", { ...figures, "m.rate": "99.94%" }).status).toBe("holds");
    expect(check("m.rate = m.success / m.total", { ...figures, "m.success": "1571件" }).status).toBe("holds");
    expect(check("m.rate = m.success / m.total", { ...figures, "m.rate": "95%以上" }).status).toBe("holds");
  });

  it("points out a rate multiplied by 100", () => {
    const result = check("m.rate = m.success / m.total * 100", { "m.rate": "99.94%", "m.success": "1570件", "m.total": "1571件" });
    expect(result.status).toBe("fails");
    expect(describeFailure(result).zh).toContain("不必再乘以 100");
  });

  it("converts money between 万元 and 元 and honours 余", () => {
    const figures = { "w.total": "771万元", "w.a": "85万余元", "w.b": "686万余元" };
    expect(check("w.total = w.a + w.b", figures).status).toBe("holds");
    expect(check("w.total = w.a + w.b", { ...figures, "w.total": "775万元" }).status).toBe("fails");
    expect(check("y = x + z", { y: "1.4万元", x: "5000元", z: "9000元" }).status).toBe("holds");
    const off = check("y = x + z", { y: "1.5万元", x: "5000元", z: "9000元" });
    expect(off.status).toBe("fails");
    expect(describeFailure(off).zh).toBe("x 5000元 + z 9000元 合计 14000元，而 y 写的是 1.5万元（即 1.45万—1.55万元）。");
  });

  it("adds decimals exactly", () => {
    expect(check("t = a + b", { t: "200.05万元", a: "185.76万元", b: "14.29万元" }).status).toBe("holds");
    expect(check("t = a + b", { t: "200.06万元", a: "185.76万元", b: "14.29万元" }).status).toBe("holds");
    expect(check("t = a + b", { t: "200.07万元", a: "185.76万元", b: "14.29万元" }).status).toBe("fails");
  });

  it("compares with a number written in the check", () => {
    const result = check("a + b = 100%", { a: "60%", b: "45%" });
    expect(result.status).toBe("fails");
    expect(describeFailure(result).zh).toBe("a 60% + b 45% 合计 104%—106%，而应为 100%。");
    expect(describeFailure(result).en).toBe("a 60% + b 45% add up to 104%—106%, not 100%.");
    expect(check("a + b = 100%", { a: "60%", b: "40%" }).status).toBe("holds");
  });

  it("decides inequalities only when they must fail", () => {
    expect(check("c <= n", { c: "187人", n: "308人" }).status).toBe("holds");
    expect(check("c <= n", { c: "308人", n: "308人" }).status).toBe("holds");
    expect(check("c < n", { c: "308人", n: "308人" }).status).toBe("fails");
    expect(check("c >= n", { c: "约200人", n: "240人" }).status).toBe("holds");
    expect(check("c > n", { c: "约200人", n: "250人" }).status).toBe("fails");
    expect(check("c <= n", { c: "超过100人", n: "120人" }).status).toBe("holds");
    const fails = check("c <= n", { c: "190人", n: "187名" });
    expect(fails.status).toBe("fails");
    expect(describeFailure(fails).zh).toBe("c 应不大于 n，但前者为 190人，后者为 187名。");
  });

  it("reports a unit mismatch with each figure's unit", () => {
    const result = check("t = a + b", { t: "10件", a: "5件", b: "5人" });
    expect(result.status).toBe("unit-mismatch");
    expect(result.mismatch?.operator).toBe("+");
    expect(describeFailure(result).zh).toBe("单位不一致，不能相加：a 的单位是“件”，b 的单位是“人”。");
    expect(describeFailure(result).en).toBe("Units differ, so these cannot be added: a is in 件, b is in 人.");
    const compared = check("t = a / b", { t: "10件", a: "5件", b: "5人" });
    expect(compared.status).toBe("unit-mismatch");
    expect(describeFailure(compared).zh).toBe("单位不一致，不能比较：t 的单位是“件”，a / b 的单位是“件/人”（其中 a 为“件”、b 为“人”）。");
  });

  it("compares a quotient of like counts with a percentage, and points with rate differences", () => {
    expect(check("r = a / b", { r: "50%", a: "1件", b: "2件" }).status).toBe("holds");
    expect(check("r = a / b", { r: "50%", a: "1件", b: "2份" }).status).toBe("unit-mismatch");
    expect(check("d = a - b", { d: "5个百分点", a: "95%", b: "90%" }).status).toBe("holds");
    expect(check("d = a - b", { d: "7个百分点", a: "95%", b: "90%" }).status).toBe("fails");
    expect(check("d = a + b", { d: "7个百分点", a: "5件", b: "2件" }).status).toBe("unit-mismatch");
    expect(check("x = y * 100%", { x: "40%", y: "40%" }).status).toBe("holds");
    expect(check("x = y * 2", { x: "10件", y: "5件" }).status).toBe("holds");
  });

  it("reports unresolved figures, all of them", () => {
    const result = check("t = a + b + c", { t: "10件", b: "abc" });
    expect(result.status).toBe("unresolved");
    expect(result.unresolved.map((u) => [u.id, u.reason])).toEqual([
      ["a", "unknown"],
      ["b", "unparsable"],
      ["c", "unknown"],
    ]);
    expect(describeFailure(result).zh).toBe("无法核对：没有数据项 a；数据项 b 的数值无法识别；没有数据项 c。");
  });

  it("treats a lookup that throws as an unknown figure", () => {
    const result = evaluateRelation(relation("a = b"), () => {
      throw new Error("boom");
    });
    expect(result.status).toBe("unresolved");
  });

  it("reports division by zero at the divisor", () => {
    const result = check("r = a / b", { r: "100%", a: "0件", b: "0件" });
    expect(result.status).toBe("division-by-zero");
    expect(result.divisionByZero).toEqual({ start: 8, end: 9 });
    expect(describeFailure(result).zh).toBe("无法核对：除数 b 为 0。");
  });

  it("lets an approximate divisor straddle nothing it should not", () => {
    expect(check("r = a / b", { r: "10%", a: "1件", b: "近10件" }).status).toBe("holds");
    expect(check("r = a / b", { r: "12%", a: "1件", b: "近10件" }).status).toBe("fails");
  });
});

describe("describeValue", () => {
  const valueOf = (source: string, figures: Record<string, string>) => check(source, figures).right!;

  it("writes points, ranges and open ends the way drafters read them", () => {
    expect(describeValue(valueOf("x = a", { x: "1件", a: "105份" })).zh).toBe("105份");
    expect(describeValue(valueOf("x = a", { x: "1元", a: "85万余元" })).zh).toBe("85万—86万元");
    expect(describeValue(valueOf("x = a", { x: "1%", a: "99.9%以上" })).zh).toBe("99.9%—100%");
    expect(describeValue(valueOf("x = a", { x: "1人", a: "超过100人" }))).toEqual({ zh: "不少于100人", en: "at least 100人" });
    expect(describeValue(valueOf("x = a", { x: "1人", a: "不足10人" })).zh).toBe("0—10人");
    expect(describeValue(valueOf("x = a - b", { x: "1人", a: "5人", b: "超过1人" }))).toEqual({ zh: "不超过4人", en: "at most 4人" });
    expect(describeValue(valueOf("x = a / b", { x: "1%", a: "1570件", b: "1571件" }))).toEqual({ zh: "约99.94%", en: "about 99.94%" });
    expect(describeValue(valueOf("x = a / b", { x: "1%", a: "99999件", b: "100000件" })).zh).toBe("99.999%");
    expect(describeValue(valueOf("x = a / b", { x: "1%", a: "999999件", b: "1000001件" })).zh).toBe("约99.9998%");
    expect(describeValue(valueOf("x = a", { x: "1米", a: "30公里" })).zh).toBe("30公里");
    expect(describeValue(valueOf("x = a / b", { x: "1元", a: "100元", b: "3人" })).zh).toBe("约33.33元/人");
  });
});
