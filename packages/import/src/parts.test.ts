import { crc32 } from "node:zlib";
import { describe, expect, it } from "vitest";
import { renderText } from "@govreport/render";
import { FIGURE_ID_PATTERN, figureValueText, ReportData } from "@govreport/schema";
import { compareTexts, DocxError, importDocx, importReport } from "./index.js";
import { splitMeta } from "./meta.js";
import { toParagraphs } from "./paragraphs.js";
import { cleanSource } from "./source-text.js";

const body = (text: string) => toParagraphs(splitMeta(cleanSource(text).lines).body);
const texts = (text: string) => body(text).map((paragraph) => paragraph.text);
const valueOf = (report: ReportData, id: string) => figureValueText(report.figures?.[id] ?? "?");
const checksAsValues = (report: ReportData) =>
  (report.checks ?? []).map((check) => check.replace(/[a-z][a-z0-9_]*(?:\.[a-z0-9_]+)*/g, (id) => valueOf(report, id)));

describe("what the import takes out of the source", () => {
  it("drops page-number lines in each documented form, bold marks and Markdown heading marks, and says so", () => {
    const cleaned = cleanSource(["## 一、标题", "— 2 —", "- 3 -", "第4页", "第5页 共9页", "7", "**二是**加强。", "正文 12 件。"].join("\n"));
    expect(cleaned.lines.map((line) => line.text)).toEqual(["一、标题", "二是加强。", "正文 12 件。"]);
    const notes = cleaned.notes.map((note) => note.en).join("\n");
    expect(notes).toContain("Removed 5 page-number line(s)");
    expect(notes).toContain("Removed 2 bold mark(s)");
    expect(notes).toContain("Removed 1 Markdown heading mark(s)");
  });

  it("joins lines a page end broke, but not after a sentence end nor into a heading", () => {
    expect(texts("一、情况\n区法\n\n治政府建设工作，形成合\n力。\n第二段。\n（一）小标题\n")).toEqual(["一、情况", "区法治政府建设工作，形成合力。", "第二段。", "（一）小标题"]);
  });

  it("keeps paragraphs apart at an indented line when the source indents its paragraphs", () => {
    expect(texts("各位代表：\n\u3000\u3000第一段没有句号\n\u3000\u3000第二段。\n\u3000\u3000第三段，\n接着第三段。\n")).toEqual(["第一段没有句号", "第二段。", "第三段，接着第三段。"]);
  });

  it("keeps a space where a Latin word was broken at a line end", () => {
    expect(texts("一、情况\n推进 BIM\nCIM 建设。\n")).toEqual(["一、情况", "推进 BIM CIM 建设。"]);
  });
});

describe("Markdown", () => {
  it("reads # headings and ** bold, and renders back to the same text without the marks", () => {
    const markdown = [
      "# 关于2021年度法治政府建设工作情况的报告",
      "",
      "市政府：",
      "",
      "## 一、工作开展情况",
      "",
      "### （一）加强领导",
      "",
      "**一是**健全制度。全年审查文件105份。**二是**强化考核。",
      "",
      "## 二、存在的问题",
      "",
      "基层力量不足。",
      "",
      "某县人民政府",
      "",
      "2022年1月28日",
    ].join("\n");
    const { report } = importReport(markdown);
    expect(report.meta.title).toBe("关于2021年度法治政府建设工作情况的报告");
    expect(report.sections.map((section) => section.title)).toEqual(["工作开展情况", "存在的问题"]);
    expect(report.sections[0]?.sections?.[0]).toMatchObject({ title: "加强领导", layout: "run-in", points: [{ lead: "健全制度" }, { text: "强化考核。" }] });
    expect(compareTexts(markdown, renderText(report), { recipient: report.meta.recipient })).toBeNull();
  });
});

describe("headings", () => {
  const report = (text: string) => importReport(text).report;

  it("keeps a heading number only where it differs from the generated one", () => {
    const { sections } = report("市政府：\n一、甲\n(一) 乙。\n正文。\n（二）丙。\n正文。\n二、丁\n正文。\n");
    expect(sections.map((section) => [section.number, section.title])).toEqual([[undefined, "甲"], [undefined, "丁"]]);
    expect(sections[0]?.sections?.map((section) => [section.number, section.title])).toEqual([["(一)", "乙。"], [undefined, "丙。"]]);
  });

  it("nests numbered headings under an unnumbered part heading, keeping their numbers", () => {
    const { sections } = report("各位代表：\n\u3000\u3000开场白。\n\u3000\u30002021年工作回顾\n\u3000\u3000总述。\n\u3000\u3000一、第一方面\n\u3000\u3000内容。\n\u3000\u30002022年工作安排\n\u3000\u3000一、第一项\n\u3000\u3000内容。\n");
    expect(sections.map((section) => [section.number, section.title, section.text])).toEqual([
      ["", "2021年工作回顾", "总述。"],
      ["", "2022年工作安排", undefined],
    ]);
    expect(sections[0]?.sections?.[0]).toMatchObject({ number: "一、", title: "第一方面", text: "内容。" });
    expect(sections[1]?.sections?.[0]).toMatchObject({ number: "一、", title: "第一项" });
  });

  it("reads 1.14大… as a list item only when 2. follows, and 1.5万… otherwise as prose", () => {
    const listed = report("市政府：\n一、名词\n1.14大产业：说明。\n2.四上企业：说明。\n");
    expect(listed.sections[0]?.sections?.map((section) => section.title)).toEqual(["14大产业：说明。", "四上企业：说明。"]);
    const prose = report("市政府：\n一、情况\n1.5万人参加了活动。\n");
    expect(prose.sections[0]?.sections).toBeUndefined();
    expect(prose.sections[0]?.text).toMatch(/^\{[a-z_.]+\}参加了活动。$/);
    expect(Object.values(prose.figures ?? {}).map(figureValueText)).toEqual(["1.5万人"]);
  });

  it("splits a heading that runs into its text at the first stop, or a long defining one after its term", () => {
    const { sections } = report("市政府：\n一、安排\n1.强化领导。各单位要落实责任。\n2.ESI：基本科学指标数据库，是评价高校、学术机构国际学术水平及影响力的重要评价指标工具。\n3.短语：说明。\n");
    expect(sections[0]?.sections).toEqual([
      { number: "1.", title: "强化领导。", text: "各单位要落实责任。" },
      { number: "2.", title: "ESI：", text: "基本科学指标数据库，是评价高校、学术机构国际学术水平及影响力的重要评价指标工具。" },
      { number: "3.", title: "短语：说明。" },
    ]);
  });

  it("does not take a run of short lines for headings", () => {
    const result = importReport("首页\n导航\n栏目\n政务公开\n");
    expect(result.report.sections).toEqual([]);
    expect(result.notes.map((note) => note.en).join()).toContain("No headings recognised");
  });
});

describe("points", () => {
  const section = (text: string) => importReport(`市政府：\n一、情况\n${text}`).report.sections[0]!;

  it("runs points in after a lead-in, with a lead when the first sentence is followed by more", () => {
    expect(section("主要表现在：一是队伍弱。人员少。二是保障不足；三是意识不强。\n")).toEqual({
      title: "情况",
      layout: "run-in",
      text: "主要表现在：",
      points: [{ lead: "队伍弱", text: "人员少。" }, { text: "保障不足；" }, { text: "意识不强。" }],
    });
  });

  it("lays points out as paragraphs when each opens one, keeping later paragraphs with the last point", () => {
    expect(section("一是甲。甲文。\n二是乙。乙文。\n补充说明。\n")).toMatchObject({
      layout: "paragraphs",
      points: [{ lead: "甲", text: "甲文。" }, { lead: "乙", text: "乙文。\n补充说明。" }],
    });
  });

  it("leaves a run-in list inside longer prose as prose", () => {
    expect(section("总述：一是甲；二是乙。\n另一段。\n")).toEqual({ title: "情况", text: "总述：一是甲；二是乙。\n另一段。" });
  });

  it("needs 二是 for a list, and never reads 十一是 or 统一是 as 一是", () => {
    expect(section("一是只有一项。\n").points).toBeUndefined();
    expect(section("标准统一是前提，二是后话。\n").points).toBeUndefined();
    expect(section("第十一是例外，二是后话。\n").points).toBeUndefined();
  });
});

describe("meta", () => {
  it("reads letterhead, title, recipient, issuer, a date in Chinese numerals, contact and closing", () => {
    const text = ["某县人民政府", "关于2021年度法治政府建设", "情况的报告", "市政府：", "正文。", "特此报告。", "某县人民政府", "二〇二二年一月二十八日", "（联系人：张三；联系电话：1234567）"].join("\n");
    const { report, notes } = importReport(text);
    expect(report.meta).toEqual({
      letterhead: "某县人民政府",
      issuer: "某县人民政府",
      recipient: "市政府",
      title: "关于2021年度法治政府建设情况的报告",
      year: 2021,
      date: "2022-01-28",
      contact: { name: "张三", phone: "1234567" },
    });
    expect(report.closing).toBe("特此报告。");
    expect(report.preamble).toBe("正文。");
    expect(notes.map((note) => note.en).join()).toContain("Chinese numerals");
  });

  it("fills what the text lacks with placeholders the checker flags, and says where each value came from", () => {
    const result = importReport("各位代表：\n一、2021年工作\n内容。\n");
    expect(result.report.meta.title).toBe("待补充：报告标题");
    expect(result.metaSources).toMatchObject({ title: "placeholder", recipient: "text", issuer: "placeholder", date: "placeholder", year: "placeholder" });
    expect(result.yaml).toMatch(/date: "\d{4}-01-01" # 原文未写成文日期/);
    const given = importReport("各位代表：\n一、2021年工作\n内容。\n", { meta: { title: "政府工作报告", year: 2021 } });
    expect(given.metaSources).toMatchObject({ title: "option", year: "option" });
  });
});

describe("figures and proposed checks", () => {
  it("replaces each quantity by a reference to a figure with a valid, unique id, keeping the text as written", () => {
    const { report } = importReport("市政府：\n一、情况\n全年办理行政复议案件 45 件，纠正 3 件，全年办理行政复议案件 50件。\n");
    const ids = Object.keys(report.figures ?? {});
    expect(ids).toHaveLength(3);
    expect(new Set(ids).size).toBe(3);
    for (const id of ids) expect(id).toMatch(FIGURE_ID_PATTERN);
    expect(ids[0]).toBe("reconsideration.cases");
    expect(valueOf(report, ids[0]!)).toBe("45 件");
    expect(report.sections[0]?.text).toBe(`全年办理行政复议案件 {${ids[0]}}，纠正 {${ids[1]}}，全年办理行政复议案件 {${ids[2]}}。`);
  });

  it("proposes total = parts when a 其中 breakdown adds up, and a bound when it covers only part", () => {
    const whole = importReport("市政府：\n一、情况\n审查文件105份（其中合同45份、文件60份）。\n").report;
    expect(checksAsValues(whole)).toEqual(["105份 = 45份 + 60份"]);
    const part = importReport("市政府：\n一、情况\n引进企业100家，其中世界500强5家、上市公司10家。\n").report;
    expect(checksAsValues(part)).toEqual(["5家 + 10家 <= 100家"]);
  });

  it("keeps a breakdown that exceeds its total, marked as not holding", () => {
    const result = importReport("市政府：\n一、情况\n审查文件105份（其中合同45份、文件61份）。\n");
    expect(checksAsValues(result.report)).toEqual(["45份 + 61份 <= 105份"]);
    expect(result.checks[0]?.holds).toBe(false);
    expect(result.yaml).toContain("按原文不成立");
  });

  it("relates a rate to the counts before it only when the rate names what the numerator counts", () => {
    const named = importReport("市政府：\n一、情况\n调解案件1571件，调处成功1570件，调解成功率达100%。\n");
    expect(checksAsValues(named.report)).toEqual(["100% = 1570件 / 1571件"]);
    expect(named.checks[0]?.holds).toBe(false);
    const unrelated = importReport("市政府：\n一、情况\n受理案件100件，办结98件，群众满意率达100%。\n").report;
    expect(unrelated.checks).toBeUndefined();
  });

  it("bounds what was added by the total it brought the count to", () => {
    const { report } = importReport("各位代表：\n一、情况\n新增“四上”企业1525家，总数达9923家。\n");
    expect(checksAsValues(report)).toEqual(["1525家 <= 9923家"]);
  });

  it("leaves years, dates, document numbers and heading numbers alone", () => {
    const { report } = importReport("市政府：\n一、情况\n2021年12月14日印发《方案》（攀西府办发〔2021〕8号），明确了32项任务。\n");
    expect(Object.values(report.figures ?? {}).map(figureValueText)).toEqual(["32项"]);
  });
});

describe("bad input", () => {
  it("never throws and always gives valid report data", () => {
    const inputs = ["", "\n\n\n", "\u0000\u0001\ufffd".repeat(50), "一、".repeat(5000), "（".repeat(2000), "一是二是三是".repeat(300), "1.".repeat(3000), `${"甲".repeat(200_000)}。`];
    for (const input of inputs) {
      const result = importReport(input);
      expect(ReportData.safeParse(result.report).success).toBe(true);
    }
  });

  it("stays fast on long, dense text: no step grows with the square of the paragraph", () => {
    const dense = [
      `市政府：\n一、情况\n${"调解案件1件，".repeat(5000)}。`,
      `市政府：\n一、情况\n${"甲乙丙\n".repeat(20000)}`,
      `市政府：\n一、情况\n${"共100件，其中甲1件、乙2件，".repeat(1500)}`,
      `市政府：\n一、情况\n${"案件10件，成功9件，成功率达90%，".repeat(1500)}`,
    ];
    for (const text of dense) {
      // The quadratic versions these inputs were written against took minutes and would hit the timeout.
      expect(importReport(text).report.sections.length, text.slice(0, 30)).toBeGreaterThan(0);
    }
  }, 60_000);
});

/** A minimal .docx: the three parts Word needs, in a ZIP archive written without compression. */
function minimalDocx(paragraphs: readonly string[]): Uint8Array {
  const escape = (text: string) => text.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;");
  const files: Array<[string, string]> = [
    ["[Content_Types].xml", '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'],
    ["_rels/.rels", '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>'],
    ["word/document.xml", `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${paragraphs.map((text) => `<w:p><w:r><w:t xml:space="preserve">${escape(text)}</w:t></w:r></w:p>`).join("")}</w:body></w:document>`],
  ];
  const local: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const [name, content] of files) {
    const nameBytes = Buffer.from(name, "utf8");
    const data = Buffer.from(content, "utf8");
    const crc = crc32(data);
    const header = Buffer.alloc(30);
    header.writeUInt32LE(0x04034b50, 0);
    header.writeUInt16LE(20, 4);
    header.writeUInt32LE(crc, 14);
    header.writeUInt32LE(data.length, 18);
    header.writeUInt32LE(data.length, 22);
    header.writeUInt16LE(nameBytes.length, 26);
    local.push(header, nameBytes, data);
    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(0x02014b50, 0);
    entry.writeUInt16LE(20, 4);
    entry.writeUInt16LE(20, 6);
    entry.writeUInt32LE(crc, 16);
    entry.writeUInt32LE(data.length, 20);
    entry.writeUInt32LE(data.length, 24);
    entry.writeUInt16LE(nameBytes.length, 28);
    entry.writeUInt32LE(offset, 42);
    central.push(entry, nameBytes);
    offset += header.length + nameBytes.length + data.length;
  }
  const centralSize = central.reduce((sum, part) => sum + part.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(files.length, 8);
  end.writeUInt16LE(files.length, 10);
  end.writeUInt32LE(centralSize, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...local, ...central, end]));
}

describe("Word documents", () => {
  const paragraphs = ["某县人民政府", "关于2021年度法治政府建设情况的报告", "市政府：", "一、工作开展情况", "全年办理行政复议案件45件。", "某县人民政府", "2022年1月28日"];

  it("imports a .docx as its text", async () => {
    const fromDocx = await importDocx(minimalDocx(paragraphs));
    expect(fromDocx.report).toEqual(importReport(paragraphs.join("\n")).report);
    expect(fromDocx.report.sections[0]?.text).toBe("全年办理行政复议案件{reconsideration.cases}。");
  });

  it("refuses what is not a .docx with a message", async () => {
    await expect(importDocx(new TextEncoder().encode("不是文档"))).rejects.toThrow(DocxError);
    await expect(importDocx(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]))).rejects.toThrow(/无法读取 Word 文档/);
  });
});

describe("the round-trip comparison", () => {
  it("forgives whitespace, page numbers, bold marks and the recipient's colon, and nothing else", () => {
    expect(compareTexts("市政府:\n— 3 —\n**一是**加 强。", "市政府：\n\n一是加强。\n", { recipient: "市政府" })).toBeNull();
    expect(compareTexts("调解成功率达100%，如:", "调解成功率达100%，如：", { recipient: "市政府" })).not.toBeNull();
    const difference = compareTexts("全区调解案件1571件", "全区调解案件1570件");
    expect(difference?.source).toBe("全区调解案件157⟦1件");
    expect(difference?.rendered).toBe("全区调解案件157⟦0件");
  });
});
