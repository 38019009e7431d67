import { z } from "zod";
import { CONFIGURED_SEVERITIES } from "./lite.js";

// The model of `govreport.config.yaml`, the project settings the command line and the editor both read.

export const RuleSeveritySetting = z
  .enum(CONFIGURED_SEVERITIES)
  .describe("规则的严重程度，off 为关闭 — a rule's severity, or off");

export const RuleSettings = z
  .record(z.string(), RuleSeveritySetting)
  .describe("按规则编号设置严重程度，如 placeholder-left: warning — severity by rule id");

const PathList = z.union([z.string().min(1), z.array(z.string().min(1)).min(1)]);

export const ConfigOverride = z
  .strictObject({
    files: PathList.describe("适用的文件（通配符，相对于本配置文件所在目录） — globs relative to this config file's folder"),
    rules: RuleSettings.optional(),
    profile: z.string().min(1).optional().describe("这些文件使用的报告规则 — the profile for these files"),
  })
  .describe("对部分文件另行设置 — settings for some files only");

export const GovreportConfig = z
  .strictObject({
    extends: PathList.optional().describe("继承的配置文件（相对路径） — config file(s) this one builds on, relative paths"),
    profile: z
      .string()
      .min(1)
      .optional()
      .describe("报告规则：内置规则编号或规则文件的相对路径，优先于报告中的 profile — a built-in profile id or a path; wins over the report's own"),
    rules: RuleSettings.optional(),
    overrides: z.array(ConfigOverride).optional().describe("按文件另行设置，后写的优先 — per-file settings, later ones win"),
  })
  .describe("govreport 配置文件 — a govreport.config.yaml");

export type GovreportConfig = z.infer<typeof GovreportConfig>;
export type ConfigOverride = z.infer<typeof ConfigOverride>;
