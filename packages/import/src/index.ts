export { importReport } from "./import.js";
export type { ImportOptions, ImportResult, MetaSource, MetaSources } from "./import.js";
export { importDocx, docxText, DocxError } from "./docx.js";
export type { ProposedCheck } from "./figures.js";
export { compareTexts, describeDifference } from "./round-trip.js";
export type { TextDifference } from "./round-trip.js";
