import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { REPORT_FILE_GLOB, resolveFiles } from "./files.js";

describe("a folder named on the command line", () => {
  let scratch: string;
  let folder: string;

  beforeAll(() => {
    scratch = mkdtempSync(path.join(tmpdir(), "govreport-files-"));
    folder = path.join(scratch, "reports");
    const files = [
      "a.report.yaml",
      "b.report.yml",
      "c.report.json",
      "d.yaml",
      "e.REPORT.yaml",
      ".hidden.report.yaml",
      "sub/f.report.yaml",
      "sub/deeper/g.report.yaml",
      ".dot/h.report.yaml",
      "node_modules/i.report.yaml",
      "sub/node_modules/j.report.yaml",
      ".git/k.report.yaml",
      "named.report.yaml/m.report.yaml",
      "报告/n.report.yaml",
    ];
    for (const file of files) {
      mkdirSync(path.dirname(path.join(folder, file)), { recursive: true });
      writeFileSync(path.join(folder, file), "format: 1\n");
    }
    mkdirSync(path.join(scratch, "outside"));
    writeFileSync(path.join(scratch, "outside", "l.report.yaml"), "format: 1\n");
    symlinkSync(path.join(folder, "sub"), path.join(folder, "link-in"), "dir");
    symlinkSync(path.join(scratch, "outside"), path.join(folder, "link-out"), "dir");
    symlinkSync(path.join(scratch, "outside", "l.report.yaml"), path.join(folder, "link-file.report.yaml"), "file");
    symlinkSync(folder, path.join(folder, "sub", "loop"), "dir");
    symlinkSync(path.join(scratch, "missing"), path.join(folder, "dangling.report.yaml"), "file");
  });

  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  it("gives the files the report glob gives there, without compiling it", async () => {
    const asFolder = await resolveFiles(["reports"], scratch, { ignorePath: undefined });
    const asGlob = await resolveFiles([`reports/${REPORT_FILE_GLOB}`], scratch, { ignorePath: undefined });
    expect(asFolder.files).toEqual(asGlob.files);
    expect(asFolder.files).toEqual(expect.arrayContaining(["reports/a.report.yaml", "reports/b.report.yml", "reports/c.report.json", "reports/sub/deeper/g.report.yaml", "reports/报告/n.report.yaml"]));
    expect(asFolder.files.some((file) => /node_modules|\/\.|d\.yaml|REPORT/.test(file))).toBe(false);
  });
});
