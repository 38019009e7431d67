import type { BuiltinRule } from "../engine/rule.js";

/**
 * What: the file is not well-formed YAML or JSON (bad indentation, a missing quote, a duplicate key, a tab used
 * for indentation, an alias that expands without bound).
 * Why: nothing else can be checked until the file can be read as data; a duplicate key silently loses a value.
 * Fix: correct the text at the marked place; quote values that contain `:` or `#`.
 */
export const syntaxError: BuiltinRule = {
  meta: {
    id: "syntax-error",
    title: { zh: "YAML/JSON 语法错误", en: "YAML/JSON syntax error" },
    category: "input",
    severity: "error",
    docs: {
      what: { zh: "文件不是合法的 YAML 或 JSON：缩进错误、缺引号、重复的键、用 Tab 缩进、别名无限展开等。", en: "The file is not well-formed YAML or JSON: bad indentation, a missing quote, a duplicate key, tab indentation, runaway aliases." },
      why: { zh: "文件读不成数据，其他检查都无法进行；重复的键会悄悄丢掉一个值。", en: "Nothing else can be checked until the file reads as data; a duplicate key silently drops a value." },
      fix: { zh: "按提示位置改正；含有冒号或井号的值请加引号。", en: "Correct the text at the marked place; quote values containing `:` or `#`." },
    },
  },
};
