import { describe, expect, it } from "vitest";
import { encodeJson, jsonEncoder, markUnchanging } from "./json-encoder.js";

const plainBytes = (message: unknown) => Buffer.from(JSON.stringify(message), "utf8");

function diagnostic(line: number, message: string) {
  return {
    range: { start: { line, character: 2 }, end: { line, character: 9 } },
    severity: 2,
    code: "prose-figure-contradiction",
    codeDescription: { href: "https://govreport.dev/rules/prose-figure-contradiction" },
    source: "govreport",
    message,
  };
}

function unchanging<T extends object>(value: T): T {
  markUnchanging(value);
  return value;
}

describe("encodeJson", () => {
  it("writes what JSON.stringify writes for a message without diagnostics", () => {
    const message = { jsonrpc: "2.0", id: 3, result: { contents: { kind: "markdown", value: "**全年**收案 12 件" } } };
    expect(encodeJson(message).equals(plainBytes(message))).toBe(true);
  });

  it("writes what JSON.stringify writes for a pulled report, the first time and again from the cache", () => {
    const items = [unchanging(diagnostic(1, "数字与“12件”不符")), unchanging(diagnostic(4, 'quote " and \\ and \u2028 and 😀'))];
    const message = { jsonrpc: "2.0", id: 7, result: { kind: "full", resultId: "2:0:5", items } };
    expect(encodeJson(message).equals(plainBytes(message))).toBe(true);
    const next = { jsonrpc: "2.0", id: 8, result: { kind: "full", resultId: "3:0:6", items: [items[1], unchanging(diagnostic(9, "新的")), items[0]] } };
    expect(encodeJson(next).equals(plainBytes(next))).toBe(true);
  });

  it("writes what JSON.stringify writes for a publish, with the key order of the message", () => {
    const message = { jsonrpc: "2.0", method: "textDocument/publishDiagnostics", params: { uri: "file:///tmp/报告.yaml", diagnostics: [unchanging(diagnostic(2, "x"))], version: 4 } };
    expect(encodeJson(message).equals(plainBytes(message))).toBe(true);
  });

  it("falls back to JSON.stringify when an element was not promised unchanging", () => {
    const message = { jsonrpc: "2.0", method: "textDocument/publishDiagnostics", params: { uri: "file:///a", diagnostics: [unchanging(diagnostic(2, "x")), diagnostic(3, "y")] } };
    expect(encodeJson(message).equals(plainBytes(message))).toBe(true);
  });

  it("is not fooled by text that looks like its own placeholder", () => {
    const placeholder = "\u0000govreport:list\u0000";
    const items = [unchanging(diagnostic(1, placeholder))];
    const message = { jsonrpc: "2.0", id: 1, result: { kind: "full", resultId: placeholder, items } };
    expect(encodeJson(message).equals(plainBytes(message))).toBe(true);
    const empty = { jsonrpc: "2.0", id: 2, result: { kind: "full", items: [] } };
    expect(encodeJson(empty).equals(plainBytes(empty))).toBe(true);
  });

  it("leaves values with their own toJSON to JSON.stringify", () => {
    const result = { kind: "full", items: [unchanging(diagnostic(1, "a"))], toJSON: () => ({ kind: "unchanged", resultId: "r" }) };
    const message = { jsonrpc: "2.0", id: 1, result };
    expect(encodeJson(message).equals(plainBytes(message))).toBe(true);
  });
});

describe("jsonEncoder", () => {
  it("honours a charset other than UTF-8", async () => {
    const message = { jsonrpc: "2.0", method: "textDocument/publishDiagnostics", params: { uri: "file:///a", diagnostics: [unchanging(diagnostic(1, "plain"))] } };
    const bytes = await jsonEncoder.encode(message, { charset: "ascii" });
    expect(Buffer.from(bytes).equals(Buffer.from(JSON.stringify(message), "ascii"))).toBe(true);
  });
});

describe("a value marked unchanging", () => {
  it("cannot be changed any more, so its reused bytes always match it", () => {
    const diagnostic = { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } }, message: "甲", relatedInformation: [{ message: "乙" }] };
    markUnchanging(diagnostic);
    expect(() => (diagnostic.range.end.character = 2)).toThrow(TypeError);
    expect(() => diagnostic.relatedInformation.push({ message: "丙" })).toThrow(TypeError);
    expect(diagnostic.range.end.character).toBe(1);
  });
});
