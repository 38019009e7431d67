export const SERVER_NAME = "govreport-language-server";
/** Kept equal to package.json's version; the bundle carries no package.json to read it from. */
export const SERVER_VERSION = "0.1.0";
