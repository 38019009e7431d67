import { describe, expect, it } from "vitest";
import { formatRational } from "../quantity/index.js";
import { check } from "./check.js";
import type { ReportModel } from "./model.js";
import {
  declaredTogether,
  figuresNamedBy,
  findBreakdowns,
  findRateReadings,
  isShareLabel,
  matchableLabel,
  printedProse,
  printProse,
  type PrintedProse,
} from "./prose-relations.js";

type FigureEntry = string | { value: string; label: string };

/** A model from a minimal valid report whose sections hold `texts`, with these figures and checks. */
function modelOf(texts: readonly string[], figures: Record<string, FigureEntry> = {}, checks: readonly string[] = []): ReportModel {
  const report = {
    format: 1,
    profile: "fazhi-annual",
    meta: { issuer: "东城县人民政府", recipient: "市人民政府", title: "关于2021年度法治政府建设工作情况的报告", year: 2021, date: "2022-01-28" },
    sections: texts.map((text, index) => ({ title: `第${index + 1}部分`, text })),
    figures,
    ...(checks.length > 0 ? { checks } : {}),
  };
  const result = check(JSON.stringify(report), { fileName: "test.report.json", onlyRules: [] });
  if (!result.model) throw new Error(`not a valid report: ${result.diagnostics.map((d) => d.message.en).join("; ")}`);
  return result.model;
}

function printed(text: string, figures: Record<string, FigureEntry> = {}): PrintedProse {
  const model = modelOf([text], figures);
  return printProse({ path: ["sections", 0, "text"], text, kind: "section-text" }, model.figures);
}

/** The span of the only occurrence of `needle` in `text`. */
function spanOf(text: string, needle: string): [number, number] {
  const at = text.indexOf(needle);
  if (at < 0 || text.indexOf(needle, at + 1) >= 0) throw new Error(`“${needle}” must occur exactly once in “${text}”`);
  return [at, at + needle.length];
}

describe("printProse", () => {
  it("prints figure values in place and maps each quantity back to what the source says", () => {
    const text = "受理案件{cases.total}，其中合同45件、文件{cases.documents}。";
    const prose = printed(text, { "cases.total": "105件", "cases.documents": "61件" });
    expect(prose.text).toBe("受理案件105件，其中合同45件、文件61件。");
    expect(prose.quantities.map((q) => [q.quantity.text, q.literal, q.figureId ?? null])).toEqual([
      ["105件", false, "cases.total"],
      ["45件", true, null],
      ["61件", false, "cases.documents"],
    ]);
    expect(prose.quantities.map((q) => text.slice(...q.source))).toEqual(["{cases.total}", "45件", "{cases.documents}"]);
    expect(prose.quantities[1]!.source).toEqual(spanOf(text, "45件"));
  });

  it("maps a printed span inside a figure's value to the whole reference", () => {
    const text = "审理案件{litigation.cases}。";
    const prose = printed(text, { "litigation.cases": "16 件" });
    expect(prose.text).toBe("审理案件16 件。");
    expect(prose.quantities[0]?.quantity.text).toBe("16 件");
    expect(prose.toSource(5, 6)).toEqual(spanOf(text, "{litigation.cases}"));
    expect(prose.toSource(0, 2)).toEqual([0, 2]);
    expect(prose.toSource(8, 9)).toEqual(spanOf(text, "。"));
  });

  it("marks a quantity made of a figure and literal text as neither literal nor that figure", () => {
    const text = "审理案件{litigation.count}件。";
    const prose = printed(text, { "litigation.count": "16" });
    const [quantity] = prose.quantities;
    expect(quantity?.quantity.text).toBe("16件");
    expect(quantity?.literal).toBe(false);
    expect(quantity?.figureId).toBeUndefined();
    expect(quantity?.figureIds).toEqual(["litigation.count"]);
    expect(text.slice(...quantity!.source)).toBe("{litigation.count}件");
  });

  it("keeps a reference to a missing figure as written and marks what it cannot read as opaque", () => {
    const text = "受理{missing.cases}，未结{litigation.pending}，撤回{litigation.withdrawn}，审结{litigation.closed}。";
    const prose = printed(text, { "litigation.pending": "若干件", "litigation.withdrawn": "一件", "litigation.closed": "5件" });
    expect(prose.text).toBe("受理{missing.cases}，未结若干件，撤回一件，审结5件。");
    expect(prose.opaque.map(([start, end]) => prose.text.slice(start, end))).toEqual(["{missing.cases}", "若干件", "一件"]);
    expect(prose.quantities.map((q) => q.quantity.text)).toEqual(["5件"]);
  });

  it("is computed once per model", () => {
    const model = modelOf(["受理案件105件。"]);
    expect(printedProse(model)).toBe(printedProse(model));
    expect(printedProse(model).map((p) => p.text)).toContain("受理案件105件。");
  });
});

describe("findBreakdowns", () => {
  const read = (text: string) =>
    findBreakdowns(printed(text)).map((b) => ({
      total: b.total.quantity.text,
      parts: b.parts.map((p) => p.quantity.text),
      sum: `${formatRational(b.sum.low!)}–${b.sum.high ? formatRational(b.sum.high) : "∞"}`,
      complete: b.complete,
    }));

  it("reads a total and the parts listed after 其中", () => {
    expect(read("受理案件105件，其中合同45件、文件61件。")).toEqual([{ total: "105件", parts: ["45件", "61件"], sum: "106–106", complete: true }]);
    expect(read("审查文件105份（其中合同45份、文件60份），均已审查。")).toEqual([{ total: "105份", parts: ["45份", "60份"], sum: "105–105", complete: true }]);
  });

  it("takes the total from the sentence before when 其中 opens a sentence", () => {
    expect(read("全年接受公证咨询3100余人次。其中，现场咨询1800人次，电话咨询1500人次。")).toEqual([
      { total: "3100余人次", parts: ["1800人次", "1500人次"], sum: "3300–3300", complete: false },
    ]);
  });

  it("adds rounded and approximate parts as intervals, in the base unit", () => {
    // 8000万元 and 5000万元 are rounded to the 万: each ±5000元.
    expect(read("投入资金1.2亿元，其中区级资金8000万元、上级补助5000万元。")).toEqual([
      { total: "1.2亿元", parts: ["8000万元", "5000万元"], sum: "129990000–130010000", complete: true },
    ]);
    expect(read("培训300余人次，其中干部100余人次、群众200余人次。")[0]?.sum).toBe("300–500");
  });

  it("chooses the nearest earlier quantity of the parts' unit as the total", () => {
    expect(read("受理案件105件，办结98件，满意率99%，其中调解结案45件、判决结案53件。")[0]?.total).toBe("98件");
    expect(read("受理案件105件，涉及金额500万元，其中行政案件45件、涉及金额300万元。").map((b) => [b.total, b.parts])).toEqual([
      ["105件", ["45件"]],
      ["500万元", ["300万元"]],
    ]);
  });

  it("leaves out changes, restated sums and numbers in nested parentheses", () => {
    expect(read("受理案件105件，其中合同45件，同比增加10件，文件50件，合计95件。")).toEqual([{ total: "105件", parts: ["45件", "50件"], sum: "95–95", complete: false }]);
    expect(read("受理案件105件，其中行政案件80件（一审60件、二审20件），民事案件25件。")[0]?.parts).toEqual(["80件", "25件"]);
  });

  it("reads each 其中 of a sentence as its own breakdown", () => {
    expect(read("受理105件，其中行政80件，其中一审60件、二审20件。").map((b) => [b.total, b.parts])).toEqual([
      ["105件", ["80件"]],
      ["80件", ["60件", "20件"]],
    ]);
  });

  it("reads nothing where the parts detail one another or the total is a change", () => {
    expect(read("受理案件105件，其中行政案件80件，含一审60件、二审20件。")).toEqual([]);
    expect(read("检查企业50家次，其中发现问题企业30家次，已整改30家次。")).toEqual([]);
    expect(read("受理案件105件，同比增加12件，其中合同45件、文件61件。")).toEqual([]);
    expect(read("其中合同45件、文件61件。")).toEqual([]);
    expect(read("受理案件105件。办理公证时，其中合同45件。")).toEqual([]);
  });

  it("calls a list complete only when joined by 、 with nothing saying there is more", () => {
    const complete = (text: string) => read(text)[0]?.complete;
    expect(complete("受理105件，其中合同45件、文件50件。")).toBe(true);
    expect(complete("受理105件，其中合同、文件分别为45件、50件。")).toBe(true);
    expect(complete("受理105件，其中合同45件，文件50件。")).toBe(false);
    expect(complete("受理105件，其中合同45件、文件50件等。")).toBe(false);
    expect(complete("受理105件，其中主要有合同45件、文件50件。")).toBe(false);
    expect(complete("受理105件，其中合同45件、其他50件。")).toBe(false);
    expect(complete("受理105件，其中合同45件。")).toBe(false);
    expect(complete("受理105件，其中合同45件（金额5万元）、文件50件。")).toBe(false);
  });

  it("does not call a list complete when one of its parts cannot be read", () => {
    const prose = printed("受理105件，其中合同{contracts.count}、文件50件、协议{agreements.count}。", { "contracts.count": "若干件", "agreements.count": "30件" });
    expect(findBreakdowns(prose).map((b) => [b.total.quantity.text, b.parts.map((p) => p.quantity.text), b.complete])).toEqual([["105件", ["50件", "30件"], false]]);
  });
});

describe("findRateReadings", () => {
  const read = (text: string) =>
    findRateReadings(printed(text)).map((r) => [r.rate.quantity.text, r.numerator.quantity.text, r.denominator.quantity.text, r.consistent]);

  it("pairs a rate with the count of its property and the count of its whole", () => {
    expect(read("全年调解案件1571件，成功1570件，调解成功率100%。")).toEqual([["100%", "1570件", "1571件", false]]);
    expect(read("全区调解案件1571件，调处成功1571件，调解成功率达100%。")).toEqual([["100%", "1571件", "1571件", true]]);
    expect(read("依申请事项6466项，全程网办事项5810项，全程网办率达89.85%。")).toEqual([["89.85%", "5810项", "6466项", true]]);
    expect(read("全区共有行政执法人员308人，持证187人，持证率70%。")).toEqual([["70%", "187人", "308人", false]]);
    expect(read("受理行政复议案件45件，审结42件，审结率93.3%，综合纠错率13.5%。")).toEqual([["93.3%", "42件", "45件", true]]);
  });

  it("calls a rate consistent when any reading of the counts gives it", () => {
    // The words pair 45 with 105 (42.86%), but 45 of 98 is the 45.9% written.
    expect(read("受理案件105件，办结98件，其中调解结案45件，调解结案率45.9%。")).toEqual([["45.9%", "45件", "105件", true]]);
    // 1570 of 1570 + 1.
    expect(read("调解案件1571件，调解成功1570件，调解失败1件，调解成功率99.94%。")).toEqual([["99.94%", "1570件", "1571件", true]]);
    // 100% is a claim: 1570 of 1571 and 1570 of 1570 + 1 both fall short of it.
    expect(read("调解案件1571件，调解成功1570件，调解失败1件，调解成功率100%。")).toEqual([["100%", "1570件", "1571件", false]]);
  });

  it("reads no rate whose counts the words do not tie to it", () => {
    expect(read("立案查处举报投诉案件51件，主动监察处理欠薪隐患案件4件，劳动保障监察案件按期结案率达100%。")).toEqual([]);
    expect(read("发放问卷500份，回收480份，群众满意率98%。")).toEqual([]);
    expect(read("受理案件105件，未办结7件，办结率95%。")).toEqual([]);
    expect(read("调解案件1571件；调解成功1570件，调解成功率100%。")).toEqual([]);
    expect(read("接待群众300人次，办结信访件120件，按期办结率100%。")).toEqual([]);
    expect(read("受理案件105件，同比增加5件，增加率5%。")).toEqual([]);
  });
});

describe("words", () => {
  it("tells shares from growth and completion rates", () => {
    expect(["调解成功率", "按时办复率", "“只跑一次”事项占比", "覆盖率"].map(isShareLabel)).toEqual([true, true, true, true]);
    expect(["增长率", "年度目标完成率", "同比增长", "毛入学率", "投资回报率", "率先", "增长"].map(isShareLabel)).toEqual([false, false, false, false, false, false, false]);
  });

  it("reduces labels to what is counted and refuses other periods", () => {
    expect(matchableLabel("全年共接受公证咨询")).toBe("接受公证咨询");
    expect(matchableLabel("今年调解案件")).toBe("调解案件");
    expect(matchableLabel("上年调解案件")).toBeUndefined();
    expect(matchableLabel("2020年调解案件")).toBeUndefined();
    expect(matchableLabel("力争调解案件")).toBeUndefined();
    expect(matchableLabel("成功")).toBeUndefined();
  });
});

describe("figuresNamedBy", () => {
  const figures = {
    "mediation.cases": { value: "1570件", label: "全区调解案件" },
    "mediation.succeeded": { value: "1560件", label: "调处成功案件" },
    "mediation.amount": { value: "50万元", label: "调解案件涉及金额" },
    "notary.consultations": { value: "3100余人次", label: "接受公证咨询（含电话咨询）" },
  };
  const named = (text: string) => {
    const prose = printed(text, figures);
    return prose.quantities.map((q) => figuresNamedBy(q, modelOf([], figures)).map((m) => `${m.figure.id}:${m.consistent}`));
  };

  it("finds the figure whose label ends with, or adds a generic noun to, the words before the number", () => {
    expect(named("全年调解案件1571件，调处成功1560件。")).toEqual([["mediation.cases:false"], ["mediation.succeeded:true"]]);
    expect(named("今年共接受公证咨询3150人次。")).toEqual([["notary.consultations:true"]]);
  });

  it("requires the unit to measure the same thing and the label to be specific", () => {
    expect(named("调解案件50万元，成功8件，调解1571件。")).toEqual([[], [], []]);
    expect(named("涉及征地的调解案件3件。")).toEqual([[]]);
  });

  it("does not take a figure for a part of it as the same count", () => {
    const narrower = { "reconsideration.withdrawn": { value: "2件", label: "经调解撤回的行政复议申请" }, "litigation.cases": { value: "16件", label: "西区行政诉讼案件" } };
    const prose = printed("行政复议申请12件，行政诉讼案件15件。", narrower);
    const model = modelOf([], narrower);
    expect(prose.quantities.map((q) => figuresNamedBy(q, model).map((m) => `${m.figure.id}:${m.consistent}`))).toEqual([[], ["litigation.cases:false"]]);
  });
});

describe("declaredTogether", () => {
  it("says whether one declared check names all the figures", () => {
    const model = modelOf([], { a: "105件", b: "45件", c: "60件", d: "1件" }, ["a = b + c", "d <= a"]);
    expect(declaredTogether(model, ["a", "b", "c"])).toBe(true);
    expect(declaredTogether(model, ["a", "b", "d"])).toBe(false);
    expect(declaredTogether(model, [])).toBe(false);
  });
});

describe("hostile prose", () => {
  it("reads 50 KB paragraphs of dense numbers in linear time", () => {
    const texts = [
      "受理1000件，其中" + "合同1件、".repeat(10_000),
      "其中1件".repeat(12_500),
      "1元".repeat(12_500) + "其中1件".repeat(6_000),
      "受理1件，".repeat(10_000) + "办结率100%",
      "调解成功率1%，".repeat(7_500),
      "（".repeat(25_000) + "其中1件）".repeat(5_000),
    ];
    for (const text of texts) {
      const prose = printProse({ path: ["sections", 0, "text"], text, kind: "section-text" }, new Map());
      findBreakdowns(prose);
      findRateReadings(prose);
      // A quadratic reading would run into the test timeout; speed itself is measured by the benchmarks.
      expect(prose.text.length).toBe(text.length);
    }
  });
});
