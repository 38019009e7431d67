import type { ConfiguredSeverity, Language } from "@govreport/core";
import { DEFAULT_SETTINGS, type GovreportSettings, type RuleSeverity } from "@govreport/protocol";

const SEVERITIES: readonly RuleSeverity[] = ["error", "warning", "info", "hint", "off"];

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

export function isRuleSeverity(value: unknown): value is RuleSeverity {
  return typeof value === "string" && (SEVERITIES as readonly string[]).includes(value);
}

/**
 * Settings as the client sent them (or nothing) turned into complete settings. The client is another process
 * and a user's settings.json can hold anything, so every field is checked and a wrong one falls back to its
 * default instead of breaking the checks; what was ignored is returned so it can be logged.
 */
export function normalizeSettings(raw: unknown): { settings: GovreportSettings; ignored: string[] } {
  const ignored: string[] = [];
  if (raw === undefined || raw === null) return { settings: DEFAULT_SETTINGS, ignored };
  if (!isObject(raw)) return { settings: DEFAULT_SETTINGS, ignored: ["govreport"] };

  let profile = DEFAULT_SETTINGS.profile;
  if (typeof raw.profile === "string") profile = raw.profile.trim();
  else if (raw.profile !== undefined && raw.profile !== null) ignored.push("govreport.profile");

  let language: Language = DEFAULT_SETTINGS.language;
  if (raw.language === "zh" || raw.language === "en") language = raw.language;
  else if (raw.language !== undefined && raw.language !== null) ignored.push("govreport.language");

  const rules: Record<string, RuleSeverity> = {};
  if (isObject(raw.rules)) {
    for (const [id, severity] of Object.entries(raw.rules)) {
      if (isRuleSeverity(severity)) rules[id] = severity;
      else ignored.push(`govreport.rules.${id}`);
    }
  } else if (raw.rules !== undefined && raw.rules !== null) ignored.push("govreport.rules");

  const preview: { debounceMs: number; scrollSync: boolean; showDiagnostics: boolean } = { ...DEFAULT_SETTINGS.preview };
  if (isObject(raw.preview)) {
    const { debounceMs, scrollSync, showDiagnostics } = raw.preview;
    if (typeof debounceMs === "number" && Number.isFinite(debounceMs) && debounceMs >= 0) preview.debounceMs = debounceMs;
    if (typeof scrollSync === "boolean") preview.scrollSync = scrollSync;
    if (typeof showDiagnostics === "boolean") preview.showDiagnostics = showDiagnostics;
  }

  return { settings: { profile, rules, language, preview }, ignored };
}

/** Project config first, then the editor's settings on top: a drafter's own choice in the editor wins. */
export function effectiveRules(
  projectRules: Readonly<Record<string, ConfiguredSeverity>> | undefined,
  settings: GovreportSettings,
): Record<string, ConfiguredSeverity> {
  return { ...projectRules, ...settings.rules };
}
