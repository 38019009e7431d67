import { describe, expect, it } from "vitest";
import type { ReportData, SectionData } from "@govreport/schema";
import { chineseDate, chineseNumeral, headingNumber, pointMarker, renderText, resolveFigures } from "./text.js";

function report(sections: SectionData[], extra: Partial<ReportData> = {}): ReportData {
  return {
    format: 1,
    profile: "fazhi-annual",
    meta: { issuer: "某区人民政府", recipient: "市政府", title: "关于2021年度法治政府建设工作情况的报告", year: 2021, date: "2022-01-28" },
    sections,
    ...extra,
  };
}

/** The body only: everything between the recipient line and the signature, one block per line. */
function body(data: ReportData): string[] {
  const lines = renderText(data, { blockSeparator: "\n" }).trimEnd().split("\n");
  return lines.slice(lines.indexOf("市政府：") + 1, lines.lastIndexOf("某区人民政府"));
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === "object") {
    Object.values(value).forEach(deepFreeze);
    Object.freeze(value);
  }
  return value;
}

describe("chineseNumeral", () => {
  it.each([
    [1, "一"], [9, "九"], [10, "十"], [11, "十一"], [20, "二十"], [21, "二十一"], [99, "九十九"],
    [100, "一百"], [101, "一百零一"], [110, "一百一十"], [1001, "一千零一"], [1010, "一千零一十"], [2300, "二千三百"],
  ])("%i → %s", (value, expected) => expect(chineseNumeral(value)).toBe(expected));

  it("gives numbers it cannot write back in Arabic numerals", () => {
    expect(chineseNumeral(0)).toBe("0");
    expect(chineseNumeral(-3)).toBe("-3");
    expect(chineseNumeral(1.5)).toBe("1.5");
    expect(chineseNumeral(10000)).toBe("10000");
    expect(chineseNumeral(Number.NaN)).toBe("NaN");
  });
});

describe("headingNumber", () => {
  it("numbers each level the GB/T 9704 way, counting siblings from 0", () => {
    expect([0, 1, 9, 10].map((index) => headingNumber(1, index))).toEqual(["一、", "二、", "十、", "十一、"]);
    expect([0, 2, 11].map((index) => headingNumber(2, index))).toEqual(["（一）", "（三）", "（十二）"]);
    expect([0, 11].map((index) => headingNumber(3, index))).toEqual(["1.", "12."]);
    expect([0, 11].map((index) => headingNumber(4, index))).toEqual(["（1）", "（12）"]);
  });

  it("uses circled numbers below the fourth level and never throws", () => {
    expect(headingNumber(5, 0)).toBe("①");
    expect(headingNumber(6, 19)).toBe("⑳");
    expect(headingNumber(5, 20)).toBe("（21）");
    expect(headingNumber(0, 0)).toBe("一、");
    expect(headingNumber(1, -1)).toBe("一、");
  });
});

describe("pointMarker", () => {
  it("counts 一是、二是… from 0", () => {
    expect([0, 1, 9, 10, 19].map(pointMarker)).toEqual(["一是", "二是", "十是", "十一是", "二十是"]);
  });
});

describe("chineseDate", () => {
  it("writes the date with Arabic numerals and no leading zeros", () => {
    expect(chineseDate("2022-01-28")).toBe("2022年1月28日");
    expect(chineseDate("2021-12-04")).toBe("2021年12月4日");
  });

  it("leaves anything else as written", () => {
    expect(chineseDate("2022年1月")).toBe("2022年1月");
    expect(chineseDate("")).toBe("");
  });
});

describe("resolveFigures", () => {
  const figures = { "review.total": "105份", "review.contracts": { value: "45份", label: "合同" } };

  it("replaces references by the figure text, in either form of entry", () => {
    expect(resolveFigures("共{review.total}（其中合同{review.contracts}）", figures)).toBe("共105份（其中合同45份）");
  });

  it("leaves unknown references, prototype names and non-references as written", () => {
    expect(resolveFigures("{review.other}、{toString}、{__proto__}、{ review.total }、{}", figures)).toBe(
      "{review.other}、{toString}、{__proto__}、{ review.total }、{}",
    );
    expect(resolveFigures("共{review.total}", undefined)).toBe("共{review.total}");
  });
});

describe("renderText", () => {
  it("prints letterhead, title, recipient, preamble, body, closing, issuer, date and contact in order", () => {
    const data = report([{ title: "工作开展情况", text: "正文。" }], {
      meta: {
        letterhead: "某区人民政府",
        issuer: "某区人民政府",
        recipient: "市政府",
        title: "关于2021年度法治政府建设工作情况的报告",
        year: 2021,
        date: "2022-01-28",
        contact: { name: "张三", phone: "5552921" },
      },
      preamble: "第一段。\n\n第二段。\n",
      closing: "特此报告。",
    });
    expect(renderText(data)).toBe(
      [
        "某区人民政府",
        "关于2021年度法治政府建设工作情况的报告",
        "市政府：",
        "第一段。",
        "第二段。",
        "一、工作开展情况",
        "正文。",
        "特此报告。",
        "某区人民政府",
        "2022年1月28日",
        "（联系人：张三；联系电话：5552921）",
      ].join("\n\n") + "\n",
    );
  });

  it("leaves out the letterhead and contact lines when there are none", () => {
    const text = renderText(report([]), { blockSeparator: "\n" });
    expect(text).toBe("关于2021年度法治政府建设工作情况的报告\n市政府：\n某区人民政府\n2022年1月28日\n");
  });

  it("numbers headings by level and restarts the count under each parent", () => {
    const data = report([
      {
        title: "甲",
        sections: [
          { title: "甲一", sections: [{ title: "甲一1", sections: [{ title: "甲一1a" }, { title: "甲一1b" }] }, { title: "甲一2" }] },
          { title: "甲二" },
        ],
      },
      { title: "乙", sections: [{ title: "乙一" }] },
    ]);
    expect(body(data)).toEqual(["一、甲", "（一）甲一", "1.甲一1", "（1）甲一1a", "（2）甲一1b", "2.甲一2", "（二）甲二", "二、乙", "（一）乙一"]);
  });

  it("prints a section's own number as written without shifting its siblings", () => {
    const data = report([{ title: "甲", sections: [{ title: "甲一", number: "(一)" }, { title: "甲二" }, { title: "甲三", number: "" }] }]);
    expect(body(data)).toEqual(["一、甲", "(一)甲一", "（二）甲二", "甲三"]);
  });

  it("gives each point its own paragraph by default and with layout: paragraphs", () => {
    const points = [{ lead: "加强领导", text: "区政府……" }, { text: "无领起句。" }];
    const expected = ["一、甲", "引言。", "一是加强领导。区政府……", "二是无领起句。"];
    expect(body(report([{ title: "甲", text: "引言。", points }]))).toEqual(expected);
    expect(body(report([{ title: "甲", text: "引言。", points, layout: "paragraphs" }]))).toEqual(expected);
  });

  it("runs points into the paragraph the section text ends with when layout is run-in", () => {
    const data = report([
      {
        title: "存在的问题",
        layout: "run-in",
        text: "前一段。\n主要表现在：",
        points: [{ text: "基层力量不足。" }, { lead: "队伍建设", text: "需加强。" }],
      },
      { title: "无正文", layout: "run-in", points: [{ lead: "甲", text: "乙。" }, { lead: "丙", text: "丁。" }] },
    ]);
    expect(body(data)).toEqual(["一、存在的问题", "前一段。", "主要表现在：一是基层力量不足。二是队伍建设。需加强。", "二、无正文", "一是甲。乙。二是丙。丁。"]);
  });

  it("lets a run-in point's own line breaks start new paragraphs that the next point continues", () => {
    const data = report([{ title: "甲", layout: "run-in", points: [{ text: "第一段。\n第二段。" }, { text: "接续。" }] }]);
    expect(body(data)).toEqual(["一、甲", "一是第一段。", "第二段。二是接续。"]);
  });

  it("adds a full stop after a lead only when the lead has none", () => {
    const data = report([
      {
        title: "甲",
        points: [{ lead: "持续推进“一网通办”", text: "推动。" }, { lead: "加大企业法律服务力度。", text: "依托。" }, { lead: "主要有：", text: "甲。" }, { lead: "只有领起句" }],
      },
    ]);
    expect(body(data)).toEqual(["一、甲", "一是持续推进“一网通办”。推动。", "二是加大企业法律服务力度。依托。", "三是主要有：甲。", "四是只有领起句。"]);
  });

  it("resolves figure references everywhere prose appears and leaves unknown ones visible", () => {
    const data = report(
      [{ title: "{n.count}项工作", text: "办理{n.count}，其中{n.missing}。", points: [{ lead: "完成{n.rate}", text: "达{n.rate}。" }] }],
      { preamble: "共{n.count}。", closing: "{n.count}", figures: { "n.count": "16 件", "n.rate": { value: "100%" } } },
    );
    expect(body(data)).toEqual(["共16 件。", "一、16 件项工作", "办理16 件，其中{n.missing}。", "一是完成100%。达100%。", "16 件"]);
  });

  it("indents body paragraphs but not headings or the signature when asked", () => {
    const data = report([{ title: "甲", text: "正文。", points: [{ text: "要点。" }] }], { preamble: "导语。" });
    expect(renderText(data, { blockSeparator: "\n", paragraphIndent: "　　" })).toBe(
      "关于2021年度法治政府建设工作情况的报告\n市政府：\n　　导语。\n一、甲\n　　正文。\n　　一是要点。\n某区人民政府\n2022年1月28日\n",
    );
  });

  it("does not change its input", () => {
    const data = deepFreeze(report([{ title: "甲", layout: "run-in", text: "引言：", points: [{ text: "甲。" }] }], { figures: { a: "1件" } }));
    const before = JSON.stringify(data);
    expect(() => renderText(data)).not.toThrow();
    expect(JSON.stringify(data)).toBe(before);
  });
});
