import * as vscode from "vscode";
import { CONFIGURATION_SECTION, DEFAULT_SETTINGS, type GovreportSettings, type RuleSeverity } from "@govreport/protocol";

const SEVERITIES = new Set<RuleSeverity>(["error", "warning", "info", "hint", "off"]);

/** The settings as the server expects them; a hand-edited settings.json with wrong types falls back to defaults. */
export function readSettings(scope?: vscode.Uri): GovreportSettings {
  const config = vscode.workspace.getConfiguration(CONFIGURATION_SECTION, scope);
  const profile = config.get<unknown>("profile");
  const language = config.get<unknown>("language");
  const rules = config.get<unknown>("rules");
  const debounceMs = config.get<unknown>("preview.debounceMs");
  const scrollSync = config.get<unknown>("preview.scrollSync");
  const showDiagnostics = config.get<unknown>("preview.showDiagnostics");
  return {
    profile: typeof profile === "string" ? profile : DEFAULT_SETTINGS.profile,
    language: language === "en" || language === "zh" ? language : DEFAULT_SETTINGS.language,
    rules: sanitizeRules(rules),
    preview: {
      debounceMs:
        typeof debounceMs === "number" && Number.isFinite(debounceMs) ? Math.min(Math.max(debounceMs, 0), 5000) : DEFAULT_SETTINGS.preview.debounceMs,
      scrollSync: typeof scrollSync === "boolean" ? scrollSync : DEFAULT_SETTINGS.preview.scrollSync,
      showDiagnostics: typeof showDiagnostics === "boolean" ? showDiagnostics : DEFAULT_SETTINGS.preview.showDiagnostics,
    },
  };
}

function sanitizeRules(value: unknown): Readonly<Record<string, RuleSeverity>> {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return {};
  const out: Record<string, RuleSeverity> = {};
  for (const [rule, severity] of Object.entries(value)) {
    if (typeof severity === "string" && SEVERITIES.has(severity as RuleSeverity)) out[rule] = severity as RuleSeverity;
  }
  return out;
}
