import { parseArgs } from "node:util";
import type { Language } from "@govreport/core";
import { EXIT, isUsageError, UsageError, type Io } from "./io.js";
import { standardError, standardOutput, type Settles } from "./standard-output.js";
import { VERSION } from "./version.js";

export const HELP = `govreport ${VERSION} — 法治政府建设年度报告等报告数据的检查工具
govreport checks report-data files of government annual reports.

用法 Usage:
  govreport check [选项] <文件、目录或通配符…>   检查报告数据文件 check report-data files
  govreport init --profile <规则> --year <年度> [--from <上年报告>] [--output <文件>]
                                               生成新一年的报告框架 create a report skeleton
  govreport render [--format text|html] [--output <文件>] <文件>
                                               按印发格式排版输出 render a report
  govreport import [--output <文件>] <文件>       把现有报告（.txt/.md/.docx）转换为报告数据
                                               turn an existing report into report-data
  govreport schema [report|profile]            输出 JSON Schema print the JSON Schema

check 选项 options:
  -f, --format <格式>    stylish|json|sarif|github|junit（默认 stylish；仅在终端中使用颜色）
                         output format (default stylish; colour only on a terminal)
  -o, --output <文件>    把结果写入文件 write the report to a file
  -q, --quiet            只报告错误 report errors only
  --max-warnings <N>     警告超过 N 个即视为失败 fail when there are more than N warnings
  --fix                  应用安全的自动修复并写回文件 apply safe fixes and write the files back
  -c, --config <文件>    对所有文件使用此配置，不再逐级查找 govreport.config.yaml
                         use this config for every file instead of looking for govreport.config.yaml
  --ignore-path <文件>   忽略文件（gitignore 语法，默认 .govreportignore）ignore file (default .govreportignore)
  --threads <N>          工作线程数（默认按文件数和处理器核数选择，0 为只用主线程）
                         worker threads (default: by file count and cores; 0: main thread only)

通用选项 Common options:
  --lang zh|en           消息语言（默认 zh） message language (default zh)
  -h, --help             显示帮助 show this help
  -v, --version          显示版本 show the version

退出码 Exit codes:
  0  没有错误（且警告未超过 --max-warnings） no errors, warnings within --max-warnings
  1  发现错误，或警告超过 --max-warnings    errors found, or more warnings than --max-warnings
  2  用法错误、文件无法读写、配置文件有误或检查规则内部出错
     usage error, unreadable/unwritable file, invalid config, or a rule failed internally
`;

const OPTIONS = {
  format: { type: "string", short: "f" },
  output: { type: "string", short: "o" },
  quiet: { type: "boolean", short: "q" },
  "max-warnings": { type: "string" },
  fix: { type: "boolean" },
  config: { type: "string", short: "c" },
  "ignore-path": { type: "string" },
  threads: { type: "string" },
  profile: { type: "string" },
  year: { type: "string" },
  from: { type: "string" },
  lang: { type: "string" },
  help: { type: "boolean", short: "h" },
  version: { type: "boolean", short: "v" },
} as const;

type OptionName = keyof typeof OPTIONS;

const COMMAND_OPTIONS: Record<string, readonly OptionName[]> = {
  check: ["format", "output", "quiet", "max-warnings", "fix", "config", "ignore-path", "threads"],
  init: ["profile", "year", "from", "output"],
  render: ["format", "output"],
  import: ["output"],
  schema: [],
};
const COMMON_OPTIONS: readonly OptionName[] = ["lang", "help", "version"];

export async function main(argv: readonly string[], io: Io = processIo()): Promise<number> {
  try {
    const { values, positionals } = parseArgs({ args: [...argv], allowPositionals: true, strict: true, options: OPTIONS });
    const [command, ...rest] = positionals;
    if (values.version) {
      io.stdout.write(`${VERSION}\n`);
      return EXIT.clean;
    }
    if (values.help || command === "help") {
      io.stdout.write(HELP);
      return EXIT.clean;
    }
    if (command === undefined) {
      io.stderr.write(HELP);
      return EXIT.usage;
    }
    const allowed = COMMAND_OPTIONS[command];
    if (!allowed) throw new UsageError(`未知命令“${command}”，可用：check、init、render、import、schema — unknown command "${command}"; see govreport --help`);
    for (const name of Object.keys(values) as OptionName[]) {
      if (!allowed.includes(name) && !COMMON_OPTIONS.includes(name)) {
        throw new UsageError(`${command} 命令不接受 --${name} 选项 — ${command} does not take --${name}`);
      }
    }
    const language = parseLanguage(values.lang);
    // Commands load on demand: a check never pays for the renderer, a render never for globbing.
    switch (command) {
      case "check": {
        const { runCheck } = await import("./commands/check.js");
        return await runCheck(
          {
            patterns: rest,
            language,
            format: values.format,
            output: values.output,
            quiet: values.quiet,
            maxWarnings: parseCount(values["max-warnings"], "--max-warnings"),
            fix: values.fix,
            config: values.config,
            ignorePath: values["ignore-path"],
            threads: parseCount(values.threads, "--threads"),
          },
          io,
        );
      }
      case "init": {
        if (rest.length > 0) throw new UsageError(`init 不接受文件参数“${rest.join(" ")}”，用 --output 指定输出文件 — init takes no file arguments; use --output`);
        const { runInit } = await import("./commands/init.js");
        return await runInit({ profile: values.profile, year: values.year, from: values.from, output: values.output, language }, io);
      }
      case "render": {
        if (rest.length > 1) throw new UsageError("render 一次只能排版一个文件 — render takes one file");
        const { runRender } = await import("./commands/render.js");
        return await runRender({ file: rest[0], format: values.format ?? "text", output: values.output, language }, io);
      }
      case "import": {
        if (rest.length !== 1 || rest[0] === undefined) throw new UsageError("import 需要且只接受一个文件 — import takes exactly one file");
        const { runImport } = await import("./commands/import.js");
        return await runImport({ file: rest[0], output: values.output, language }, io);
      }
      default: {
        if (rest.length > 1) throw new UsageError("schema 只接受一个参数：report 或 profile — schema takes one argument");
        const { runSchema } = await import("./commands/schema.js");
        return await runSchema(rest[0], io);
      }
    }
  } catch (error) {
    if (isUsageError(error)) {
      io.stderr.write(`govreport: ${(error as Error).message}\n`);
      return EXIT.usage;
    }
    // Node's argument parser explains in English only; the drafter gets the gist in Chinese first.
    if ((error as { code?: string }).code?.startsWith("ERR_PARSE_ARGS")) {
      io.stderr.write(`govreport: 命令行参数有误（用法见 govreport --help） — ${(error as Error).message}\n`);
      return EXIT.usage;
    }
    io.stderr.write(`govreport: 内部错误 internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    return EXIT.usage;
  }
}

function parseLanguage(value: string | undefined): Language {
  if (value === undefined || value === "zh") return "zh";
  if (value === "en") return "en";
  throw new UsageError(`--lang 只能是 zh 或 en — --lang must be zh or en`);
}

function parseCount(value: string | undefined, flag: string): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value)) throw new UsageError(`${flag} 应为非负整数，而不是“${value}” — ${flag} must be a whole number ≥ 0, not "${value}"`);
  return Number(value);
}

/**
 * The process's output, folder and environment; `workerScript` lets a check use worker threads. `settled` tells
 * whether all output has been handed to the operating system (see entry.ts).
 */
export function processIo(workerScript?: string): Io & Settles {
  const stdout = standardOutput();
  const stderr = standardError();
  return { stdout, stderr, cwd: process.cwd(), env: process.env, workerScript, settled: () => stdout.settled() && stderr.settled() };
}
