import type { BuiltinRule } from "../engine/rule.js";

/**
 * What: the profile the report names (`profile:`) is neither a built-in profile nor a readable, valid profile file.
 * Why: the profile says which sections are required and when the report is due; without it those checks cannot run.
 * Fix: use a built-in id such as `fazhi-annual`, or correct the path or the content of the profile file.
 */
export const profileInvalid: BuiltinRule = {
  meta: {
    id: "profile-invalid",
    title: { zh: "报告规则无法加载", en: "Profile cannot be loaded" },
    category: "input",
    severity: "error",
    docs: {
      what: { zh: "profile 指定的报告规则既不是内置规则，也不是可读取的有效规则文件。", en: "The profile named by `profile:` is neither built in nor a readable, valid profile file." },
      why: { zh: "报告规则规定了必备内容和报送时限，加载不了就无法检查这些内容。", en: "The profile defines required sections and the deadline; without it those checks cannot run." },
      fix: { zh: "改用内置规则编号（如 fazhi-annual），或修正规则文件的路径或内容。", en: "Use a built-in id such as fazhi-annual, or fix the profile file's path or content." },
    },
  },
};
