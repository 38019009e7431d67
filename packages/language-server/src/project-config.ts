import path from "node:path";
import { allRuleMeta, type ConfiguredSeverity } from "@govreport/core";
import { CONFIG_FILE_NAME, ConfigResolver, type ConfigProblem } from "@govreport/core";

export const PROJECT_CONFIG_FILE: string = CONFIG_FILE_NAME;

export interface ProjectConfig {
  /** Absolute path of the config file that applies, or undefined when none does. */
  readonly file: string | undefined;
  /** Every config file that contributed (the `extends` chain), so their problems can be shown and cleared. */
  readonly chain: readonly string[];
  readonly rules: Readonly<Record<string, ConfiguredSeverity>>;
  /** A built-in profile id or an absolute profile path the config sets for this file. */
  readonly profile: string | undefined;
  readonly problems: readonly ConfigProblem[];
}

export const NO_CONFIG: ProjectConfig = { file: undefined, chain: [], rules: {}, profile: undefined, problems: [] };

/**
 * The nearest `govreport.config.yaml` above a report, read by core's resolver — the CLI's — so the editor and CI
 * agree on severities and profiles. Lookups are cached per folder; a new instance forgets them.
 */
export class ProjectConfigs {
  private readonly resolver: ConfigResolver;

  constructor(readText: (file: string) => string | undefined) {
    this.resolver = new ConfigResolver({ readFile: readText }, { ruleIds: allRuleMeta().map((meta) => meta.id) });
  }

  forFile(fileName: string | undefined): ProjectConfig {
    if (!fileName || !path.isAbsolute(fileName)) return NO_CONFIG;
    const loaded = this.resolver.configFor(fileName);
    if (!loaded) return NO_CONFIG;
    const settings = this.resolver.settingsFor(fileName);
    return { file: loaded.fileName, chain: loaded.chain, rules: settings.rules, profile: settings.profile, problems: settings.problems };
  }
}
