import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isScalar, parseDocument, visit, type Scalar } from "yaml";
import { mapScalarOffsets, verbatimLead } from "./scalar-offsets.js";
import { repositoryYamlFiles } from "../test-support/repository-yaml.js";

/** Every string scalar of a text, with what each way of mapping its value says. */
function disagreements(text: string): { verbatim: number; disagreeing: string[] } {
  const document = parseDocument(text, { prettyErrors: false, uniqueKeys: false });
  let verbatim = 0;
  const disagreeing: string[] = [];
  visit(document, {
    Scalar(_key, node: Scalar) {
      if (!isScalar(node) || typeof node.value !== "string" || !node.range) return;
      const lead = verbatimLead(text, node, node.value);
      if (lead === undefined) return;
      verbatim++;
      const mapped = mapScalarOffsets(text, node, node.value);
      const start = node.range[0];
      for (let i = 0; i <= node.value.length; i++) {
        if (mapped[i] !== start + lead + i) {
          disagreeing.push(`${JSON.stringify(text.slice(start, node.range[1]))} at ${i}`);
          return;
        }
      }
    },
  });
  return { verbatim, disagreeing };
}

describe("verbatimLead", () => {
  it("agrees with the full offset map on every string of the repository's YAML files", () => {
    const files = repositoryYamlFiles();
    let verbatim = 0;
    for (const file of files) {
      const found = disagreements(readFileSync(file, "utf8"));
      verbatim += found.verbatim;
      expect(found.disagreeing, file).toEqual([]);
    }
    expect(verbatim).toBeGreaterThan(1000);
  });

  it("agrees with the full offset map on generated scalars in every style", () => {
    const char = fc.constantFrom("a", "件", " ", "'", '"', "\\", "n", "：", "#", "1");
    const value = fc.array(char, { maxLength: 8 }).map((chars) => chars.join(""));
    const scalar = fc.oneof(
      value.map((v) => v.trim()),
      value.map((v) => `'${v.replace(/'/g, "''")}'`),
      value.map((v) => `"${v.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`),
      value.map((v) => `"${v.replace(/"/g, "")}"`),
      fc.tuple(fc.constantFrom(">-", "|", ">", "|-", ">- # note"), fc.array(value, { minLength: 1, maxLength: 3 }), fc.constantFrom(2, 4)).map(
        ([header, lines, indent]) => `${header}\n${lines.map((line) => " ".repeat(indent) + line).join("\n")}`,
      ),
    );
    fc.assert(
      fc.property(scalar, (written) => {
        expect(disagreements(`key: ${written}\n`).disagreeing).toEqual([]);
      }),
      { numRuns: 2000 },
    );
  });

  it("declines what is not spelled out: escapes, doubled quotes, folded lines", () => {
    const lead = (text: string) => {
      const node = parseDocument(text).get("a", true) as Scalar;
      return verbatimLead(text, node, node.value as string);
    };
    expect(lead('a: "x\\\\y"\n')).toBeUndefined();
    expect(lead("a: 'it''s'\n")).toBeUndefined();
    expect(lead("a: one\n  two\n")).toBeUndefined();
    expect(lead("a: >\n  one\n  two\n")).toBeUndefined();
    expect(lead("a: >-\n    段落\n")).toBe(7);
    expect(lead("a: plain 件\n")).toBe(0);
    expect(lead("a: '引号'\n")).toBe(1);
  });
});
