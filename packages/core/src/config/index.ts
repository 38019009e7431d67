export { CONFIG_FILE_NAME, CONFIGURED_SEVERITIES } from "@govreport/schema/lite";
export type { ConfigOverride, GovreportConfig } from "@govreport/schema";
export { CONFIG_DIAGNOSTIC_CODE, closest, parseConfig } from "./parse.js";
export type { ParseConfigOptions, ParsedConfig } from "./parse.js";
export { ConfigResolver, loadConfig, settingsForFile } from "./resolve.js";
export type { ConfigHost, ConfigProblem, ConfigResolverOptions, FileSettings, LoadedConfig, LoadedOverride } from "./resolve.js";
export { globToRegExp, matchesGlob } from "./glob.js";
export { dirnameOf, isAbsolutePath, normalizePath, relativePath, resolvePath } from "./paths.js";
