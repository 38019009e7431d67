export {
  FORMAT_VERSION,
  FIGURE_ID_PATTERN,
  ISO_DATE_PATTERN,
  isCalendarDate,
  FigureId,
  RequirementId,
  Prose,
  Point,
  PointsLayout,
  Section,
  FigureValue,
  FigureEntry,
  Check,
  Meta,
  ReportData,
  figureValueText,
  coveredRequirements,
} from "./report.js";
export type { SectionData, Meta as MetaData, FigureEntry as FigureEntryData, Point as PointData } from "./report.js";
export { SourceRef, Requirement, Deadline, Formulation, Profile } from "./profile.js";
export type { ProfileInput } from "./profile.js";
export { fazhiAnnual, builtinProfiles } from "./profiles/fazhi-annual.js";
export { CONFIG_FILE_NAME, CONFIGURED_SEVERITIES, isValidReportData } from "./lite.js";
export { ConfigOverride, GovreportConfig, RuleSettings, RuleSeveritySetting } from "./config.js";
export { reportJsonSchema, profileJsonSchema } from "./json-schema.js";
