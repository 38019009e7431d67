/** Where a command writes; tests pass buffers, the binary passes the process streams. */
export interface Io {
  /** `write` returning false and a "drain" event later, as Node's streams do, slow a long check down to the reader. */
  readonly stdout: { write(text: string): unknown; isTTY?: boolean | undefined; once?(event: "drain", listener: () => void): unknown };
  readonly stderr: { write(text: string): unknown };
  readonly cwd: string;
  /** Environment variables that change behaviour (NO_COLOR, FORCE_COLOR); the process environment by default. */
  readonly env?: Readonly<Record<string, string | undefined>> | undefined;
  /** The script a check worker thread runs (the program's entry); without one, every file is checked in-process. */
  readonly workerScript?: string | undefined;
}

const USAGE_ERROR = Symbol.for("govreport.usage-error");

/** Usage errors, unreadable files, bad config: exit code 2, a message, no stack trace. */
export class UsageError extends Error {
  readonly [USAGE_ERROR] = true;
}

/**
 * Whether an error is a UsageError. Commands can be loaded from separately bundled files, each with its own copy
 * of the class, so `instanceof` cannot tell; the mark can.
 */
export function isUsageError(error: unknown): error is UsageError {
  return typeof error === "object" && error !== null && (error as { [USAGE_ERROR]?: unknown })[USAGE_ERROR] === true;
}

/**
 * 0: nothing to report. 1: errors, or more warnings than --max-warnings allows. 2: the run itself failed — bad
 * usage, a file that cannot be read or written, an invalid config, or a rule that crashed (its findings are missing).
 */
export const EXIT = { clean: 0, findings: 1, usage: 2 } as const;
