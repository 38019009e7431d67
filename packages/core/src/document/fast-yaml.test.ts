import { readFileSync } from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isCollection, isMap, isPair, isScalar, isSeq, Pair, parseDocument, Scalar, YAMLMap, type Node } from "yaml";
import { check } from "../engine/check.js";
import { readYamlFast } from "./fast-yaml.js";
import { repository, repositoryYamlFiles } from "../test-support/repository-yaml.js";

const repositoryYaml = repositoryYamlFiles();
const example = readFileSync(path.join(repository, "examples/xiqu-2021/report.yaml"), "utf8");

/** Describes the first difference between two trees, or undefined when they are the same. */
function difference(fast: Node | null | undefined, full: Node | null | undefined, at: string): string | undefined {
  const kind = (node: Node | null | undefined) => (node == null ? "none" : isMap(node) ? "map" : isSeq(node) ? "seq" : isScalar(node) ? "scalar" : "other");
  if (kind(fast) !== kind(full)) return `${at}: ${kind(fast)} vs ${kind(full)}`;
  if (fast == null || full == null) return undefined;
  if (JSON.stringify(fast.range) !== JSON.stringify(full.range)) return `${at}: range ${JSON.stringify(fast.range)} vs ${JSON.stringify(full.range)}`;
  if (isScalar(fast) && isScalar(full)) {
    if (!Object.is(fast.value, full.value)) return `${at}: value ${String(fast.value)} vs ${String(full.value)}`;
    if (fast.type !== full.type || fast.format !== full.format) return `${at}: style ${fast.type}/${fast.format} vs ${full.type}/${full.format}`;
    return undefined;
  }
  if ((isMap(fast) || isSeq(fast)) && (isMap(full) || isSeq(full))) {
    if (Boolean(fast.flow) !== Boolean(full.flow)) return `${at}: flow ${fast.flow} vs ${full.flow}`;
    if (fast.items.length !== full.items.length) return `${at}: ${fast.items.length} items vs ${full.items.length}`;
    for (let i = 0; i < fast.items.length; i++) {
      const a = fast.items[i];
      const b = full.items[i];
      if (isPair(a) && isPair(b)) {
        const found = difference(a.key as Node, b.key as Node, `${at}.<key ${i}>`) ?? difference(a.value as Node, b.value as Node, `${at}.${String((a.key as { value?: unknown }).value)}`);
        if (found) return found;
      } else if (!isPair(a) && !isPair(b)) {
        const found = difference(a as Node, b as Node, `${at}[${i}]`);
        if (found) return found;
      } else {
        return `${at}[${i}]: pair vs item`;
      }
    }
  }
  return undefined;
}

type Outcome = "declined" | "same" | string;

/** Reads a text both ways; anything the fast reader accepts must equal `yaml`'s error-free reading of it. */
function compare(text: string): Outcome {
  const fast = readYamlFast(text);
  if (!fast) return "declined";
  const full = parseDocument(text, { prettyErrors: false, uniqueKeys: false });
  if (full.errors.length > 0) return `accepted text yaml rejects: ${full.errors[0]?.code}`;
  const found = difference(fast.document.contents as Node, full.contents as Node, "$");
  if (found) return found;
  if (JSON.stringify(fast.document.range) !== JSON.stringify(full.range)) return `document range ${JSON.stringify(fast.document.range)} vs ${JSON.stringify(full.range)}`;
  if (JSON.stringify(fast.value) !== JSON.stringify(full.toJS())) return "plain value differs";
  return "same";
}

describe("the fast YAML reader on the repository's files", () => {
  it("reads the example report and every report fixture exactly as yaml does", () => {
    const reports = repositoryYaml.filter((file) => /\.report\.yaml$/.test(file));
    expect(reports.length).toBeGreaterThan(40);
    const outcomes = new Map(repositoryYaml.map((file) => [path.relative(repository, file), compare(readFileSync(file, "utf8"))]));
    const wrong = [...outcomes].filter(([, outcome]) => outcome !== "same" && outcome !== "declined");
    expect(wrong).toEqual([]);
    // It must actually take the fast path on ordinary reports, or it would be a slow path in disguise.
    expect(outcomes.get("examples/xiqu-2021/report.yaml")).toBe("same");
    expect(outcomes.get("examples/xiqu-2021-broken/report.yaml")).toBe("same");
    expect(compare(example.replace(/\n/g, "\r\n"))).toBe("same");
    const declinedReports = reports.filter((file) => outcomes.get(path.relative(repository, file)) === "declined").map((file) => path.relative(repository, file));
    expect(declinedReports.every((file) => /syntax-error|empty/.test(file))).toBe(true);
  });
});

const agreeing: [string, string][] = [
  ["empty values followed by spaces, mid-file and at the end", "a: \nb:  \r\nc:\n  - \n  -\nd: 1\ne: "],
  ["strip and clip block scalars before blank lines", "a: >-\n  x\n  y\n\n\nb: |\n  one\n\n  two\n\nc: >\n  z\n"],
  ["a block scalar in a sequence, then more items", "s:\n  - >-\n    x\n\n  - y\n  - |-\n    l\n"],
  ["comments after values and between entries", "a: b  # note\n# between\nc: 'it''s'  # another\nd: \"q\"\n"],
  ["flow collections of scalars", "m: { x: 1, y: \"2\" , z: w }  # c\nl: [a, b c ,'d']\ne: {}\n"],
  ["core-schema resolution of plain scalars", "a: 0x1F\nb: 0o17\nc: 1e3\nd: .inf\ne: ~\nf: Null\ng: TRUE\nh: -1.50\ni: +7\nj: 007\nk: 12件\n"],
  ["a sequence sharing its key's indentation", "s:\n- k: 1\n  l: 2\n- m\nt: end\n"],
  ["an empty value and a value at end of file without a newline", "a:\nb: c"],
  ["comment lines before a nested mapping", "figures:\n  # group one\n  a.b: { value: 1 }\n\n  # group two\n  c-d: { value: 2 }\n"],
  ["a report ending in an empty value", "a: 1\nchecks:\n\n"],
  ["CRLF line ends", "a: b  # c\r\nd: >-\r\n  one\r\n  two\r\n\r\ne: |\r\n  x\r\n  y\r\nf:\r\n  - { g: 1 }\r\n"],
];

describe("the fast YAML reader", () => {
  it.each(agreeing)("agrees with yaml on %s", (_name, text) => {
    expect(compare(text)).toBe("same");
  });

  it.each([
    ["an anchor and alias", "a: &x 1\nb: *x\n"],
    ["a tag", "a: !!str 1\n"],
    ["a multi-line plain scalar", "a: one\n  two\n"],
    ["an escape in a double-quoted string", 'a: "x\\ny"\n'],
    ["keep chomping", "a: |+\n  x\n\n"],
    ["tabs", "a:\tb\n"],
    ["a lone CR", "a: b\rc: d\n"],
    ["a document marker", "---\na: b\n"],
    ["a top-level sequence", "- a\n- b\n"],
    ["a block scalar header inside a flow sequence", "a: [>]\nb: [x, |]\n"],
    ["a duplicate key", "a: 1\nb: 2\na: 3\n"],
    ["a duplicate key in a flow map", "a: { x: 1, x: 2 }\n"],
    ["a malformed key line", "a: b\n  c: d\n"],
  ])("declines %s", (_name, text) => {
    expect(readYamlFast(text)).toBeUndefined();
  });

  it("makes yaml's own node classes, marked as yaml marks them, with the mark on a shared prototype", () => {
    const read = readYamlFast("a: 1\nb: [x, y]\nc: { d: e }\n");
    const map = read?.document.contents;
    expect(isMap(map)).toBe(true);
    if (!isMap(map)) return;
    expect(map).toBeInstanceOf(YAMLMap);
    const nodes: unknown[] = [map];
    for (const pair of map.items) {
      expect(isPair(pair)).toBe(true);
      expect(pair).toBeInstanceOf(Pair);
      nodes.push(pair, pair.key, pair.value);
      if (isCollection(pair.value)) nodes.push(...pair.value.items);
    }
    expect(nodes.filter((node) => isScalar(node)).every((node) => node instanceof Scalar)).toBe(true);
    expect(isSeq(map.get("b", true))).toBe(true);
    // The point of the shared prototype: no node carries its own mark.
    for (const node of nodes) if (isScalar(node) || isMap(node) || isSeq(node) || isPair(node)) expect(Object.getOwnPropertySymbols(node)).toEqual([]);
    // And yaml's own operations work on them as on nodes it made.
    expect(map.toJSON()).toEqual({ a: 1, b: ["x", "y"], c: { d: "e" } });
    expect((map.clone() as YAMLMap).toJSON()).toEqual({ a: 1, b: ["x", "y"], c: { d: "e" } });
    expect(read?.document.toString()).toBe("a: 1\nb: [ x, y ]\nc: { d: e }\n");
  });

  it("never disagrees with yaml on random edits of the repository's YAML files", () => {
    const files = [example, ...agreeing.map(([, text]) => text), ...repositoryYaml.filter((file) => /fixtures/.test(file)).slice(0, 40).map((file) => readFileSync(file, "utf8"))];
    const sources = [...files, ...files.map((text) => text.replace(/\r?\n/g, "\r\n"))];
    const pieces = [":", " ", "  ", "-", "- ", "\n", "#", " #", '"', "'", "''", "{", "}", "[", "]", ",", ">", "|", ">-", "|-", "&", "*", "!", "~", "0", "1.5", "0x1", "x", "null", "true", "中", "\\", "?", "%", "@", "`", "\t", "\r\n", ": ", "---", "..."];
    const edit = fc.record({ kind: fc.integer({ min: 0, max: 5 }), at: fc.double({ min: 0, max: 1, noNaN: true }), piece: fc.constantFrom(...pieces), count: fc.integer({ min: 1, max: 3 }) });
    let accepted = 0;
    fc.assert(
      fc.property(fc.integer({ min: 0, max: sources.length - 1 }), fc.array(edit, { minLength: 1, maxLength: 3 }), (which, edits) => {
        let text = sources[which] as string;
        for (const { kind, at, piece, count } of edits) {
          const position = Math.floor(at * text.length);
          const lineStart = text.lastIndexOf("\n", position - 1) + 1;
          const newline = text.indexOf("\n", position);
          const lineEnd = newline < 0 ? text.length : newline;
          if (kind === 0) text = text.slice(0, position) + piece + text.slice(position);
          else if (kind === 1) text = text.slice(0, position) + text.slice(position + count);
          else if (kind === 2) text = `${text.slice(0, lineStart)}  ${text.slice(lineStart)}`;
          else if (kind === 3) text = text.startsWith("  ", lineStart) ? text.slice(0, lineStart) + text.slice(lineStart + 2) : text;
          else if (kind === 4) text = `${text.slice(0, lineEnd)}\n${text.slice(lineStart, lineEnd)}${text.slice(lineEnd)}`;
          else text = text.slice(0, lineStart) + text.slice(Math.min(text.length, lineEnd + 1));
        }
        const outcome = compare(text);
        if (outcome === "same") accepted++;
        expect({ outcome, text: outcome === "same" || outcome === "declined" ? "" : text }).toEqual({ outcome: expect.stringMatching(/^(same|declined)$/), text: "" });
      }),
      { numRuns: 3000 },
    );
    // Most edits leave a readable report; if none were read, the comparison above tested nothing.
    expect(accepted).toBeGreaterThan(300);
  });
});

describe("deeply nested text", () => {
  const nested = (levels: number) => Array.from({ length: levels }, (_, level) => `${" ".repeat(level)}a:\n`).join("");

  it("is read up to the nesting reports could use, and left to yaml beyond it", () => {
    expect(readYamlFast(nested(30))).toBeDefined();
    expect(readYamlFast(nested(70))).toBeUndefined();
  });

  it("too deep even for yaml is a syntax error, not a crash", () => {
    const result = check(nested(2000));
    expect(result.diagnostics.map((diagnostic) => diagnostic.code)).toContain("syntax-error");
  });
});
