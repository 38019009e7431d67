import { describe, expect, it } from "vitest";
import type { ReportData } from "@govreport/schema";
import { htmlPathKey, renderHtml, renderHtmlDocument, type HtmlMark } from "./html.js";
import { renderText } from "./text.js";

/**
 * A strict reader for the renderer's output. It accepts only what the serializer is allowed to write:
 * lower-case tags with double-quoted attributes, and text in which `<` never appears raw. Anything else
 * (a stray `<`, an unquoted attribute, an unclosed element) fails the test, so an injection cannot hide.
 */
interface Node {
  tag: string;
  attrs: Record<string, string>;
  children: Array<Node | string>;
}

const VOID = new Set(["hr", "br", "meta"]);
const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

function decode(text: string): string {
  return text.replace(/&(#\d+|[a-z]+);/g, (whole, name: string) =>
    name.startsWith("#") ? String.fromCharCode(Number(name.slice(1))) : (ENTITIES[name] ?? whole),
  );
}

function parse(html: string): Node {
  const root: Node = { tag: "#root", attrs: {}, children: [] };
  const stack: Node[] = [root];
  const tagPattern = /<(\/?)([a-z][a-z0-9]*)((?:\s+[a-z][a-z-]*="[^"<]*")*)\s*>/y;
  let i = 0;
  while (i < html.length) {
    const lt = html.indexOf("<", i);
    const textEnd = lt === -1 ? html.length : lt;
    if (textEnd > i) {
      const raw = html.slice(i, textEnd);
      if (raw.includes(">")) throw new Error(`raw '>' in text: ${raw}`);
      stack[stack.length - 1]!.children.push(decode(raw));
    }
    if (lt === -1) break;
    tagPattern.lastIndex = lt;
    const match = tagPattern.exec(html);
    if (match === null) throw new Error(`not a well-formed tag at ${lt}: ${html.slice(lt, lt + 60)}`);
    const [, closing, tag, attrText] = match;
    if (closing) {
      const open = stack.pop();
      if (open?.tag !== tag) throw new Error(`</${tag}> closes <${open?.tag}>`);
    } else {
      const attrs: Record<string, string> = {};
      for (const [, name, value] of attrText!.matchAll(/\s+([a-z][a-z-]*)="([^"]*)"/g)) {
        if (name! in attrs) throw new Error(`duplicate attribute ${name}`);
        attrs[name!] = decode(value!);
      }
      const node: Node = { tag: tag!, attrs, children: [] };
      stack[stack.length - 1]!.children.push(node);
      if (!VOID.has(tag!)) stack.push(node);
    }
    i = tagPattern.lastIndex;
  }
  if (stack.length !== 1) throw new Error(`unclosed <${stack[stack.length - 1]!.tag}>`);
  return root;
}

function all(node: Node): Node[] {
  return node.children.flatMap((child) => (typeof child === "string" ? [] : [child, ...all(child)]));
}

function text(node: Node): string {
  return node.children.map((child) => (typeof child === "string" ? child : text(child))).join("");
}

function byPath(root: Node, path: readonly (string | number)[]): Node[] {
  return all(root).filter((node) => node.attrs["data-path"] === JSON.stringify(path));
}

function hasClass(node: Node, name: string): boolean {
  return (node.attrs.class ?? "").split(" ").includes(name);
}

function report(overrides: Partial<ReportData> = {}): ReportData {
  return {
    format: 1,
    profile: "fazhi-annual",
    meta: {
      issuer: "攀枝花市西区人民政府",
      recipient: "市政府",
      title: "关于2021年度法治政府建设工作情况的报告",
      year: 2021,
      date: "2022-01-28",
      contact: { name: "付绍雪", phone: "5552921" },
    },
    preamble: "现将西区2021年度法治政府建设工作情况报告如下。",
    sections: [],
    ...overrides,
  };
}

describe("renderHtml: document parts", () => {
  it("prints title, recipient with a full-width colon, preamble, closing, signature, date and contact", () => {
    const root = parse(renderHtml(report({ closing: "特此报告。" })));
    const title = byPath(root, ["meta", "title"]);
    expect(title).toHaveLength(1);
    expect(title[0]!.tag).toBe("h1");
    expect(text(title[0]!)).toBe("关于2021年度法治政府建设工作情况的报告");
    expect(text(byPath(root, ["meta", "recipient"])[0]!)).toBe("市政府：");
    expect(text(byPath(root, ["preamble"])[0]!)).toBe("现将西区2021年度法治政府建设工作情况报告如下。");
    expect(text(byPath(root, ["closing"])[0]!)).toBe("特此报告。");
    expect(text(byPath(root, ["meta", "issuer"])[0]!)).toBe("攀枝花市西区人民政府");
    expect(text(byPath(root, ["meta", "date"])[0]!)).toBe("2022年1月28日");
    expect(text(byPath(root, ["meta", "contact"])[0]!)).toBe("（联系人：付绍雪；联系电话：5552921）");
  });

  it("prints a red letterhead with its rule only when there is one", () => {
    const without = parse(renderHtml(report()));
    expect(byPath(without, ["meta", "letterhead"])).toHaveLength(0);
    expect(all(without).some((node) => node.tag === "hr")).toBe(false);

    const withLetterhead = parse(renderHtml(report({ meta: { ...report().meta, letterhead: "攀枝花市西区人民政府" } })));
    const letterhead = byPath(withLetterhead, ["meta", "letterhead"]);
    expect(letterhead).toHaveLength(1);
    expect(hasClass(letterhead[0]!, "gr-letterhead")).toBe(true);
    expect(all(withLetterhead).filter((node) => node.tag === "hr")).toHaveLength(1);
  });

  it("splits prose into paragraphs at line breaks and drops blank lines and hand-typed indentation", () => {
    const root = parse(renderHtml(report({ preamble: "第一段。\n\n　　第二段。\n" })));
    expect(byPath(root, ["preamble"]).map(text)).toEqual(["第一段。", "第二段。"]);
  });

  it("keeps a date that is not YYYY-MM-DD as written instead of inventing one", () => {
    const root = parse(renderHtml(report({ meta: { ...report().meta, date: "2022年元月" } })));
    expect(text(byPath(root, ["meta", "date"])[0]!)).toBe("2022年元月");
  });
});

describe("renderHtml: numbering", () => {
  const twelve = Array.from({ length: 12 }, (_, i) => ({ title: `第${i + 1}部分` }));

  it("numbers level-1 headings 一、二、… 十、十一、十二、", () => {
    const root = parse(renderHtml(report({ sections: twelve })));
    const numbers = all(root).filter((node) => hasClass(node, "gr-number")).map(text);
    expect(numbers).toEqual(["一、", "二、", "三、", "四、", "五、", "六、", "七、", "八、", "九、", "十、", "十一、", "十二、"]);
    expect(text(byPath(root, ["sections", 11, "title"])[0]!)).toBe("十二、第12部分");
  });

  it("numbers deeper levels （一） 1. （1） with full-width parentheses, restarting under each parent", () => {
    const sections = [
      {
        title: "工作开展情况",
        sections: [
          { title: "甲", sections: [{ title: "子", sections: [{ title: "孙" }, { title: "孙二" }] }] },
          { title: "乙", sections: [{ title: "丑" }] },
        ],
      },
      { title: "存在的问题", sections: [{ title: "丙" }] },
    ];
    const root = parse(renderHtml(report({ sections })));
    const heading = (path: (string | number)[]) => text(byPath(root, [...path, "title"])[0]!);
    expect(heading(["sections", 0])).toBe("一、工作开展情况");
    expect(heading(["sections", 0, "sections", 0])).toBe("（一）甲");
    expect(heading(["sections", 0, "sections", 0, "sections", 0])).toBe("1.子");
    expect(heading(["sections", 0, "sections", 0, "sections", 0, "sections", 1])).toBe("（2）孙二");
    expect(heading(["sections", 0, "sections", 1])).toBe("（二）乙");
    expect(heading(["sections", 0, "sections", 1, "sections", 0])).toBe("1.丑");
    expect(heading(["sections", 1, "sections", 0])).toBe("（一）丙");
    expect(byPath(root, ["sections", 0, "title"])[0]!.tag).toBe("h2");
    expect(hasClass(byPath(root, ["sections", 0, "sections", 0, "title"])[0]!, "gr-h2")).toBe(true);
  });

  it("prints a section's own number instead of the generated one, without shifting its siblings", () => {
    const root = parse(renderHtml(report({ sections: [{ title: "甲" }, { title: "乙", number: "(二)" }, { title: "丙" }] })));
    expect(text(byPath(root, ["sections", 1, "title"])[0]!)).toBe("(二)乙");
    expect(byPath(root, ["sections", 1, "number"])).toHaveLength(1);
    expect(text(byPath(root, ["sections", 2, "title"])[0]!)).toBe("三、丙");
  });

  it("numbers levels past the four of the standard with circled numbers", () => {
    const deep = [{ title: "1", sections: [{ title: "2", sections: [{ title: "3", sections: [{ title: "4", sections: [{ title: "五级" }, { title: "又" }] }] }] }] }];
    const root = parse(renderHtml(report({ sections: deep })));
    const fifth = ["sections", 0, "sections", 0, "sections", 0, "sections", 0, "sections"];
    expect(text(byPath(root, [...fifth, 0, "title"])[0]!)).toBe("①五级");
    expect(text(byPath(root, [...fifth, 1, "title"])[0]!)).toBe("②又");
    expect(byPath(root, [...fifth, 0, "title"])[0]!.tag).toBe("h6");
  });

  it("prints an empty own number as nothing, as the drafter asked", () => {
    const root = parse(renderHtml(report({ sections: [{ title: "甲", number: "" }] })));
    expect(text(byPath(root, ["sections", 0, "title"])[0]!)).toBe("甲");
  });

  it("marks points 一是、二是… and ends a lead with a full stop unless it already has one", () => {
    const points = [
      { lead: "加强领导压实责任", text: "区政府统筹推进。" },
      { lead: "接受民主法治监督。", text: "按时办复。" },
      { text: "没有领起句。" },
    ];
    const root = parse(renderHtml(report({ sections: [{ title: "措施", points }] })));
    const base = ["sections", 0, "points"];
    expect(text(byPath(root, [...base, 0])[0]!)).toBe("一是加强领导压实责任。区政府统筹推进。");
    expect(text(byPath(root, [...base, 1])[0]!)).toBe("二是接受民主法治监督。按时办复。");
    expect(text(byPath(root, [...base, 2])[0]!)).toBe("三是没有领起句。");
    expect(text(byPath(root, [...base, 0, "lead"])[0]!)).toBe("加强领导压实责任。");
    expect(text(byPath(root, [...base, 1, "text"])[0]!)).toBe("按时办复。");
    const paragraphsWithPoints = all(root).filter((node) => node.tag === "p" && all(node).some((n) => hasClass(n, "gr-point")));
    expect(paragraphsWithPoints).toHaveLength(3);
  });

  it("runs points into one paragraph in run-in layout, continuing the section text's last paragraph", () => {
    const points = [{ lead: "甲", text: "一。" }, { lead: "乙", text: "二。" }, { lead: "丙" }];
    const root = parse(renderHtml(report({ sections: [{ title: "措施", layout: "run-in", points }] })));
    const paragraphsWithPoints = all(root).filter((node) => node.tag === "p" && all(node).some((n) => hasClass(n, "gr-point")));
    expect(paragraphsWithPoints).toHaveLength(1);
    expect(text(paragraphsWithPoints[0]!)).toBe("一是甲。一。二是乙。二。三是丙。");

    const withText = parse(renderHtml(report({ sections: [{ title: "问题", text: "前言。\n主要表现在：", layout: "run-in", points }] })));
    expect(byPath(withText, ["sections", 0, "text"]).map(text)).toEqual(["前言。", "主要表现在：一是甲。一。二是乙。二。三是丙。"]);
    expect(byPath(withText, ["sections", 0, "points", 1]).map(text)).toEqual(["二是乙。二。"]);
  });

  it("starts a new paragraph at a line break inside a point, where a run-in continues", () => {
    const points = [{ lead: "甲", text: "一。\n续一。" }, { lead: "乙" }];
    const root = parse(renderHtml(report({ sections: [{ title: "措施", layout: "run-in", points }] })));
    const paragraphs = all(root).filter((node) => node.tag === "p" && hasClass(node, "gr-para"));
    expect(paragraphs.map(text)).toEqual(["现将西区2021年度法治政府建设工作情况报告如下。", "一是甲。一。", "续一。二是乙。"]);
  });

  it("judges a lead's full stop by the printed text when the lead ends with a figure", () => {
    const root = parse(
      renderHtml(report({ figures: { q: "全部办结。" }, sections: [{ title: "甲", points: [{ lead: "案件{q}" }, { lead: "其他{q}x" }] }] })),
    );
    expect(text(byPath(root, ["sections", 0, "points", 0])[0]!)).toBe("一是案件全部办结。");
    expect(text(byPath(root, ["sections", 0, "points", 1])[0]!)).toBe("二是其他全部办结。x。");
  });

  it("goes past ten points and hundreds of sections with correct Chinese numerals", () => {
    const points = Array.from({ length: 21 }, (_, i) => ({ text: `第${i + 1}点。` }));
    const root = parse(renderHtml(report({ sections: [{ title: "措施", points }] })));
    const markers = all(root).filter((node) => hasClass(node, "gr-point-marker")).map(text);
    expect(markers[9]).toBe("十是");
    expect(markers[10]).toBe("十一是");
    expect(markers[19]).toBe("二十是");
    expect(markers[20]).toBe("二十一是");

    const many = Array.from({ length: 110 }, (_, i) => ({ title: `${i}` }));
    const numbers = all(parse(renderHtml(report({ sections: many })))).filter((node) => hasClass(node, "gr-number")).map(text);
    expect(numbers[99]).toBe("一百、");
    expect(numbers[100]).toBe("一百零一、");
    expect(numbers[109]).toBe("一百一十、");
  });
});

describe("renderHtml and renderText agree", () => {
  it("shows the same blocks with the same text as the plain-text rendering", () => {
    const full = report({
      meta: { ...report().meta, letterhead: "攀枝花市西区人民政府" },
      preamble: "2021年，西区法治政府建设工作稳步推进。\n现将有关情况报告如下。",
      figures: { "litigation.cases": "16件", "review.total": { value: "105份", label: "合同及文件" }, rate: "100%" },
      sections: [
        {
          title: "工作开展情况",
          sections: [
            {
              title: "坚持法治引领，提高法治政府体系建设质量。",
              points: [
                { lead: "加强领导压实责任", text: "审理行政诉讼案件{litigation.cases}。\n出庭应诉率达{rate}。" },
                { lead: "接受监督。", text: "审查{review.total}。" },
              ],
            },
            { title: "优化政务服务", number: "(二)", text: "持续推进“一网通办”。", sections: [{ title: "细项", text: "{missing}未定义。" }] },
          ],
        },
        { title: "存在的问题", text: "主要表现在：", layout: "run-in", points: [{ lead: "统筹不够", text: "有差距。" }, { text: "队伍薄弱。" }] },
      ],
      closing: "特此报告。",
    });
    const root = parse(renderHtml(full));
    const blocks = all(root)
      .filter((node) => /^(p|h[1-6])$/.test(node.tag) || hasClass(node, "gr-issuer") || hasClass(node, "gr-date"))
      .map(text);
    expect(blocks).toEqual(renderText(full).trimEnd().split("\n\n"));
    expect(blocks).toContain("二是接受监督。审查105份。");
    expect(blocks).toContain("主要表现在：一是统筹不够。有差距。二是队伍薄弱。");
  });
});

describe("renderHtml: figures", () => {
  const figures = {
    "litigation.cases": "16件",
    "review.total": { value: "105份", label: "政府合同、协议及文件" },
  };

  it("substitutes each {id} with its value inside an element carrying the id, the path and a tooltip", () => {
    const root = parse(
      renderHtml(report({ figures, sections: [{ title: "诉讼", text: "审理案件{litigation.cases}，审查{review.total}。" }] })),
    );
    const paragraph = byPath(root, ["sections", 0, "text"])[0]!;
    expect(text(paragraph)).toBe("审理案件16件，审查105份。");
    const spans = all(paragraph).filter((node) => node.attrs["data-figure"] !== undefined);
    expect(spans.map((span) => span.attrs["data-figure"])).toEqual(["litigation.cases", "review.total"]);
    expect(spans[0]!.attrs["data-path"]).toBe(JSON.stringify(["figures", "litigation.cases"]));
    expect(spans[0]!.attrs.title).toBe("litigation.cases = 16件");
    expect(spans[1]!.attrs.title).toBe("review.total = 105份（政府合同、协议及文件）");
  });

  it("substitutes figures in the title, leads and closing too", () => {
    const root = parse(
      renderHtml(
        report({
          figures,
          meta: { ...report().meta, title: "案件{litigation.cases}的报告" },
          sections: [{ title: "甲", points: [{ lead: "审查{review.total}" }] }],
          closing: "共{litigation.cases}。",
        }),
      ),
    );
    expect(text(byPath(root, ["meta", "title"])[0]!)).toBe("案件16件的报告");
    expect(text(byPath(root, ["sections", 0, "points", 0, "lead"])[0]!)).toBe("审查105份。");
    expect(text(byPath(root, ["closing"])[0]!)).toBe("共16件。");
  });

  it("shows an undefined figure as written, marked, pointing at the prose that uses it", () => {
    const root = parse(renderHtml(report({ figures, sections: [{ title: "甲", text: "共{nope.count}，{ 不是引用 }。" }] })));
    const paragraph = byPath(root, ["sections", 0, "text"])[0]!;
    expect(text(paragraph)).toBe("共{nope.count}，{ 不是引用 }。");
    const missing = all(paragraph).filter((node) => hasClass(node, "gr-figure-missing"));
    expect(missing).toHaveLength(1);
    expect(missing[0]!.attrs["data-figure"]).toBe("nope.count");
    expect(missing[0]!.attrs["data-path"]).toBe(JSON.stringify(["sections", 0, "text"]));
    expect(missing[0]!.attrs.title).toContain("nope.count");
  });

  it("does not take inherited object keys for figures", () => {
    const root = parse(renderHtml(report({ figures: {}, preamble: "{constructor}{__proto__}" })));
    const missing = all(root).filter((node) => hasClass(node, "gr-figure-missing"));
    expect(missing.map((node) => node.attrs["data-figure"])).toEqual(["constructor", "__proto__"]);
  });
});

describe("renderHtml: data paths", () => {
  it("gives every heading, paragraph and figure a data path that parses as JSON", () => {
    const root = parse(
      renderHtml(
        report({
          figures: { a: "1件" },
          closing: "特此报告。",
          sections: [{ title: "甲", text: "正文{a}。", points: [{ lead: "乙", text: "丙" }], sections: [{ title: "丁", text: "戊" }] }],
        }),
      ),
    );
    const nodes = all(root);
    for (const node of nodes.filter((n) => /^(p|h[1-6])$/.test(n.tag) || n.attrs["data-figure"] !== undefined)) {
      const path = node.attrs["data-path"] ?? "";
      const inside = nodes.filter((n) => n.attrs["data-path"] !== undefined && all(node).includes(n));
      // A paragraph that only groups points carries no path itself; each point inside it does.
      expect(path !== "" || inside.length > 0, `<${node.tag}> "${text(node)}" has no data-path`).toBe(true);
      if (path !== "") expect(Array.isArray(JSON.parse(path))).toBe(true);
    }
    expect(byPath(root, ["sections", 0, "sections", 0, "text"])).toHaveLength(1);
    expect(htmlPathKey(["sections", 0, "text"])).toBe('["sections",0,"text"]');
  });
});

describe("renderHtml: diagnostic marks", () => {
  const base = report({
    figures: { a: "1件", b: "2件" },
    sections: [{ title: "甲", text: "共{a}，又{a}。", points: [{ lead: "乙", text: "丙" }] }],
  });

  it("marks the element of the exact path with the worst severity and all messages as its tooltip", () => {
    const marks: HtmlMark[] = [
      { path: ["sections", 0, "text"], severity: "warning", message: "数字与单位之间有空格" },
      { path: ["sections", 0, "text"], severity: "error", message: "合计不符" },
    ];
    const root = parse(renderHtml(base, { marks }));
    const paragraph = byPath(root, ["sections", 0, "text"])[0]!;
    expect(hasClass(paragraph, "gr-mark")).toBe(true);
    expect(hasClass(paragraph, "gr-mark-error")).toBe(true);
    expect(hasClass(paragraph, "gr-mark-warning")).toBe(false);
    expect(paragraph.attrs.title).toBe("数字与单位之间有空格\n合计不符");
    expect(hasClass(byPath(root, ["sections", 0, "title"])[0]!, "gr-mark")).toBe(false);
  });

  it("falls back to the nearest rendered ancestor: a figure's value marks every use of the figure", () => {
    const root = parse(renderHtml(base, { marks: [{ path: ["figures", "a", "value"], severity: "warning", message: "无法解析" }] }));
    const uses = byPath(root, ["figures", "a"]);
    expect(uses).toHaveLength(2);
    for (const use of uses) {
      expect(hasClass(use, "gr-mark-warning")).toBe(true);
      expect(use.attrs.title).toBe("a = 1件\n无法解析");
    }
    const point = byPath(parse(renderHtml(base, { marks: [{ path: ["sections", 0, "points", 0, "covers"], severity: "hint", message: "h" }] })), [
      "sections",
      0,
      "points",
      0,
    ])[0]!;
    expect(hasClass(point, "gr-mark-hint")).toBe(true);
  });

  it("lists marks with nothing rendered to attach to above the page, each with its path", () => {
    const marks: HtmlMark[] = [
      { path: ["checks", 0], severity: "error", message: "检查不成立" },
      { path: ["figures", "b"], severity: "hint", message: "未使用的数据项" },
    ];
    const root = parse(renderHtml(base, { marks }));
    const aside = all(root).find((node) => node.tag === "aside");
    expect(aside).toBeDefined();
    const items = all(aside!).filter((node) => node.tag === "li");
    expect(items.map(text)).toEqual(["检查不成立", "未使用的数据项"]);
    expect(items[0]!.attrs["data-path"]).toBe('["checks",0]');
    expect(all(root).some((node) => hasClass(node, "gr-mark"))).toBe(false);
    expect(all(parse(renderHtml(base))).some((node) => node.tag === "aside")).toBe(false);
  });
});

describe("renderHtml: escaping", () => {
  const SCRIPT = "<script>alert(1)</script>";
  const IMG = "<img src=x onerror=alert(1)>";
  const QUOTES = `"' onmouseover="alert(1)" x='`;
  // Figure ids cannot hold spaces inside {…}, so the hostile id is written without them.
  const HOSTILE_ID = "x<img/src=x/onerror=alert(1)>";

  const hostile: ReportData = {
    format: 1,
    profile: "fazhi-annual",
    meta: {
      letterhead: IMG,
      issuer: SCRIPT,
      recipient: QUOTES,
      title: `${SCRIPT}${IMG}`,
      year: 2021,
      date: IMG,
      contact: { name: SCRIPT, phone: QUOTES },
    },
    preamble: `前言${SCRIPT}{${HOSTILE_ID}}`,
    sections: [
      {
        title: IMG,
        number: SCRIPT,
        text: `${IMG}{bad}{${SCRIPT.replace(/ /g, "")}}`,
        points: [{ lead: SCRIPT, text: `${QUOTES}\n${IMG}` }],
        sections: [{ title: QUOTES }],
      },
    ],
    closing: `&lt;b&gt; ${SCRIPT}`,
    figures: { bad: IMG, [HOSTILE_ID]: { value: SCRIPT, label: QUOTES } },
  };

  it("prints hostile text as text and lets no element or attribute through", () => {
    const html = renderHtml(hostile, { marks: [{ path: ["checks", 0], severity: "error", message: IMG }, { path: ["preamble"], severity: "warning", message: QUOTES }] });
    const root = parse(html);
    const allowedTags = new Set(["div", "article", "p", "hr", "h1", "h2", "h3", "section", "span", "aside", "ul", "li"]);
    const allowedAttributes = new Set(["class", "data-path", "data-figure", "title", "lang"]);
    for (const node of all(root)) {
      expect(allowedTags.has(node.tag), `unexpected <${node.tag}>`).toBe(true);
      for (const name of Object.keys(node.attrs)) expect(allowedAttributes.has(name), `unexpected attribute ${name}`).toBe(true);
    }
    expect(all(root).some((node) => node.tag === "script" || node.tag === "img")).toBe(false);

    const shown = text(root);
    expect(shown).toContain(`${SCRIPT}${IMG}`);
    expect(shown).toContain(`前言${SCRIPT}${SCRIPT}`);
    expect(shown).toContain(`${IMG}${IMG}`);
    expect(shown).toContain(QUOTES);
    expect(shown).toContain(`&lt;b&gt; ${SCRIPT}`);
    expect(text(byPath(root, ["sections", 0, "title"])[0]!)).toBe(`${SCRIPT}${IMG}`);

    const hostileFigure = all(root).find((node) => node.attrs["data-figure"] === HOSTILE_ID);
    expect(hostileFigure?.attrs.title).toBe(`${HOSTILE_ID} = ${SCRIPT}（${QUOTES}）`);
    expect(hostileFigure?.attrs["data-path"]).toBe(JSON.stringify(["figures", HOSTILE_ID]));
    expect(byPath(root, ["preamble"])[0]!.attrs.title).toBe(QUOTES);
    expect(all(root).find((node) => node.tag === "li")!.children).toEqual([IMG]);
  });

  it("escapes the page title and forbids scripts in the standalone page", () => {
    const page = renderHtmlDocument(hostile);
    expect(page.startsWith("<!DOCTYPE html>\n")).toBe(true);
    const titleMatch = /<title>([^<]*)<\/title>/.exec(page);
    expect(titleMatch?.[1]).toBe("&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;");
    expect(page).toContain(`content="default-src 'none'; style-src 'unsafe-inline'; img-src data:"`);
    const body = page.slice(page.indexOf("<body>") + "<body>".length, page.indexOf("</body>"));
    expect(() => parse(body)).not.toThrow();
    expect(page.toLowerCase()).not.toMatch(/<script|<img/);
  });
});
