import { defineRule } from "@govreport/core";
import { ResponseError, LSPErrorCodes, type CancellationToken } from "vscode-languageserver";
import { TextDocument } from "vscode-languageserver-textdocument";
import { describe, expect, it } from "vitest";
import { documentSymbols } from "./features/symbols.js";
import { guardRequest } from "./guard.js";
import { Workspace, type Logger } from "./workspace.js";

const REPORT = [
  "format: 1",
  "profile: fazhi-annual",
  "meta: { issuer: 东城县人民政府, recipient: 市人民政府, title: 关于2021年度法治政府建设工作情况的报告, year: 2021, date: \"2022-01-28\" }",
  "sections:",
  "  - title: 主要举措和成效",
  "    text: 全年办理行政复议案件{review.cases}。",
  "figures:",
  "  review.cases: 12件",
  "",
].join("\n");

function recordingLog(): Logger & { errors: string[] } {
  const errors: string[] = [];
  return { errors, info: () => undefined, warn: () => undefined, error: (message) => errors.push(message) };
}

const notCancelled: CancellationToken = { isCancellationRequested: false, onCancellationRequested: () => ({ dispose: () => undefined }) };

describe("Workspace", () => {
  it("keeps answering when a rule throws: the failure is logged and reported, other features still work", () => {
    const throwing = defineRule({
      meta: {
        id: "team-throws",
        title: { zh: "总是出错", en: "Always throws" },
        category: "wording",
        severity: "warning",
        docs: { what: { zh: "-", en: "-" }, why: { zh: "-", en: "-" }, fix: { zh: "-", en: "-" } },
      },
      run() {
        throw new Error("boom");
      },
    });
    const document = TextDocument.create("file:///tmp/a.report.yaml", "yaml", 1, REPORT);
    const log = recordingLog();
    const workspace = new Workspace((uri) => (uri === document.uri ? document : undefined), log, () => undefined, [throwing]);
    const analysis = workspace.analysisFor(document.uri);
    expect(analysis?.result.diagnostics.map((d) => d.code)).toContain("internal-error");
    expect(log.errors.some((message) => message.includes("team-throws") && message.includes("boom"))).toBe(true);
    expect(documentSymbols(analysis!).map((symbol) => symbol.name)).toContain("一、主要举措和成效");
  });

  it("checks a version once and again after settings change", () => {
    const document = TextDocument.create("file:///tmp/a.report.yaml", "yaml", 3, REPORT);
    const workspace = new Workspace(() => document, recordingLog(), () => undefined);
    const first = workspace.analysisFor(document.uri);
    expect(workspace.analysisFor(document.uri)).toBe(first);
    workspace.setSettings({ ...workspace.settings, language: "en" });
    const second = workspace.analysisFor(document.uri);
    expect(second).not.toBe(first);
    expect(second?.language).toBe("en");
    expect(second?.resultId).not.toBe(first?.resultId);
  });

  it("records last year's report as a dependency and forgets results that depended on it", () => {
    const text = REPORT.replace("profile: fazhi-annual", "profile: fazhi-annual\nprevious: ./2020.report.yaml");
    const document = TextDocument.create("file:///tmp/reports/2021.report.yaml", "yaml", 1, text);
    const workspace = new Workspace(() => document, recordingLog(), () => undefined);
    const analysis = workspace.analysisFor(document.uri);
    expect([...(analysis?.dependencies ?? [])]).toContain("/tmp/reports/2020.report.yaml");
    expect(analysis?.previous).toEqual({ reference: "./2020.report.yaml", file: "/tmp/reports/2020.report.yaml", exists: false });
    expect(workspace.filesChanged(["/tmp/reports/other.yaml"])).toEqual([]);
    expect(workspace.filesChanged(["/tmp/reports/2020.report.yaml"])).toEqual([document.uri]);
  });

  it("knows last year's report exists from the check's own read of it", () => {
    const text = REPORT.replace("profile: fazhi-annual", "profile: fazhi-annual\nprevious: ./2020.report.yaml");
    const document = TextDocument.create("file:///tmp/reports/2021.report.yaml", "yaml", 1, text);
    const reads: string[] = [];
    const readDisk = (file: string) => {
      reads.push(file);
      return file === "/tmp/reports/2020.report.yaml" ? REPORT.replace("year: 2021", "year: 2020") : undefined;
    };
    const workspace = new Workspace(() => document, recordingLog(), readDisk);
    const analysis = workspace.analysisFor(document.uri);
    expect(analysis?.previous).toEqual({ reference: "./2020.report.yaml", file: "/tmp/reports/2020.report.yaml", exists: true });
    expect(reads.filter((file) => file === "/tmp/reports/2020.report.yaml")).toHaveLength(1);
  });

  it("takes last year's report that is there but invalid as existing, so that definition still opens it", () => {
    const text = REPORT.replace("profile: fazhi-annual", "profile: fazhi-annual\nprevious: ./2020.report.yaml");
    const document = TextDocument.create("file:///tmp/reports/2021.report.yaml", "yaml", 1, text);
    const workspace = new Workspace(() => document, recordingLog(), (file) => (file === "/tmp/reports/2020.report.yaml" ? "format: 1\n" : undefined));
    const analysis = workspace.analysisFor(document.uri);
    expect(analysis?.result.previous?.status).toBe("invalid");
    expect(analysis?.previous).toEqual({ reference: "./2020.report.yaml", file: "/tmp/reports/2020.report.yaml", exists: true });
  });
});

describe("guardRequest", () => {
  it("answers with the fallback and logs when a handler throws", () => {
    const log = recordingLog();
    const handler = guardRequest(log, "hover", null, () => {
      throw new TypeError("bad");
    });
    expect(handler({}, notCancelled)).toBeNull();
    expect(log.errors[0]).toContain("hover failed");
  });

  it("answers a cancelled request as cancelled without running it", () => {
    let ran = false;
    const handler = guardRequest(recordingLog(), "hover", null, () => {
      ran = true;
      return 1;
    });
    const result = handler({}, { ...notCancelled, isCancellationRequested: true });
    expect(ran).toBe(false);
    expect(result).toBeInstanceOf(ResponseError);
    expect((result as ResponseError<void>).code).toBe(LSPErrorCodes.RequestCancelled);
  });
});
