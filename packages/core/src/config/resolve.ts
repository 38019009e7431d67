import { builtinProfiles, CONFIG_FILE_NAME } from "@govreport/schema/lite";
import type { ConfiguredSeverity, DataPath, Diagnostic, Message } from "../diagnostic.js";
import { SourceDocument } from "../document/source-document.js";
import { matchesGlob } from "./glob.js";
import { configDiagnostic, parseConfig, type ParseConfigOptions } from "./parse.js";
import { dirnameOf, normalizePath, relativePath, resolvePath } from "./paths.js";

/** How the config model reads files: absolute paths in, text or undefined (missing, unreadable) out. */
export interface ConfigHost {
  readFile(absolutePath: string): string | undefined;
}

/** A problem in one config file, with that file's text so an edge can print a code frame. */
export interface ConfigProblem {
  readonly fileName: string;
  readonly source: SourceDocument;
  readonly diagnostic: Diagnostic;
}

export interface LoadedOverride {
  /** The folder of the config file that declared it; its globs are relative to this folder. */
  readonly baseDir: string;
  readonly files: readonly string[];
  readonly rules: Readonly<Record<string, ConfiguredSeverity>>;
  readonly profile: string | undefined;
}

/** A config file with its whole `extends` chain merged. Paths in it are absolute. */
export interface LoadedConfig {
  readonly fileName: string;
  /** Every config file that contributed, the most basic first and this one last. */
  readonly chain: readonly string[];
  /** A built-in profile id, or the absolute path of a profile file. */
  readonly profile: string | undefined;
  readonly rules: Readonly<Record<string, ConfiguredSeverity>>;
  readonly overrides: readonly LoadedOverride[];
  readonly problems: readonly ConfigProblem[];
}

/** What applies to one report file. */
export interface FileSettings {
  /** The config file that applies, if any. */
  readonly configFile: string | undefined;
  readonly rules: Readonly<Record<string, ConfiguredSeverity>>;
  readonly profile: string | undefined;
  readonly problems: readonly ConfigProblem[];
}

interface Layer {
  readonly chain: string[];
  readonly profile: string | undefined;
  readonly rules: Record<string, ConfiguredSeverity>;
  readonly overrides: LoadedOverride[];
}

const EMPTY_LAYER: Layer = { chain: [], profile: undefined, rules: {}, overrides: [] };

/**
 * Reads a config file and the files it extends (relative paths, resolved against the extending file's folder).
 * Later layers win: a file's own `rules` override those it extends, its `overrides` come after theirs.
 * Problems anywhere in the chain are collected, never thrown.
 */
export function loadConfig(fileName: string, host: ConfigHost, options: ParseConfigOptions): LoadedConfig {
  const problems: ConfigProblem[] = [];
  const root = normalizePath(fileName);
  const text = safeRead(host, root);
  if (text === undefined) {
    const source = new SourceDocument("", "yaml");
    problems.push({
      fileName: root,
      source,
      diagnostic: configDiagnostic({ start: 0, end: 0 }, { zh: `无法读取配置文件 ${root}`, en: `Cannot read the config file ${root}` }),
    });
    return { fileName: root, ...EMPTY_LAYER, chain: [root], problems };
  }
  const layer = loadLayer(root, text, [root], host, options, problems);
  return { fileName: root, chain: layer.chain, profile: layer.profile, rules: layer.rules, overrides: layer.overrides, problems };
}

function loadLayer(fileName: string, text: string, stack: readonly string[], host: ConfigHost, options: ParseConfigOptions, problems: ConfigProblem[]): Layer {
  const parsed = parseConfig(text, fileName, options);
  const report = (path: DataPath, message: Message) =>
    problems.push({ fileName, source: parsed.source, diagnostic: configDiagnostic(parsed.source.rangeOf(path), message, path) });
  for (const diagnostic of parsed.diagnostics) problems.push({ fileName, source: parsed.source, diagnostic });
  const config = parsed.config;
  if (!config) return { ...EMPTY_LAYER, chain: [fileName] };

  const dir = dirnameOf(fileName);
  let base: Layer = EMPTY_LAYER;
  const bases = config.extends === undefined ? [] : typeof config.extends === "string" ? [config.extends] : config.extends;
  bases.forEach((reference, index) => {
    const path: DataPath = typeof config.extends === "string" ? ["extends"] : ["extends", index];
    const target = resolvePath(dir, reference);
    if (stack.includes(target)) {
      report(path, {
        zh: `配置文件循环继承：${[...stack, target].join(" → ")}`,
        en: `Config files extend each other in a cycle: ${[...stack, target].join(" -> ")}`,
      });
      return;
    }
    const baseText = safeRead(host, target);
    if (baseText === undefined) {
      report(path, { zh: `找不到要继承的配置文件“${reference}”（${target}）`, en: `Config file to extend not found: "${reference}" (${target})` });
      return;
    }
    base = mergeLayers(base, loadLayer(target, baseText, [...stack, target], host, options, problems));
  });

  const profileOf = (reference: string | undefined, path: DataPath) => (reference === undefined ? undefined : resolveProfileReference(reference, dir, path, host, report));
  const own: Layer = {
    chain: [fileName],
    profile: profileOf(config.profile, ["profile"]),
    rules: { ...(config.rules ?? {}) },
    overrides: (config.overrides ?? []).map((override, index) => ({
      baseDir: dir,
      files: typeof override.files === "string" ? [override.files] : override.files,
      rules: { ...(override.rules ?? {}) },
      profile: profileOf(override.profile, ["overrides", index, "profile"]),
    })),
  };
  return mergeLayers(base, own);
}

function mergeLayers(base: Layer, top: Layer): Layer {
  return {
    chain: [...base.chain, ...top.chain],
    profile: top.profile ?? base.profile,
    rules: { ...base.rules, ...top.rules },
    overrides: [...base.overrides, ...top.overrides],
  };
}

/** A built-in id stays as it is; a path becomes absolute, so it means the same whichever report uses it. */
function resolveProfileReference(reference: string, dir: string, path: DataPath, host: ConfigHost, report: (path: DataPath, message: Message) => void): string | undefined {
  if (builtinProfiles.has(reference)) return reference;
  if (!/[./\\]/.test(reference)) {
    const known = [...builtinProfiles.keys()];
    report(path, {
      zh: `没有名为“${reference}”的内置报告规则（可用：${known.join("、")}）；规则文件请写相对路径，如 ./team.profile.yaml`,
      en: `No built-in profile "${reference}" (available: ${known.join(", ")}); write a profile file as a relative path such as ./team.profile.yaml`,
    });
    return undefined;
  }
  const target = resolvePath(dir, reference);
  if (safeRead(host, target) === undefined) {
    report(path, { zh: `找不到报告规则文件“${reference}”（${target}）`, en: `Profile file "${reference}" not found (${target})` });
    return undefined;
  }
  return target;
}

function safeRead(host: ConfigHost, path: string): string | undefined {
  try {
    return host.readFile(path);
  } catch {
    return undefined;
  }
}

/** The rules and profile that apply to `filePath` (absolute) under a loaded config: top level, then matching overrides in order. */
export function settingsForFile(config: LoadedConfig, filePath: string): FileSettings {
  const file = normalizePath(filePath);
  const rules: Record<string, ConfiguredSeverity> = { ...config.rules };
  let profile = config.profile;
  for (const override of config.overrides) {
    const relative = relativePath(override.baseDir, file);
    if (relative.startsWith("../")) continue;
    if (!override.files.some((pattern) => matchesGlob(pattern, relative))) continue;
    Object.assign(rules, override.rules);
    profile = override.profile ?? profile;
  }
  return { configFile: config.fileName, rules, profile, problems: config.problems };
}

export interface ConfigResolverOptions extends ParseConfigOptions {
  /** Use this config file for every report instead of looking for one next to each report. */
  readonly configFile?: string | undefined;
}

/**
 * Finds the config that applies to a report: the nearest `govreport.config.yaml` in the report's folder or a
 * folder above it. Results are cached per folder, so a thousand reports in one folder read the config once;
 * make a new resolver when a config file changes.
 */
export class ConfigResolver {
  private readonly byDirectory = new Map<string, LoadedConfig | null>();
  private readonly byFile = new Map<string, LoadedConfig>();

  constructor(
    private readonly host: ConfigHost,
    private readonly options: ConfigResolverOptions,
  ) {}

  configFor(filePath: string): LoadedConfig | undefined {
    if (this.options.configFile !== undefined) return this.load(normalizePath(this.options.configFile));
    const visited: string[] = [];
    let dir = dirnameOf(filePath);
    let found: LoadedConfig | null = null;
    for (;;) {
      const cached = this.byDirectory.get(dir);
      if (cached !== undefined) {
        found = cached;
        break;
      }
      visited.push(dir);
      const candidate = resolvePath(dir, CONFIG_FILE_NAME);
      if (safeRead(this.host, candidate) !== undefined) {
        found = this.load(candidate);
        break;
      }
      const parent = dirnameOf(dir);
      if (parent === dir) break;
      dir = parent;
    }
    for (const each of visited) this.byDirectory.set(each, found);
    return found ?? undefined;
  }

  settingsFor(filePath: string): FileSettings {
    const config = this.configFor(filePath);
    return config ? settingsForFile(config, filePath) : { configFile: undefined, rules: {}, profile: undefined, problems: [] };
  }

  private load(fileName: string): LoadedConfig {
    let config = this.byFile.get(fileName);
    if (!config) {
      config = loadConfig(fileName, this.host, this.options);
      this.byFile.set(fileName, config);
    }
    return config;
  }
}
