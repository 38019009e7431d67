import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { check, pick, type Language } from "@govreport/core";
import { builtinProfiles, figureValueText, Profile, type ReportData } from "@govreport/schema";
import { parse as parseYaml, stringify } from "yaml";
import { fileHost } from "../file-host.js";
import { EXIT, UsageError, type Io } from "../io.js";

export interface InitCommandOptions {
  readonly profile: string | undefined;
  readonly year: string | undefined;
  readonly from: string | undefined;
  readonly output: string | undefined;
  readonly language: Language;
}

/**
 * The text every value still to be written gets. It is one of the placeholders the `placeholder-left` rule knows,
 * so `govreport check` lists each one until it is replaced.
 */
export const PLACEHOLDER = "待补充";

/** A scalar as YAML writes it: quoted when it would otherwise read as a number, a date, `true` or a key. */
function scalar(value: string): string {
  return stringify(value, { lineWidth: 0 }).trimEnd();
}

function loadProfile(reference: string, cwd: string): { profile: Profile; file: string | undefined } {
  const builtin = builtinProfiles.get(reference);
  if (builtin) return { profile: builtin, file: undefined };
  if (!/[./\\]/.test(reference)) {
    throw new UsageError(`没有名为“${reference}”的内置报告规则（可用：${[...builtinProfiles.keys()].join("、")}） — no built-in profile "${reference}"`);
  }
  const file = path.resolve(cwd, reference);
  let data: unknown;
  try {
    data = parseYaml(readFileSync(file, "utf8"), { maxAliasCount: 100, logLevel: "error" });
  } catch (error) {
    throw new UsageError(`无法读取报告规则文件 ${reference}：${error instanceof Error ? error.message : String(error)} — cannot read the profile file`);
  }
  const parsed = Profile.safeParse(data);
  if (!parsed.success) {
    const details = parsed.error.issues.slice(0, 5).map((issue) => `${issue.path.map(String).join(".") || "(top)"}: ${issue.message}`);
    throw new UsageError(`报告规则文件 ${reference} 格式有误：${details.join("；")} — the profile file is invalid`);
  }
  return { profile: parsed.data, file };
}

function loadPreviousReport(reference: string, cwd: string, language: Language): { report: ReportData; file: string } {
  const file = path.resolve(cwd, reference);
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    throw new UsageError(`无法读取上年报告 ${reference}（${(error as NodeJS.ErrnoException).code ?? "error"}） — cannot read ${reference}`);
  }
  const result = check(text, { fileName: file, host: fileHost });
  if (!result.report) {
    const first = result.diagnostics[0];
    const where = first ? result.source.lineIndex.positionAt(first.range.start) : undefined;
    throw new UsageError(
      `上年报告 ${reference} 不是有效的报告数据，无法沿用 — ${reference} is not valid report data` +
        (first && where ? `\n${reference}:${where.line + 1}:${where.character + 1}  ${pick(first.message, language)}` : ""),
    );
  }
  return { report: result.report, file };
}

/** `target` as a relative path from `fromDir`, `/`-separated and starting with `./` or `../`. */
function relativeReference(fromDir: string, target: string): string {
  const relative = path.relative(fromDir, target).split(path.sep).join("/");
  return relative.startsWith("../") ? relative : `./${relative}`;
}

/** A requirement's wording with the years written out, which is how report headings read. */
export function headingFor(title: string, year: number, namesNextYear: boolean): string {
  const heading = title
    .replace(/上一年度|上年度|本年度/g, `${year}年度`)
    .replace(/下一年度|下年度/g, `${year + 1}年度`);
  return namesNextYear && !heading.includes(String(year + 1)) ? `${year + 1}年${heading}` : heading;
}

export function renderSkeleton(input: {
  profile: Profile;
  profileReference: string;
  year: number;
  previous?: { report: ReportData; reference: string } | undefined;
}): string {
  const { profile, year, previous } = input;
  const last = previous?.report;
  const lines: string[] = [
    `# ${year} 年度${profile.name}的框架，由 govreport init 生成。`,
    `# 把每一处“${PLACEHOLDER}”换成实际内容；govreport check 会逐一标出尚未填写的地方。`,
    `format: 1`,
    `profile: ${scalar(input.profileReference)}`,
  ];
  if (previous) lines.push(`previous: ${scalar(previous.reference)}`);
  lines.push("", "meta:");
  if (last?.meta.letterhead !== undefined) lines.push(`  letterhead: ${scalar(last.meta.letterhead)}`);
  lines.push(`  issuer: ${scalar(last?.meta.issuer ?? PLACEHOLDER)}`);
  lines.push(`  recipient: ${scalar(last?.meta.recipient ?? PLACEHOLDER)}`);
  const lastTitle = last?.meta.title;
  const title = lastTitle && lastTitle.includes(String(last.meta.year)) ? lastTitle.replaceAll(String(last.meta.year), String(year)) : `关于${year}年度${profile.name.replace(/年度报告$/, "")}工作情况的报告`;
  lines.push(`  title: ${scalar(title)}`);
  lines.push(`  year: ${year}`);
  const deadline = profile.deadline;
  const date = deadline
    ? `${year + deadline.yearOffset}-${String(deadline.month).padStart(2, "0")}-${String(deadline.day).padStart(2, "0")}`
    : `${year + 1}-01-01`;
  lines.push(`  # 成文日期：暂填${deadline ? "报送截止日" : "次年 1 月 1 日"}，请改为实际日期。`);
  lines.push(`  date: ${scalar(date)}`);
  if (last?.meta.contact) lines.push(`  contact: { name: ${scalar(last.meta.contact.name)}, phone: ${scalar(last.meta.contact.phone)} }`);

  lines.push("", "sections:");
  for (const requirement of profile.requirements.filter((each) => each.required)) {
    lines.push(`  - title: ${scalar(headingFor(requirement.title, year, requirement.names === "next-year"))}`);
    lines.push(`    covers: ${scalar(requirement.id)}`);
    lines.push(`    text: ${PLACEHOLDER}`);
  }
  const optional = profile.requirements.filter((each) => !each.required);
  if (optional.length > 0) {
    lines.push(`  # 可选内容（需要时取消注释）：`);
    for (const requirement of optional) {
      lines.push(`  # - title: ${headingFor(requirement.title, year, requirement.names === "next-year")}`, `  #   covers: ${requirement.id}`);
    }
  }
  lines.push("", "closing: 特此报告。");

  const figures = Object.entries(last?.figures ?? {});
  if (last && figures.length > 0) {
    lines.push("", `# 沿用 ${last.meta.year} 年度报告的数据项编号；value 待补充，note 中是上年的数值，供对照。`, "figures:");
    for (const [id, entry] of figures) {
      const label = typeof entry === "string" ? undefined : entry.label;
      lines.push(`  ${id}:`, `    value: ${PLACEHOLDER}`);
      if (label !== undefined) lines.push(`    label: ${scalar(label)}`);
      lines.push(`    note: ${scalar(`${last.meta.year}年度：${figureValueText(entry)}`)}`);
    }
  }
  return `${lines.join("\n")}\n`;
}

export async function runInit(options: InitCommandOptions, io: Io): Promise<number> {
  if (options.profile === undefined) throw new UsageError("请用 --profile 指定报告规则，如 --profile fazhi-annual — name the profile with --profile");
  if (options.year === undefined) throw new UsageError("请用 --year 指定报告年度，如 --year 2022 — give the year with --year");
  if (!/^\d{4}$/.test(options.year) || Number(options.year) < 1949 || Number(options.year) > 2200) {
    throw new UsageError(`--year 应为四位年份，而不是“${options.year}” — --year must be a four-digit year`);
  }
  const year = Number(options.year);
  const target = options.output === undefined ? undefined : path.resolve(io.cwd, options.output);
  if (target && existsSync(target)) throw new UsageError(`${options.output} 已存在，不会覆盖 — ${options.output} exists; it is not overwritten`);
  const baseDir = target ? path.dirname(target) : io.cwd;

  const { profile, file: profileFile } = loadProfile(options.profile, io.cwd);
  const previous = options.from === undefined ? undefined : loadPreviousReport(options.from, io.cwd, options.language);
  const text = renderSkeleton({
    profile,
    profileReference: profileFile ? relativeReference(baseDir, profileFile) : profile.id,
    year,
    previous: previous ? { report: previous.report, reference: relativeReference(baseDir, previous.file) } : undefined,
  });
  if (target) {
    try {
      mkdirSync(path.dirname(target), { recursive: true });
      writeFileSync(target, text, { encoding: "utf8", flag: "wx" });
    } catch (error) {
      throw new UsageError(`无法写入 ${options.output}（${(error as NodeJS.ErrnoException).code ?? "error"}） — cannot write ${options.output}`);
    }
    io.stderr.write(options.language === "en" ? `Created ${options.output}\n` : `已生成 ${options.output}\n`);
  } else {
    io.stdout.write(text);
  }
  return EXIT.clean;
}
