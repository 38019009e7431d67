import { z } from "zod";

/**
 * A profile is the rulebook of one kind of report: which items it must contain, in what order, what they
 * may be called, when it is due and which official formulations it quotes. Profiles are data, so a team can
 * write one for another kind of report as a YAML file.
 */

export const SourceRef = z
  .strictObject({
    document: z.string().min(1).describe("依据文件名称，如《法治政府建设与责任落实督察工作规定》 — source document"),
    article: z.string().optional().describe("条款，如 第二十四条 — the article"),
    number: z.string().optional().describe("文号，如 厅字〔2019〕28号 — the document number"),
    note: z.string().optional().describe("补充说明 — a note on how the source applies"),
  })
  .describe("规则依据 — where a rule comes from");

export const Requirement = z
  .strictObject({
    id: z
      .string()
      .regex(/^[a-z][a-z0-9-]*$/, { error: "要求项编号只能由小写字母、数字和连字符组成" })
      .describe("要求项编号，报告中用 covers 引用 — the id a report's `covers` names"),
    title: z.string().min(1).describe("要求项的正式表述 — the requirement's official wording"),
    required: z.boolean().default(true).describe("是否必须具备 — whether the report must contain it"),
    headings: z
      .array(z.string().min(1))
      .default([])
      .describe(
        "起草人实际使用的标题写法；{year} 表示报告年度，{next} 表示下一年度 — heading variants drafters use; {year} and {next} stand for the years",
      ),
    placement: z
      .enum(["section", "anywhere"])
      .default("section")
      .describe("section：须为一级标题；anywhere：也可写在某个要点或下级标题中 — a top-level section, or anywhere (a point or subsection)"),
    names: z
      .enum(["next-year"])
      .optional()
      .describe("该部分标题须写明的年度：next-year 即下一年度 — the year its heading must name"),
    source: SourceRef,
  })
  .describe("报告必须（或可以）包含的一项内容 — one item a report must (or may) contain");

export const Deadline = z
  .strictObject({
    month: z.number().int().min(1).max(12).describe("截止月份 — month"),
    day: z.number().int().min(1).max(31).describe("截止日（含） — last day, inclusive"),
    yearOffset: z.number().int().min(0).max(2).default(1).describe("相对于报告年度的年份偏移，1 表示次年 — years after the reported year"),
    description: z.string().min(1).describe("截止时间的正式表述 — the deadline as the rule states it"),
    source: SourceRef,
  })
  .describe("成文日期的截止时间 — the latest date the report may bear");

export const Formulation = z
  .strictObject({
    text: z.string().min(1).describe("原文表述 — the formulation as the source words it"),
    parts: z
      .array(z.string().min(1))
      .optional()
      .describe("可被单独引用的组成部分（按顿号分隔）；省略时按“、”切分 — the parts a quotation is matched by"),
    source: SourceRef,
  })
  .describe("须原文引用的正式表述 — an official formulation quoted verbatim");

export const Profile = z
  .strictObject({
    format: z.literal(1).describe("报告规则格式版本，目前为 1 — the profile format version"),
    id: z
      .string()
      .regex(/^[a-z][a-z0-9-]*$/, { error: "规则编号只能由小写字母、数字和连字符组成" })
      .describe("规则编号 — profile id"),
    name: z.string().min(1).describe("报告种类名称 — the kind of report"),
    description: z.string().optional().describe("说明 — what the profile is for"),
    ordered: z.boolean().default(true).describe("必备内容是否须按规定顺序排列 — whether required items must appear in order"),
    requirements: z.array(Requirement).min(1).describe("报告的内容要求 — the items of the report"),
    deadline: Deadline.optional(),
    formulations: z.array(Formulation).default([]).describe("须原文引用的正式表述 — official formulations"),
  })
  .describe("报告规则：一类报告的内容要求、顺序、时限和规范表述 — a report profile");

export type Profile = z.infer<typeof Profile>;
export type ProfileInput = z.input<typeof Profile>;
export type Requirement = z.infer<typeof Requirement>;
export type Deadline = z.infer<typeof Deadline>;
export type Formulation = z.infer<typeof Formulation>;
export type SourceRef = z.infer<typeof SourceRef>;
