export {
  renderText,
  headingNumber,
  pointMarker,
  chineseNumeral,
  chineseDate,
  resolveFigures,
  contactLine,
} from "./text.js";
export type { TextRenderOptions } from "./text.js";
export { renderHtml, renderHtmlDocument, htmlPathKey } from "./html.js";
export type { HtmlRenderOptions, HtmlDocumentOptions, HtmlMark, HtmlMarkSeverity, HtmlDataPath, HtmlPathSegment } from "./html.js";
export { DOCUMENT_CSS, STANDALONE_PAGE_CSS } from "./html-style.js";
