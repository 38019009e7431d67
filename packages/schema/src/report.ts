import { z } from "zod";
import { FIGURE_ID_PATTERN, FORMAT_VERSION, ISO_DATE_PATTERN, isCalendarDate } from "./lite.js";

// The parts that need no zod live in lite.ts; they are exported from here too, as they always were.
export { coveredRequirements, FIGURE_ID_PATTERN, figureValueText, FORMAT_VERSION, ISO_DATE_PATTERN, isCalendarDate } from "./lite.js";

/**
 * The report-data model: one annual report as structured data.
 * Descriptions are written "中文 — English" because they feed hover, completion and the JSON Schema,
 * which drafters read.
 */

export const FigureId = z
  .string()
  .regex(FIGURE_ID_PATTERN, { error: "数据项编号只能由小写字母、数字、下划线和点组成，如 litigation.cases" })
  .describe("数据项编号，由小写字母、数字、下划线和点组成，如 litigation.cases — figure id, e.g. litigation.cases");

export const RequirementId = z
  .string()
  .min(1)
  .describe("本节满足的报告规则要求项编号，如 measures、principal-duty — id of the profile requirement this part fulfils");

const Covers = z
  .union([RequirementId, z.array(RequirementId).min(1)])
  .describe("本部分满足的要求项（一个或多个） — the profile requirement(s) this part covers");

export const Prose = z
  .string()
  .describe(
    "正文。用 {数据项编号} 引用数据项，渲染时替换为其数值；换行分段 — prose; {figure-id} is replaced by the figure's text; a line break starts a new paragraph",
  );

export const Point = z
  .strictObject({
    lead: z.string().optional().describe("要点的领起句，印在“一是”之后 — the lead sentence printed after 一是/二是"),
    text: Prose.optional(),
    covers: Covers.optional(),
  })
  .describe("一个要点，按顺序编号为“一是、二是……” — one point, numbered 一是, 二是, … in order");

export const PointsLayout = z
  .enum(["paragraphs", "run-in"])
  .describe("要点排版：paragraphs 每个要点另起一段；run-in 所有要点接排为一段 — points each in a paragraph, or run in as one paragraph");

export interface SectionData {
  title: string;
  number?: string | undefined;
  covers?: string | string[] | undefined;
  text?: string | undefined;
  points?: Array<z.infer<typeof Point>> | undefined;
  layout?: z.infer<typeof PointsLayout> | undefined;
  sections?: SectionData[] | undefined;
}

export const Section: z.ZodType<SectionData> = z
  .strictObject({
    title: z.string().describe("标题（不含序号，序号按层级自动生成） — heading text without its number, which is generated from the level"),
    number: z
      .string()
      .optional()
      .describe("标题序号的原样写法；通常省略，由结构自动生成 — the heading number as written; normally left out and generated"),
    covers: Covers.optional(),
    text: Prose.optional(),
    points: z.array(Point).optional().describe("要点列表 — numbered points (一是、二是……)"),
    layout: PointsLayout.optional(),
    get sections() {
      return z.array(Section).optional().describe("下级标题 — subsections");
    },
  })
  .describe("报告的一个部分：一级标题“一、”，二级“（一）”，三级“1.”，四级“（1）” — a part of the report; levels print as 一、 （一） 1. （1）");

export const FigureValue = z
  .string()
  .min(1)
  .describe("数量表述，按原文写法，如 105份、89.85%、85万余元、近10亿元 — a quantity as written in the report");

export const FigureEntry = z
  .union([
    FigureValue,
    z.strictObject({
      value: FigureValue,
      label: z.string().optional().describe("数据项名称，如 行政诉讼案件 — what the figure counts"),
      note: z.string().optional().describe("说明（来源、口径） — a note on source or scope"),
    }),
  ])
  .describe("一个数据项：数量表述，或带名称和说明的对象 — a figure: a quantity, or an object with value, label and note");

export const Check = z
  .string()
  .min(1)
  .describe(
    "数据项之间必须成立的关系，如 review.total = review.contracts + review.documents；支持 = <= >= + - * / 和括号 — a relation between figures",
  );

export const Meta = z
  .strictObject({
    letterhead: z.string().optional().describe("发文机关标志，印在标题上方 — the issuer's name printed above the title"),
    issuer: z.string().min(1).describe("发文机关署名（全称） — the issuing authority, as signed"),
    recipient: z.string().min(1).describe("主送机关 — the authority the report is addressed to"),
    title: z.string().min(1).describe("标题，如 关于2021年度法治政府建设工作情况的报告 — the report title"),
    year: z.number().int().min(1949).max(2200).describe("报告所述年度 — the year reported on"),
    date: z
      .string()
      .regex(ISO_DATE_PATTERN, { error: "成文日期应写作 YYYY-MM-DD，如 2022-01-28" })
      .refine(isCalendarDate, { error: "成文日期不存在（请核对月份和日）" })
      .describe("成文日期，YYYY-MM-DD — the date of the report"),
    contact: z
      .strictObject({
        name: z.string().min(1).describe("联系人 — contact person"),
        phone: z.string().min(1).describe("联系电话 — contact phone number"),
      })
      .optional()
      .describe("联系人及电话，印在文末 — contact printed at the end"),
  })
  .describe("报告的基本信息 — the report's header and signature data");

export const ReportData = z
  .strictObject({
    format: z.literal(FORMAT_VERSION).describe("报告数据格式版本，目前为 1 — the report-data format version"),
    profile: z
      .string()
      .min(1)
      .describe("报告规则：内置规则编号（如 fazhi-annual）或规则文件的相对路径 — a built-in profile id or a profile file path"),
    previous: z.string().optional().describe("上一年度报告数据文件的相对路径 — path of last year's report-data file"),
    meta: Meta,
    preamble: Prose.optional().describe("开头段落（导语） — the opening paragraph(s)"),
    sections: z.array(Section).describe("正文各部分 — the report body"),
    closing: Prose.optional().describe("结束语，如 特此报告。 — the closing line"),
    figures: z
      .record(FigureId, FigureEntry)
      .optional()
      .describe("报告中出现的全部数据项，每项只写一次 — every quantity the report states, once"),
    checks: z.array(Check).optional().describe("数据项之间必须成立的关系 — relations the figures must satisfy"),
  })
  .describe("法治政府建设年度报告等报告的数据文件 — a govreport report-data file");

export type ReportData = z.infer<typeof ReportData>;
export type Meta = z.infer<typeof Meta>;
export type Point = z.infer<typeof Point>;
export type Section = SectionData;
export type FigureEntry = z.infer<typeof FigureEntry>;
