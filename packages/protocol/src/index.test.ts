import { describe, expect, it } from "vitest";
import {
  EXPORT_METHOD,
  IMPORT_REPORT_METHOD,
  LIST_PROFILES_METHOD,
  NEW_REPORT_METHOD,
  PATH_AT_METHOD,
  PREVIEW_INVALIDATED_METHOD,
  PREVIEW_METHOD,
  RANGE_OF_PATH_METHOD,
  isDataPath,
  isExtensionToWebviewMessage,
  isWebviewState,
  isWebviewToExtensionMessage,
} from "./index.js";

describe("method names", () => {
  it("are distinct and live under the govreport/ prefix, apart from LSP's own methods", () => {
    const methods = [
      PREVIEW_METHOD,
      RANGE_OF_PATH_METHOD,
      PATH_AT_METHOD,
      NEW_REPORT_METHOD,
      LIST_PROFILES_METHOD,
      IMPORT_REPORT_METHOD,
      EXPORT_METHOD,
      PREVIEW_INVALIDATED_METHOD,
    ];
    expect(new Set(methods).size).toBe(methods.length);
    for (const method of methods) expect(method).toMatch(/^govreport\/[a-zA-Z]+$/);
  });
});

describe("message guards", () => {
  it("accept data paths of strings and non-negative integers only", () => {
    expect(isDataPath(["sections", 0, "points", 2, "text"])).toBe(true);
    expect(isDataPath([])).toBe(true);
    expect(isDataPath(["sections", -1])).toBe(false);
    expect(isDataPath(["sections", 1.5])).toBe(false);
    expect(isDataPath(["sections", null])).toBe(false);
    expect(isDataPath("sections")).toBe(false);
    expect(isDataPath(Array.from({ length: 65 }, () => "a"))).toBe(false);
  });

  it("accept the webview's messages and reject anything else", () => {
    expect(isWebviewToExtensionMessage({ type: "ready" })).toBe(true);
    expect(isWebviewToExtensionMessage({ type: "reveal", path: ["meta", "title"] })).toBe(true);
    expect(isWebviewToExtensionMessage({ type: "scroll", path: ["sections", 3] })).toBe(true);
    expect(isWebviewToExtensionMessage({ type: "reveal" })).toBe(false);
    expect(isWebviewToExtensionMessage({ type: "reveal", path: '["meta"]' })).toBe(false);
    expect(isWebviewToExtensionMessage({ type: "runCommand", command: "workbench.action.quit" })).toBe(false);
    expect(isWebviewToExtensionMessage(null)).toBe(false);
    expect(isWebviewToExtensionMessage([{ type: "ready" }])).toBe(false);
  });

  it("accept the extension's messages and reject malformed ones", () => {
    expect(isExtensionToWebviewMessage({ type: "update", uri: "file:///a.report.yaml", version: 3, html: "<p></p>", title: "t" })).toBe(true);
    expect(isExtensionToWebviewMessage({ type: "update", uri: "file:///a.report.yaml", version: null, html: "", title: "" })).toBe(true);
    expect(isExtensionToWebviewMessage({ type: "update", uri: "file:///a.report.yaml", version: "3", html: "", title: "" })).toBe(false);
    expect(isExtensionToWebviewMessage({ type: "scrollTo", path: ["preamble"], highlight: false })).toBe(true);
    expect(isExtensionToWebviewMessage({ type: "scrollTo", path: ["preamble"] })).toBe(false);
    expect(isExtensionToWebviewMessage({ type: "error", message: "x" })).toBe(true);
    expect(isExtensionToWebviewMessage({ type: "error" })).toBe(false);
  });

  it("accept restored state only when it names a document", () => {
    expect(isWebviewState({ uri: "file:///a.report.yaml" })).toBe(true);
    expect(isWebviewState({ uri: "file:///a.report.yaml", scrollPath: ["sections", 0] })).toBe(true);
    expect(isWebviewState({ uri: 1 })).toBe(false);
    expect(isWebviewState(undefined)).toBe(false);
    expect(isWebviewState({ uri: "file:///a", scrollPath: "x" })).toBe(false);
  });
});
