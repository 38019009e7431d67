export { startServer } from "./server.js";
export type { InitializationOptions } from "./server.js";
export { RULE_DOCS_BASE_URL, ruleDocsUrl } from "./convert.js";
