import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseQuantity } from "./parse.js";
import { type ProseQuantity, scanProse } from "./prose.js";
import { formatRational } from "./rational.js";

/** Reads the seed report or a corpus file where the project keeps them, beside the repository. */
function readShared(relative: string): string {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const file = (require("../../../../tests/shared-data.cjs") as { sharedFile(relative: string): string }).sharedFile(relative);
  if (!existsSync(file)) {
    throw new Error(`Test data missing: ${file}. The seed report and the corpus live in /work/shared beside the repository.`);
  }
  return readFileSync(file, "utf8");
}

/** Every occurrence of `needle` in `text`; fails the test when there is none, so a stale needle is noticed. */
function occurrences(text: string, needle: string): number[] {
  const found: number[] = [];
  for (let at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + 1)) found.push(at);
  if (found.length === 0) throw new Error(`“${needle}” does not occur in the text`);
  return found;
}

/** The quantities that overlap any occurrence of `needle`. */
function overlapping(text: string, quantities: readonly ProseQuantity[], needle: string): string[] {
  return occurrences(text, needle).flatMap((at) =>
    quantities.filter((q) => q.start < at + needle.length && q.end > at).map((q) => q.text),
  );
}

/** The quantity written exactly as `written` at the `nth` place it occurs in the text. */
function quantityAt(text: string, quantities: readonly ProseQuantity[], written: string, nth = 0): ProseQuantity {
  const at = occurrences(text, written)[nth]!;
  const found = quantities.find((q) => q.start === at && q.end === at + written.length);
  if (!found) throw new Error(`“${written}” at ${at} was not reported; nearby: ${quantities.filter((q) => Math.abs(q.start - at) < 20).map((q) => q.text).join(", ")}`);
  return found;
}

const ends = (q: ProseQuantity) => `[${formatRational(q.quantity.low)}, ${q.quantity.high ? formatRational(q.quantity.high) : "∞"}]`;

describe("scanProse on the seed report", () => {
  const seed = readShared("seed/000_89aa34e88a861005.txt");
  const found = scanProse(seed);

  it("gives offsets that point at the quantity text", () => {
    expect(found.length).toBeGreaterThan(50);
    let previousEnd = 0;
    for (const q of found) {
      expect(seed.slice(q.start, q.end)).toBe(q.text);
      expect(q.start).toBeGreaterThanOrEqual(previousEnd);
      previousEnd = q.end;
      expect(q.quantity.unit !== null || q.quantity.scaleWord !== null).toBe(true);
    }
  });

  it.each([
    "2021年12月14日",
    "2022年1月28日",
    "攀西府办发〔2021〕8号",
    "〔2020〕22号",
    "“十四五”",
    "“八五”普法",
    "5552921",
    "第一季度",
    "第一责任人",
    "一体化",
    "一网通办",
    "“三统一”",
    "一件事一次办",
    "（2021—2025年）",
    "进一步",
    "统一",
    "一是",
    "（一）",
    "(一)",
    "排名第一",
    "2021 年",
  ])("does not report %s", (needle) => {
    expect(overlapping(seed, found, needle)).toEqual([]);
  });

  it("reports the counts, rates and amounts with their intervals", () => {
    expect(ends(quantityAt(seed, found, "16 件"))).toBe("[16, 16]");
    expect(ends(quantityAt(seed, found, "89.85%"))).toBe("[0.89845, 0.89855]");
    expect(ends(quantityAt(seed, found, "85 万余元"))).toBe("[850000, 860000]");
    expect(ends(quantityAt(seed, found, "8.7 万余份"))).toBe("[87000, 88000]");
    expect(ends(quantityAt(seed, found, "近10亿元"))).toBe("[900000000, 1000000000]");
    expect(ends(quantityAt(seed, found, "95%以上"))).toBe("[0.95, 1]");
    expect(ends(quantityAt(seed, found, "17.46万元"))).toBe("[174550, 174650]");
    expect(ends(quantityAt(seed, found, "3100 余人次"))).toBe("[3100, 3200]");
    expect(ends(quantityAt(seed, found, "三项"))).toBe("[3, 3]");
    expect(quantityAt(seed, found, "1571件", 0).quantity.unit?.text).toBe("件");
    expect(quantityAt(seed, found, "1571件", 1).quantity.unit?.text).toBe("件");
  });

  it("labels each quantity with the words before it", () => {
    expect(quantityAt(seed, found, "16 件").label).toBe("全年法院开庭审理西区行政诉讼案件");
    expect(quantityAt(seed, found, "100%", 0).label).toBe("按时办复率");
    const mediationRate = found.find((q) => q.label === "调解成功率");
    expect(mediationRate?.text).toBe("100%");
    expect(quantityAt(seed, found, "1571件", 1).label).toBe("调处成功");
    expect(quantityAt(seed, found, "14492条").label).toBe("全年共主动公开政府信息");
    const departments = quantityAt(seed, found, "38个");
    expect(departments.label).toBe("");
    expect(departments.following).toBe("区级部门");
    const label = quantityAt(seed, found, "6466项");
    expect(seed.slice(label.labelStart, label.labelStart + label.label.length)).toBe(label.label);
  });

  it("marks the parts of a 其中 breakdown, within its parentheses and its sentence", () => {
    expect(quantityAt(seed, found, "105份").afterQizhong).toBe(false);
    expect(quantityAt(seed, found, "45份").afterQizhong).toBe(true);
    expect(quantityAt(seed, found, "60份").afterQizhong).toBe(true);
    // 60余项 follows the closing parenthesis of （其中……）, so it is no part of the breakdown.
    expect(quantityAt(seed, found, "60余项").afterQizhong).toBe(false);
    expect(quantityAt(seed, found, "14492条").afterQizhong).toBe(false);
    const part = quantityAt(seed, found, "245条");
    expect(part.afterQizhong).toBe(true);
    expect(seed.slice(part.qizhongStart!, part.qizhongStart! + 2)).toBe("其中");
    expect(quantityAt(seed, found, "844条").afterQizhong).toBe(true);
    expect(quantityAt(seed, found, "22 条").afterQizhong).toBe(false);
  });
});

describe("scanProse on the corpus", () => {
  const guangming = readShared("corpus/gongzuo-guangming-2022.txt");
  const nanshan = readShared("corpus/gongzuo-nanshan-2023.txt");
  const pingshan = readShared("corpus/gongzuo-pingshan-2021.txt");
  const all = guangming + "\n" + nanshan;
  const found = scanProse(all);

  it.each([
    "一届人大四次会议",
    "七届六次全会",
    "两位数",
    "二次供水",
    "“5·21”",
    "13号线",
    "“1+3”",
    "八项规定",
    "一心两区",
    "九米",
    "2.0版本",
    "二十大",
  ])("does not report %s", (needle) => {
    expect(overlapping(all, found, needle)).toEqual([]);
  });

  it("reports amounts in every scale and unit", () => {
    expect(ends(quantityAt(all, found, "1285.3亿元"))).toBe("[128525000000, 128535000000]");
    expect(quantityAt(all, found, "4亿美元").quantity.unit?.text).toBe("美元");
    expect(quantityAt(all, found, "112.2亿千瓦时").quantity.unit?.text).toBe("千瓦时");
    expect(ends(quantityAt(all, found, "13倍"))).toBe("[13, 13]");
    expect(quantityAt(all, found, "约5000万元").quantity.qualifier).toBe("about");
    expect(quantityAt(all, found, "7%左右").quantity.qualifier).toBe("about");
    expect(ends(quantityAt(all, found, "超过60%"))).toBe("[0.6, 1]");
    expect(ends(quantityAt(all, found, "近3000家"))).toBe("[2700, 3000]");
    expect(ends(quantityAt(all, found, "50多万株"))).toBe("[500000, 600000]");
    expect(quantityAt(all, found, "三轮").quantity.unit?.text).toBe("轮");
    expect(quantityAt(all, found, "五项").quantity.unit?.text).toBe("项");
  });

  it("finds nothing in a page that holds only navigation, an index number and dates", () => {
    occurrences(pingshan, "114403006955506492/2021-00545");
    occurrences(pingshan, "2021-02-02");
    expect(scanProse(pingshan)).toEqual([]);
  });

  it("scans 100 KB of report prose (speed is measured by the benchmarks; a quadratic slip would time out here)", () => {
    const big = all.slice(0, 100_000);
    expect(scanProse(big).length).toBeGreaterThan(100);
  });
});

describe("scanProse: what is and is not a quantity", () => {
  const texts = (text: string) => scanProse(text).map((q) => q.text);

  it.each([
    ["2021年3月5日召开会议", "a date"],
    ["1月28日", "a month and day"],
    ["2021年", "a year"],
    ["2021", "a bare year"],
    ["攀西府办发〔2021〕8号", "a document number"],
    ["联系电话：0812-5552921", "a phone number"],
    ["上午9时30分、下午14:30", "time of day"],
    ["第一，第3次会议，第二十四条", "ordinals and article numbers"],
    ["一、总体情况（一）主要做法 1.加强领导 (1)细化", "heading numbers"],
    ["一是加强领导，二是强化监督", "point markers"],
    ["统一部署，一体化推进，一把手负责，进一步加强，一批项目，唯一途径", "words with 一"],
    ["“十四五”规划，“八五”普法，十四五时期，七五普法", "names"],
    ["审理案件{litigation.cases}，其中{litigation.won}", "figure references"],
    ["《关于三项制度的通知》", "book titles"],
    ["“一件事一次办”“最多跑一次”“两个维护”", "slogans in quotes"],
    ["坚决做到两个维护", "a political formula"],
    ["5G基站和COVID-19", "codes"],
    ["名列全省前三名", "a ranking"],
    ["二〇二一年", "a year in Chinese digits"],
    ["十九届六中全会", "session numbers"],
    ["千家万户", "a bare 千 starting a word"],
  ])("%s (%s)", (text) => {
    expect(texts(text)).toEqual([]);
  });

  it("does not take 约 from a word such as 签约 or 节约", () => {
    const [signed] = scanProse("签约3个项目");
    expect(signed?.text).toBe("3个");
    expect(signed?.quantity.approximate).toBe(false);
    expect(scanProse("节约10万元")[0]?.quantity.qualifier).toBe("rounded");
    expect(scanProse("最近3天")[0]?.quantity.qualifier).toBe("exact");
    expect(scanProse("全年约200人参加")[0]?.text).toBe("约200人");
  });

  it("reads counts in Chinese numerals before a unit", () => {
    expect(texts("查处两起案件，十四个部门，三项行动，一百零五份文件")).toEqual(["两起", "十四个", "三项", "一百零五份"]);
    expect(texts("百分之九十五的群众")).toEqual(["百分之九十五"]);
    expect(texts("百余人参加，千余份材料，十余家单位")).toEqual(["百余人", "千余份", "十余家"]);
    expect(ends(scanProse("百余人")[0]!)).toBe("[100, 200]");
  });

  it("reads spaced and grouped numbers", () => {
    expect(texts("共 16 件，1,234人次，８件")).toEqual(["16 件", "1,234人次", "８件"]);
    expect(texts("3—5件，10%—15%，2-3万元")).toEqual(["3—5件", "10%—15%", "2-3万元"]);
  });

  it("labels without linking words", () => {
    const [rate] = scanProse("调解成功率达100%");
    expect(rate?.label).toBe("调解成功率");
    const [cases] = scanProse("受理行政复议案件45件");
    expect(cases?.label).toBe("受理行政复议案件");
    const [total] = scanProse("累计达到198个");
    expect(total?.label).toBe("");
    const [linked] = scanProse("其中合同45份");
    expect(linked?.label).toBe("合同");
    expect(linked?.afterQizhong).toBe(true);
  });

  it("ends a 其中 breakdown at the end of its sentence or its parentheses", () => {
    const breakdown = scanProse("受理105份（其中合同45份、文件60份），另有3件。其中5件已办结。下一句7件");
    expect(breakdown.map((q) => [q.text, q.afterQizhong])).toEqual([
      ["105份", false],
      ["45份", true],
      ["60份", true],
      ["3件", false],
      ["5件", true],
      ["7件", false],
    ]);
  });

  it("never hangs or throws on hostile input", () => {
    const hostile = [
      "1".repeat(100_000),
      "一".repeat(100_000),
      "1,".repeat(50_000),
      "约".repeat(100_000),
      "{a.b".repeat(25_000),
      "其中（".repeat(30_000),
      "1.".repeat(50_000),
      "3—".repeat(50_000),
      "“".repeat(100_000),
      "5 ".repeat(50_000) + "件",
    ];
    // Each is 100 KB; a quadratic scan would run into the test timeout.
    for (const text of hostile) {
      expect(() => scanProse(text)).not.toThrow();
    }
  });
});

describe("the characters the prose scanner stops at", () => {
  it("include every digit and Chinese numerals", () => {
    // Every digit, ASCII or full-width, starts a quantity when a unit follows.
    for (const char of "0123456789０１２３４５６７８９") expect(scanProse(`共${char}件`).map((found) => found.text), char).toEqual([`${char}件`]);
    expect(scanProse("共三百二十件").map((found) => found.text)).toEqual(["三百二十件"]);
  });
});
