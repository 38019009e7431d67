import type { FormatName } from "../check/job.js";
import type { Formatter } from "./context.js";
import { github } from "./github.js";
import { formatJson } from "./json.js";
import { formatJunit } from "./junit.js";
import { formatSarif } from "./sarif.js";
import { stylish } from "./stylish.js";

export const FORMATTERS: Readonly<Record<FormatName, Formatter>> = {
  stylish,
  json: { streaming: false, format: formatJson },
  sarif: { streaming: false, format: formatSarif },
  github,
  junit: { streaming: false, format: formatJunit },
};

export const FORMAT_NAMES = Object.keys(FORMATTERS) as FormatName[];

export function isFormatName(name: string): name is FormatName {
  return Object.hasOwn(FORMATTERS, name);
}
