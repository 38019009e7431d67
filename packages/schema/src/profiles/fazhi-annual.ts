import type { Profile } from "../profile.js";

const REGULATION = "《法治政府建设与责任落实督察工作规定》";
const REGULATION_NUMBER = "厅字〔2019〕28号";
const CONTENT_NOTE = "年度报告的五项基本内容，见该规定第四章“年度报告”，各地实施文件均照此列明";

/**
 * The built-in profile for 法治政府建设年度报告, from the national regulation. Written as the schema's output, with
 * every default spelled out, so that loading it costs nothing: every run of the CLI loads it, and parsing it cost a
 * few milliseconds of a one-report check. The type holds it to the schema's shape; a test holds it equal to its parse.
 */
export const fazhiAnnual: Profile = {
  format: 1,
  id: "fazhi-annual",
  name: "法治政府建设年度报告",
  description:
    "地方各级政府和县级以上政府部门每年报告上一年度法治政府建设情况 — the annual report on law-based government construction",
  ordered: true,
  requirements: [
    {
      id: "measures",
      title: "上一年度推进法治政府建设的主要举措和成效",
      required: true,
      placement: "section",
      headings: ["主要举措和成效", "主要工作及成效", "主要工作和成效", "工作开展情况", "主要工作开展情况", "工作成效", "主要做法和成效"],
      source: { document: REGULATION, number: REGULATION_NUMBER, note: CONTENT_NOTE },
    },
    {
      id: "principal-duty",
      title: "上一年度党政主要负责人履行推进法治建设第一责任人职责，加强法治政府建设的有关情况",
      required: true,
      headings: ["第一责任人职责", "党政主要负责人履行推进法治建设第一责任人职责"],
      placement: "anywhere",
      source: { document: REGULATION, number: REGULATION_NUMBER, note: CONTENT_NOTE },
    },
    {
      id: "shortcomings",
      title: "上一年度推进法治政府建设存在的不足和原因",
      required: true,
      placement: "section",
      headings: ["存在的不足和原因", "存在的问题和困难", "存在的问题和不足", "存在的主要问题", "存在的不足", "存在问题"],
      source: { document: REGULATION, number: REGULATION_NUMBER, note: CONTENT_NOTE },
    },
    {
      id: "plans",
      title: "下一年度推进法治政府建设的主要安排",
      required: true,
      placement: "section",
      headings: ["{next}年度推进法治政府建设的主要安排", "{next}年推进法治政府建设的主要安排", "主要安排", "下一步工作打算", "下一步工作安排", "工作打算"],
      names: "next-year",
      source: { document: REGULATION, number: REGULATION_NUMBER, note: CONTENT_NOTE },
    },
    {
      id: "other",
      title: "其他需要报告的情况",
      placement: "section",
      required: false,
      headings: ["其他需要报告的情况", "其他情况"],
      source: { document: REGULATION, number: REGULATION_NUMBER, note: CONTENT_NOTE },
    },
  ],
  deadline: {
    month: 3,
    day: 31,
    yearOffset: 1,
    description: "每年第一季度报告上一年度法治政府建设情况，4月1日之前向社会公开",
    source: {
      document: REGULATION,
      article: "第二十四条",
      number: REGULATION_NUMBER,
      note: "第二十四条：每年4月1日之前，法治政府建设年度报告应当通过报刊、网站等新闻媒体向社会公开；各地按第一季度报送",
    },
  },
  formulations: [
    {
      text: "职能科学、权责法定、执法严明、公开公正、智能高效、廉洁诚信、人民满意的法治政府",
      parts: ["职能科学", "权责法定", "执法严明", "公开公正", "智能高效", "廉洁诚信", "人民满意"],
      source: { document: "《法治政府建设实施纲要（2021－2025年）》", number: "中发〔2021〕33号" },
    },
  ],
};

export const builtinProfiles: ReadonlyMap<string, Profile> = new Map([[fazhiAnnual.id, fazhiAnnual]]);
