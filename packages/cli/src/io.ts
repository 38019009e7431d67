/** Where a command writes; tests pass buffers, the binary passes the process streams. */
export interface Io {
  readonly stdout: { write(text: string): unknown; isTTY?: boolean | undefined };
  readonly stderr: { write(text: string): unknown };
  readonly cwd: string;
  /** Environment variables that change behaviour (NO_COLOR, FORCE_COLOR); the process environment by default. */
  readonly env?: Readonly<Record<string, string | undefined>> | undefined;
}

/** Usage errors, unreadable files, bad config: exit code 2, a message, no stack trace. */
export class UsageError extends Error {}

/**
 * 0: nothing to report. 1: errors, or more warnings than --max-warnings allows. 2: the run itself failed — bad
 * usage, a file that cannot be read or written, an invalid config, or a rule that crashed (its findings are missing).
 */
export const EXIT = { clean: 0, findings: 1, usage: 2 } as const;
