export { check, languageOf } from "./engine/check.js";
export { createCheckCache } from "./engine/check-cache.js";
export type { CheckCache } from "./engine/check-cache.js";
export type { CheckHost, CheckOptions, CheckResult, RuleFailure } from "./engine/check.js";
export { compareDiagnostics, pick, SEVERITY_ORDER } from "./diagnostic.js";
export type {
  ConfiguredSeverity,
  DataPath,
  Diagnostic,
  DiagnosticTag,
  Fix,
  Language,
  Message,
  PathSegment,
  RelatedLocation,
  Severity,
  SourceRange,
  TextEdit,
} from "./diagnostic.js";
export { SourceDocument, MAX_SOURCE_LENGTH } from "./document/source-document.js";
export type { SourceLanguage } from "./document/source-document.js";
export { LineIndex } from "./document/line-index.js";
export type { Position } from "./document/line-index.js";
export { allRules, builtinRules, allRuleMeta } from "./rules/registry.js";
export { defineRule } from "./engine/rule.js";
export type { Finding, Location, PreviousReport, Rule, RuleCategory, RuleContext, RuleDocs, RuleMeta } from "./engine/rule.js";
export type { FigureInfo, FigureReference, PointInfo, ProseField, ProseKind, RelationInfo, ReportModel, SectionInfo } from "./engine/model.js";
export { matchRequirements, citeSource, normalizeHeading } from "./engine/requirements.js";
export type { RequirementMatch } from "./engine/requirements.js";
export { addFigureEdit, freshFigureId, insertSequenceItem, yamlString } from "./engine/yaml-edits.js";
export { applyEdits, applySafeFixes } from "./engine/fixes.js";
export { codeFrame, displayWidth, formatDiagnostic, formatLocation, severityLabel } from "./format/code-frame.js";
export {
  CONFIG_DIAGNOSTIC_CODE,
  CONFIG_FILE_NAME,
  CONFIGURED_SEVERITIES,
  ConfigResolver,
  closest,
  globToRegExp,
  loadConfig,
  matchesGlob,
  parseConfig,
  settingsForFile,
} from "./config/index.js";
export type {
  ConfigHost,
  ConfigOverride,
  GovreportConfig,
  ConfigProblem,
  ConfigResolverOptions,
  FileSettings,
  LoadedConfig,
  LoadedOverride,
  ParseConfigOptions,
  ParsedConfig,
} from "./config/index.js";
export {
  describeFailure,
  describeValue,
  evaluateRelation,
  knownUnitTexts,
  parseQuantity,
  parseRelation,
  scanProse,
  valueOfQuantity,
} from "./quantity/index.js";
export type { ParseResult, ProseQuantity, Quantity, Relation, RelationEvaluation, RelationParseResult, Unit, Value } from "./quantity/index.js";
