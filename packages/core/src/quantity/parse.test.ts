import { describe, expect, it } from "vitest";
import { parseQuantity } from "./parse.js";
import { formatRational } from "./rational.js";

/** A parsed quantity as `[low, high] unit qualifier`, with ∞ for an open end. */
function read(text: string): string {
  const result = parseQuantity(text);
  if (!result.ok) return `error ${result.start}-${result.end}: ${result.message.zh}`;
  const { low, high, unit, qualifier, approximate } = result.quantity;
  const ends = `[${formatRational(low)}, ${high === null ? "∞" : formatRational(high)}]`;
  return `${ends} ${unit?.text ?? "-"} ${qualifier}${approximate ? " ≈" : ""}`;
}

function failure(text: string) {
  const result = parseQuantity(text);
  if (result.ok) throw new Error(`expected ${text} to fail`);
  return result;
}

describe("parseQuantity: the written forms of the design", () => {
  it.each([
    ["105份", "[105, 105] 份 exact"],
    ["1571件", "[1571, 1571] 件 exact"],
    ["89.85%", "[0.89845, 0.89855] % rounded"],
    ["85万余元", "[850000, 860000] 元 odd ≈"],
    ["3100余人次", "[3100, 3200] 人次 odd ≈"],
    ["近10亿元", "[900000000, 1000000000] 元 near ≈"],
    ["一千五百七十一件", "[1571, 1571] 件 exact"],
    ["两名", "[2, 2] 名 exact"],
    ["十四个", "[14, 14] 个 exact"],
    ["3—5件", "[3, 5] 件 range"],
    ["3-5件", "[3, 5] 件 range"],
    ["3至5件", "[3, 5] 件 range"],
    ["1,234人次", "[1234, 1234] 人次 exact"],
    ["约200人", "[150, 250] 人 about ≈"],
    ["200人左右", "[150, 250] 人 about ≈"],
    ["约250人", "[245, 255] 人 about ≈"],
    ["约95%", "[0.945, 0.955] % about ≈"],
    ["100%", "[1, 1] % exact"],
    ["0%", "[0, 0] % exact"],
    ["95%", "[0.945, 0.955] % rounded"],
    ["12个百分点", "[12, 12] 个百分点 exact"],
    ["5000余人次", "[5000, 6000] 人次 odd ≈"],
    ["30多场", "[30, 40] 场 odd ≈"],
    ["10余条", "[10, 20] 条 odd ≈"],
    ["8.7万余份", "[87000, 88000] 份 odd ≈"],
    ["三十多万元", "[300000, 400000] 元 odd ≈"],
    ["不足10%", "[0, 0.1] % at-most"],
    ["100人以内", "[0, 100] 人 at-most"],
    ["95%以上", "[0.95, 1] % at-least"],
    ["超过100人", "[100, ∞] 人 at-least"],
    ["超过150%", "[1.5, ∞] % at-least"],
    ["16 件", "[16, 16] 件 exact"],
    ["17.46万元", "[174550, 174650] 元 rounded"],
    ["85万元", "[845000, 855000] 元 rounded"],
    ["2—3万元", "[20000, 30000] 元 range"],
    ["10—15%", "[0.1, 0.15] % range"],
    ["约3—5件", "[2.5, 5.5] 件 range ≈"],
    ["百分之九十五", "[0.945, 0.955] % rounded"],
    ["百分之百", "[1, 1] % exact"],
    ["100.0%", "[0.9995, 1.0005] % rounded"],
    ["5千米", "[5000, 5000] 千米 exact"],
    ["1.5亿千瓦时", "[145000000, 155000000] 千瓦时 rounded"],
    ["１６件", "[16, 16] 件 exact"],
    ["50％", "[0.495, 0.505] % rounded"],
    ["-5", "[-5, -5] - exact"],
    ["105", "[105, 105] - exact"],
  ])("%s", (text, expected) => {
    expect(read(text)).toBe(expected);
  });

  it("keeps the text as written, without surrounding spaces", () => {
    const result = parseQuantity("  85万余元 ");
    expect(result.ok && result.quantity.text).toBe("85万余元");
    expect(result.ok && result.quantity.scaleWord).toBe("万");
    expect(result.ok && formatRational(result.quantity.nominal)).toBe("850000");
  });

  it("converts money written with scale words into 元", () => {
    const wan = parseQuantity("1万元");
    const yuan = parseQuantity("10000元");
    expect(wan.ok && yuan.ok && wan.quantity.unit?.dimension === yuan.quantity.unit?.dimension).toBe(true);
    expect(read("10000元")).toBe("[10000, 10000] 元 exact");
    expect(read("1万元")).toBe("[5000, 15000] 元 rounded");
  });
});

describe("parseQuantity: Chinese numerals", () => {
  it.each([
    ["十", "10"],
    ["十一", "11"],
    ["二十", "20"],
    ["一百零五", "105"],
    ["两千〇五", "2005"],
    ["一千五百七十一", "1571"],
    ["三千二", "3200"],
    ["一万零五", "10005"],
    ["十万", "100000"],
    ["一亿三千万", "130000000"],
    ["二〇二一", "2021"],
    ["一九九八", "1998"],
    ["零", "0"],
  ])("%s is %s", (text, expected) => {
    const result = parseQuantity(text);
    expect(result.ok && formatRational(result.quantity.nominal)).toBe(expected);
  });

  it("rounds a numeral with 万 to its last written digit", () => {
    expect(read("三万人")).toBe("[25000, 35000] 人 rounded");
    expect(read("一万五")).toBe("[14500, 15500] - rounded");
  });

  it("rejects malformed numerals and vague pairs with a reason", () => {
    expect(failure("十四五").message.zh).toContain("写法有误");
    expect(failure("三五个").message.zh).toContain("约数");
    expect(failure("七八十人").message.zh).toContain("约数");
    expect(failure("两三个").message.zh).toContain("约数");
    expect(failure("百千").message.zh).toContain("写法有误");
    expect(failure("一百零").message.zh).toContain("写法有误");
  });
});

describe("parseQuantity: errors point at the offending part", () => {
  it("reports an empty quantity", () => {
    expect(failure("").message.en).toBe("The quantity is empty");
    expect(failure("   ").end).toBe(3);
  });

  it("reports an unknown unit at the unit", () => {
    const result = failure("12 xyz");
    expect([result.start, result.end]).toEqual([3, 6]);
    const han = failure("105张三");
    expect([han.start, han.end]).toEqual([4, 5]);
    const unknown = failure("105坨");
    expect(unknown.message.zh).toContain("无法识别的单位“坨”");
    expect([unknown.start, unknown.end]).toEqual([3, 4]);
  });

  it("reports a missing number", () => {
    const result = failure("约件");
    expect([result.start, result.end]).toEqual([1, 2]);
    expect(failure("件").message.zh).toContain("应是数字");
  });

  it("reports a misplaced thousands separator", () => {
    const result = failure("1,23件");
    expect([result.start, result.end]).toEqual([1, 2]);
    expect(failure("1234,567人").message.en).toContain("thousands separator");
  });

  it("reports a reversed range over the whole range, offsets into the untrimmed text", () => {
    const result = failure(" 5—3件");
    expect([result.start, result.end]).toEqual([1, 5]);
    expect(result.message.zh).toContain("起点大于终点");
  });

  it("reports a range without an end", () => {
    const result = failure("3—件");
    expect([result.start, result.end]).toEqual([1, 2]);
  });

  it("reports ranges whose ends have different units", () => {
    expect(failure("3件—5人").message.zh).toContain("单位不一致");
  });

  it("reports conflicting qualifier words", () => {
    expect(failure("近100人以上").message.zh).toContain("不能同时使用");
    expect(failure("超过300余人").message.zh).toContain("不能同时使用");
    expect(failure("3—5件以上").message.zh).toContain("范围不能再加");
    expect(failure("0余件").message.zh).toContain("非零");
    expect(failure("-5余件").message.en).toContain("negative");
  });

  it("rejects absurdly long numbers", () => {
    const long = "1".repeat(100_000);
    expect(failure(`${long}件`).message.zh).toContain("过长");
    expect(failure("一".repeat(100_000)).message.zh).toContain("过长");
  });

  it("never throws on arbitrary text", () => {
    for (const text of ["%", "万", "余", "约", "—", "以上", "1.", "1..2", "--5", "百分之", "百分之件", "{a.b}", "\u0000", "\ud800"]) {
      expect(() => parseQuantity(text)).not.toThrow();
    }
  });
});
