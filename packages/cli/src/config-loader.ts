import path from "node:path";
import { allRuleMeta, ConfigResolver, formatDiagnostic, type ConfigProblem, type Language } from "@govreport/core";
import { configFileHost } from "./file-host.js";
import { toDisplayPath } from "./files.js";

export function createConfigResolver(cwd: string, configFile: string | undefined): ConfigResolver {
  return new ConfigResolver(configFileHost, {
    ruleIds: allRuleMeta().map((meta) => meta.id),
    configFile: configFile === undefined ? undefined : path.resolve(cwd, configFile),
  });
}

/** Config problems, each once, printed like findings: location, message, code frame. */
export function formatConfigProblems(problems: readonly ConfigProblem[], cwd: string, language: Language): string {
  const seen = new Set<string>();
  const blocks: string[] = [];
  for (const problem of problems) {
    const key = `${problem.fileName}\u0000${problem.diagnostic.range.start}\u0000${problem.diagnostic.message.en}`;
    if (seen.has(key)) continue;
    seen.add(key);
    blocks.push(formatDiagnostic(toDisplayPath(cwd, problem.fileName), problem.source.lineIndex, problem.diagnostic, language));
  }
  const count = blocks.length;
  blocks.push(language === "en" ? `The configuration has ${count} error(s); nothing was checked.` : `配置文件有 ${count} 处错误，未作检查。`);
  return `${blocks.join("\n\n")}\n`;
}
