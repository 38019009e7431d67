import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { performance } from "node:perf_hooks";
import { check, createCheckCache, languageOf, type CheckResult, type SourceDocument, type Language, type Rule, type SourceLanguage } from "@govreport/core";
import { DEFAULT_SETTINGS, type GovreportSettings } from "@govreport/protocol";
import type { TextDocument } from "vscode-languageserver-textdocument";
import { readDiskFile, recordingHost, resolveAgainst, type FileReader } from "./host.js";
import type { ConfigProblem } from "@govreport/core";
import { NO_CONFIG, ProjectConfigs, type ProjectConfig } from "./project-config.js";
import { effectiveRules } from "./settings.js";

/** Last year's report, as named by `previous:`, resolved against the report's folder. */
export interface PreviousReport {
  readonly reference: string;
  /** Absolute path, or undefined when the report has no file name to resolve against. */
  readonly file: string | undefined;
  readonly exists: boolean;
}

/** Everything the feature handlers read for one version of one document. */
export interface Analysis {
  readonly uri: string;
  /** The editor's version; null for a file read from disk. */
  readonly version: number | null;
  /** Changes whenever the answer may change: a new version, new settings, a changed config or dependency. */
  readonly resultId: string;
  readonly fileName: string | undefined;
  readonly result: CheckResult;
  /** Files the check read (profile, last year's report), found or not, as absolute paths. */
  readonly dependencies: ReadonlySet<string>;
  readonly previous: PreviousReport | undefined;
  readonly config: ProjectConfig;
  /** The language of messages a drafter reads. */
  readonly language: Language;
  readonly durationMs: number;
}

export interface Logger {
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

interface CacheEntry {
  readonly analysis: Analysis;
  readonly generation: number;
}

export function uriToFileName(uri: string): string | undefined {
  if (!uri.startsWith("file:")) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

export function fileNameToUri(fileName: string): string {
  return pathToFileURL(fileName).href;
}

function sourceLanguageOf(languageId: string | undefined, fileName: string | undefined, uri: string): SourceLanguage {
  if (languageId === "json" || languageId === "jsonc") return "json";
  return languageOf(fileName ?? uri);
}

/**
 * The server's state: open documents come from the editor, everything else from disk. Each document version
 * is checked at most once per configuration; the result is what every feature answers from.
 */
export class Workspace {
  /** Shared by every document: per-paragraph work found again unchanged after an edit (see core's check-cache). */
  private readonly checkCache = createCheckCache();
  private settingsValue: GovreportSettings = DEFAULT_SETTINGS;
  /** Bumped whenever something other than the text can change a result: settings, config files. */
  private generation = 0;
  private analysisCount = 0;
  private readonly cache = new Map<string, CacheEntry>();
  private readonly openFiles = new Map<string, string>();
  private readonly lastValid = new Map<string, Analysis>();
  private configs: ProjectConfigs;
  /** Config files whose problems have been reported since the configs were last read. */
  private readonly reportedConfigs = new Set<string>();
  /** Told the problems of each config file once per reading (an empty list clears them). */
  configProblemsListener: ((file: string, problems: readonly ConfigProblem[]) => void) | undefined;

  constructor(
    private readonly getDocument: (uri: string) => TextDocument | undefined,
    private readonly log: Logger,
    private readonly readDisk: FileReader = readDiskFile,
    /** A team's own rules, run after the built-in ones. */
    private readonly extraRules: readonly Rule[] = [],
  ) {
    this.configs = new ProjectConfigs(this.readFile);
  }

  get settings(): GovreportSettings {
    return this.settingsValue;
  }

  /** Returns whether anything changed (and results computed before are now stale). */
  setSettings(settings: GovreportSettings): boolean {
    if (JSON.stringify(settings) === JSON.stringify(this.settingsValue)) return false;
    this.settingsValue = settings;
    this.generation++;
    return true;
  }

  /** A project config file changed: forget every config read and every result computed with it. */
  invalidateConfig(): void {
    this.configs = new ProjectConfigs(this.readFile);
    this.generation++;
    for (const file of this.reportedConfigs) this.configProblemsListener?.(file, []);
    this.reportedConfigs.clear();
  }

  didOpen(uri: string): void {
    const fileName = uriToFileName(uri);
    if (fileName) this.openFiles.set(path.normalize(fileName), uri);
  }

  didClose(uri: string): void {
    const fileName = uriToFileName(uri);
    if (fileName) this.openFiles.delete(path.normalize(fileName));
    this.cache.delete(uri);
    this.lastValid.delete(uri);
  }

  /** Reads an absolute path: the open editor's text first, so unsaved edits to last year's report count. */
  readonly readFile: FileReader = (absolutePath) => {
    const uri = this.openFiles.get(path.normalize(absolutePath));
    const open = uri ? this.getDocument(uri) : undefined;
    return open ? open.getText() : this.readDisk(absolutePath);
  };

  /** The analysis of the open document's current version. */
  analysisFor(uri: string): Analysis | undefined {
    const document = this.getDocument(uri);
    if (!document) return undefined;
    const cached = this.cache.get(uri);
    if (cached && cached.generation === this.generation && cached.analysis.version === document.version) return cached.analysis;
    // The previous version's tree can absorb a small edit (core re-reads just the edited value); it is used up by
    // that, so nothing may keep using the previous analysis afterwards.
    const previous = cached && cached.generation === this.generation && cached.analysis.version !== null && document.version > cached.analysis.version ? cached.analysis : undefined;
    const analysis = this.analyze(uri, document.getText(), document.version, document.languageId, previous?.result.source);
    this.cache.set(uri, { analysis, generation: this.generation });
    if (analysis.result.model) this.lastValid.set(uri, analysis);
    else if (analysis.result.source.reusedTree && this.lastValid.get(uri) === previous) this.lastValid.delete(uri);
    return analysis;
  }

  /** The open document's analysis, or the file on disk checked once (for a preview of a closed file). */
  analysisForUriOrDisk(uri: string): Analysis | undefined {
    const open = this.analysisFor(uri);
    if (open) return open;
    const fileName = uriToFileName(uri);
    const text = fileName ? this.readDisk(fileName) : undefined;
    return text === undefined ? undefined : this.analyze(uri, text, null, undefined);
  }

  /** The latest analysis of the document that was a valid report (completion uses it while the text is broken). */
  lastValidAnalysis(uri: string): Analysis | undefined {
    return this.lastValid.get(uri);
  }

  /** The cached analysis, only if it is for this exact version; never computes. */
  cachedAnalysis(uri: string, version: number): Analysis | undefined {
    const cached = this.cache.get(uri);
    return cached && cached.generation === this.generation && cached.analysis.version === version ? cached.analysis : undefined;
  }

  /**
   * Files changed on disk (or an open document that others depend on changed): drops what depended on them.
   * Returns the open documents to check again.
   */
  filesChanged(fileNames: readonly string[]): string[] {
    const changed = new Set(fileNames.map((file) => path.normalize(file)));
    const affected: string[] = [];
    for (const [uri, entry] of this.cache) {
      if ([...entry.analysis.dependencies].some((dependency) => changed.has(dependency))) {
        this.cache.delete(uri);
        affected.push(uri);
      }
    }
    return affected;
  }

  openUris(): string[] {
    return [...this.cache.keys()];
  }

  private analyze(uri: string, text: string, version: number | null, languageId: string | undefined, previousSource?: SourceDocument): Analysis {
    const started = performance.now();
    const fileName = uriToFileName(uri);
    const config = this.projectConfigFor(fileName);
    const { host, reads } = recordingHost(this.readFile);
    const settings = this.settingsValue;
    const profile = settings.profile !== "" ? settings.profile : config.profile;
    let result: CheckResult;
    try {
      result = check(text, {
        fileName: fileName ?? uri,
        language: sourceLanguageOf(languageId, fileName, uri),
        rules: effectiveRules(config.rules, settings),
        profile,
        host,
        extraRules: this.extraRules,
        cache: this.checkCache,
        previousSource,
      });
    } catch (error) {
      // check() promises never to throw; if it ever does, answer with an empty check rather than not at all.
      this.log.error(`check failed for ${uri}: ${describe(error)}`);
      result = check("", { fileName: fileName ?? uri, onlyRules: [] });
    }
    for (const failure of result.ruleFailures) this.log.error(`rule ${failure.ruleId} failed on ${uri}: ${failure.error}`);
    // Core reads last year's report whatever rules are on, so it is among the reads: hover and definition show it.
    const previous = previousReportOf(result, fileName);
    return {
      uri,
      version,
      resultId: `${version ?? "disk"}:${this.generation}:${++this.analysisCount}`,
      fileName,
      result,
      dependencies: reads,
      previous,
      config,
      language: settings.language,
      durationMs: performance.now() - started,
    };
  }

  private projectConfigFor(fileName: string | undefined): ProjectConfig {
    try {
      const config = this.configs.forFile(fileName);
      for (const file of config.chain) {
        if (this.reportedConfigs.has(file)) continue;
        this.reportedConfigs.add(file);
        this.configProblemsListener?.(file, config.problems.filter((problem) => problem.fileName === file));
      }
      return config;
    } catch (error) {
      this.log.error(`reading the project config for ${fileName ?? "(unsaved)"} failed: ${describe(error)}`);
      return NO_CONFIG;
    }
  }
}

/** Where `previous:` points and whether the check could read it (core reads it through the recording host). */
function previousReportOf(result: CheckResult, fileName: string | undefined): PreviousReport | undefined {
  const previous = result.previous;
  if (previous === undefined || previous.reference.trim() === "") return undefined;
  return { reference: previous.reference, file: resolveAgainst(previous.reference, fileName), exists: previous.status !== "unreadable" };
}

export function describe(error: unknown): string {
  return error instanceof Error ? (error.stack ?? `${error.name}: ${error.message}`) : String(error);
}
