import type { core } from "zod";
import type { DataPath, Message } from "../diagnostic.js";
import type { Finding } from "./rule.js";

type Issue = core.$ZodIssue;

const TYPE_NAMES: Record<string, string> = {
  string: "文字",
  number: "数字",
  int: "整数",
  boolean: "是/否（true/false）",
  object: "键值对象",
  array: "列表",
  null: "空值",
  undefined: "空",
};

function typeName(type: string): string {
  return TYPE_NAMES[type] ?? type;
}

/** The JSON type of a value as zod names it (`array` rather than `object`). */
export function typeOf(value: unknown): string {
  if (value === null) return "null";
  if (value === undefined) return "undefined";
  if (Array.isArray(value)) return "array";
  return typeof value;
}

/** The value at a data path of a plain JS value, or undefined. */
export function valueAt(root: unknown, path: DataPath): unknown {
  let node = root;
  for (const segment of path) {
    if (node === null || typeof node !== "object") return undefined;
    node = (node as Record<string | number, unknown>)[segment];
  }
  return node;
}

const hasChinese = (text: string) => /[\u4e00-\u9fff]/.test(text);

/** Turns one zod issue into findings at the offending node, with a message a drafter understands. */
export function findingsFromIssue(issue: Issue, root: unknown): Finding[] {
  const path = issue.path.filter((segment): segment is string | number => typeof segment !== "symbol");
  const where = path.length > 0 ? path.join(".") : "（文件顶层）";
  const whereEn = path.length > 0 ? path.join(".") : "(top level)";
  switch (issue.code) {
    case "unrecognized_keys":
      return issue.keys.map((key) => ({
        at: { path: [...path, key], key: true },
        message: { zh: `不认识的字段“${key}”（位于 ${where}）`, en: `Unknown field "${key}" in ${whereEn}` },
        notes: [{ zh: "请检查拼写，或对照格式说明删除该字段。", en: "Check the spelling, or remove the field; see docs/format.md." }],
      }));
    case "invalid_type": {
      const actual = typeOf(valueAt(root, path));
      if (actual === "undefined") {
        return [{ at: { path }, message: { zh: `缺少必填字段“${String(path.at(-1) ?? "")}”（应为${typeName(issue.expected)}）`, en: `Missing required field "${String(path.at(-1) ?? "")}" (expected ${issue.expected})` } }];
      }
      return [{ at: { path }, message: { zh: `${where} 应为${typeName(issue.expected)}，实际为${typeName(actual)}`, en: `${whereEn} should be ${issue.expected}, not ${actual}` } }];
    }
    case "invalid_value":
      return [{
        at: { path },
        message: {
          zh: `${where} 的取值应为 ${issue.values.map((v) => JSON.stringify(v)).join("、")} 之一`,
          en: `${whereEn} must be one of ${issue.values.map((v) => JSON.stringify(v)).join(", ")}`,
        },
      }];
    case "invalid_union":
      if (path[0] === "figures" && path.length === 2) {
        return [{ at: { path }, message: { zh: `数据项 ${String(path[1])} 应写成带单位的数量文字（如 “105件”），或含 value 字段的对象`, en: `Figure ${String(path[1])} must be a quantity text (e.g. "105件") or an object with a value` } }];
      }
      return [{ at: { path }, message: { zh: `${where} 的写法不符合格式要求`, en: `${whereEn} does not match any allowed form` } }];
    case "too_small":
      if (issue.origin === "string") return [{ at: { path }, message: { zh: `${where} 不能为空`, en: `${whereEn} must not be empty` } }];
      if (issue.origin === "array") return [{ at: { path }, message: { zh: `${where} 至少应有 ${String(issue.minimum)} 项`, en: `${whereEn} needs at least ${String(issue.minimum)} item(s)` } }];
      return [{ at: { path }, message: { zh: `${where} 不应小于 ${String(issue.minimum)}`, en: `${whereEn} must be at least ${String(issue.minimum)}` } }];
    case "too_big":
      return [{ at: { path }, message: { zh: `${where} 不应大于 ${String(issue.maximum)}`, en: `${whereEn} must be at most ${String(issue.maximum)}` } }];
    case "invalid_format":
      return [{
        at: { path },
        message: hasChinese(issue.message)
          ? { zh: issue.message, en: `${whereEn} has the wrong format (${issue.format})` }
          : { zh: `${where} 的格式不正确`, en: `${whereEn}: ${issue.message}` },
      }];
    case "invalid_key":
      return [{ at: { path, key: true }, message: { zh: `${where} 的键名不合规`, en: `Invalid key at ${whereEn}` } }];
    default:
      return [{ at: { path }, message: { zh: `${where} 不符合格式要求`, en: `${whereEn}: ${issue.message}` } }];
  }
}

export const SCHEMA_NOTE: Message = {
  zh: "报告数据结构有误时，其他检查暂不进行；修正后会继续检查。",
  en: "While the data structure is invalid the other checks do not run; they run once it is fixed.",
};
