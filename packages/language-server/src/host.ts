import { readFileSync, statSync } from "node:fs";
import path from "node:path";
import { MAX_SOURCE_LENGTH, type CheckHost } from "@govreport/core";

/** Reads a file by absolute path: an open editor's text when there is one (unsaved edits count), else the disk. */
export type FileReader = (absolutePath: string) => string | undefined;

/** A file bigger than this is not a report or a profile; reading it would only stall the server. */
const MAX_FILE_BYTES = MAX_SOURCE_LENGTH * 3;

export function readDiskFile(absolutePath: string): string | undefined {
  try {
    const stat = statSync(absolutePath);
    if (!stat.isFile() || stat.size > MAX_FILE_BYTES) return undefined;
    return readFileSync(absolutePath, "utf8");
  } catch {
    return undefined;
  }
}

export function resolveAgainst(file: string, relativeTo: string | undefined): string | undefined {
  if (path.isAbsolute(file)) return path.normalize(file);
  if (!relativeTo || !path.isAbsolute(relativeTo)) return undefined;
  return path.resolve(path.dirname(relativeTo), file);
}

/**
 * The engine's host for one check: it resolves what a report refers to (a profile file, last year's report)
 * and remembers every file it was asked for — found or not — so the report is checked again when one of them
 * appears, changes or goes away.
 */
export function recordingHost(read: FileReader): { host: CheckHost; reads: Set<string> } {
  const reads = new Set<string>();
  const host: CheckHost = {
    readFile(file, relativeTo) {
      const resolved = resolveAgainst(file, relativeTo);
      if (resolved === undefined) return undefined;
      reads.add(resolved);
      return read(resolved);
    },
  };
  return { host, reads };
}
