/** The CLI's version, as in package.json (a test keeps the two equal). */
export const VERSION = "0.1.0";
export const TOOL_NAME = "govreport";
