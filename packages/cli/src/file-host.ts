import { readFileSync } from "node:fs";
import path from "node:path";
import type { CheckHost, ConfigHost } from "@govreport/core";

/** The CLI's window on the disk for the engine: relative references resolve against the report's folder. */
export const fileHost: CheckHost = {
  readFile(file, relativeTo) {
    const resolved = relativeTo ? path.resolve(path.dirname(relativeTo), file) : path.resolve(file);
    try {
      return readFileSync(resolved, "utf8");
    } catch {
      return undefined;
    }
  },
};

/** The config model's window on the disk: absolute paths, undefined for anything unreadable (including folders). */
export const configFileHost: ConfigHost = {
  readFile(file) {
    try {
      return readFileSync(file, "utf8");
    } catch {
      return undefined;
    }
  },
};
