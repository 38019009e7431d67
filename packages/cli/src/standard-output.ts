import { fstatSync, statSync, writeSync, type BigIntStats } from "node:fs";
import { EXIT, UsageError, type Io } from "./io.js";

/**
 * The process's standard output as the commands use it. Node builds `process.stdout` (and loads its stream modules)
 * the first time anything touches it, which costs a one-report check a few milliseconds — more than checking some
 * reports takes. So output bound for a file, a pipe, a socket or the null device is written to the descriptor
 * directly, as Node itself does for files; a terminal, or anything else, gets Node's stream, and so does the rest of
 * the output from the moment a direct write would block (a non-blocking pipe whose reader is slow).
 *
 * A reader that goes away (`govreport check … | head`) ends the output, not the run: what follows is dropped, and
 * the exit code still says whether the reports have errors, as CI's `set -o pipefail` expects. Any other failure to
 * write (a full disk) is a UsageError: the run cannot deliver its result. Mostly the write that failed says so, and
 * the command stops with the error; a stream to a terminal or a socket may tell only later, by an event, when the
 * command has gone on or even finished. Such a failure ends the output as a vanished reader does and is handed to
 * `failedLater`, which makes the run end with exit code 2.
 */
export function standardOutput(
  fd = 1,
  stream: () => NodeJS.WriteStream = () => process.stdout,
  failedLater: (failure: UsageError) => void = reportFailedOutput,
): Io["stdout"] & Settles {
  let mode: "direct" | "stream" | "gone" = writesDirectly(fd) ? "direct" : "stream";
  let opened: NodeJS.WriteStream | undefined;
  let reported: Error | undefined;
  const open = (): NodeJS.WriteStream => {
    if (!opened) {
      opened = stream();
      opened.on("error", (error: NodeJS.ErrnoException) => {
        // An error the write itself already reported (see toStream) is handled.
        if (error === reported || mode === "gone") return;
        mode = "gone";
        if (error.code !== "EPIPE") failedLater(cannotWrite(error.code));
      });
    }
    return opened;
  };
  // A stream to a file (or a device Node treats as one) fails within `write`, but tells of it only by an event a
  // moment later; `errored` has it at once.
  const toStream = (data: string | Buffer): boolean => {
    const target = open();
    const written = target.write(data);
    const failed = target.errored as NodeJS.ErrnoException | null;
    if (failed?.code === "EPIPE") {
      mode = "gone";
      return true;
    }
    if (failed) {
      reported = failed;
      throw cannotWrite(failed.code);
    }
    return written;
  };
  return {
    get isTTY() {
      return mode === "stream" && open().isTTY === true;
    },
    write(text: string): boolean {
      if (mode === "direct") {
        const rest = writeAll(fd, text);
        if (rest === "gone") mode = "gone";
        if (rest === undefined || rest === "gone") return true;
        mode = "stream";
        return toStream(rest);
      }
      return mode === "stream" ? toStream(text) : true;
    },
    once(event: "drain", listener: () => void) {
      if (mode !== "stream") {
        listener();
        return this;
      }
      // A stream that fails (its reader gone) closes instead of draining; whoever waits goes on either way.
      const target = open();
      const done = () => {
        target.off(event, done);
        target.off("close", done);
        listener();
      };
      target.once(event, done);
      target.once("close", done);
      return this;
    },
    // Everything went to the descriptor with blocking writes (or was dropped): nothing waits in a stream.
    settled: () => opened === undefined,
  };
}

/** Whether everything written so far has reached the operating system, so that the process may end at once. */
export interface Settles {
  settled(): boolean;
}

/**
 * What the process does with a failure to write that surfaces after the write (see standardOutput): say so, and
 * end with exit code 2 whatever the command returns (entry.ts keeps it).
 */
export function reportFailedOutput(failure: UsageError): void {
  process.exitCode = EXIT.usage;
  // Standard error may be the same broken terminal or socket; its failure would have nowhere to be told either.
  process.stderr.on("error", () => undefined);
  process.stderr.write(`govreport: ${failure.message}\n`);
}

/** Standard error, opened only when something is written to it: an ordinary run writes nothing there. */
export function standardError(): Io["stderr"] & Settles {
  let written = false;
  return {
    write: (text: string) => {
      written = true;
      return process.stderr.write(text);
    },
    // Node's stream may still hold what was written; only an untouched stderr is surely settled.
    settled: () => !written,
  };
}

function writesDirectly(fd: number): boolean {
  if (process.platform === "win32") return false;
  let stats: BigIntStats;
  try {
    // As BigInts: the ordinary form leaves the stats of a pipe in a buffer Node shares with realpath, which then
    // stops resolving symlinked packages for `import()` (nodejs/node#51142).
    stats = fstatSync(fd, { bigint: true });
  } catch {
    return false;
  }
  if (stats.isFile() || stats.isFIFO() || stats.isSocket()) return true;
  // A terminal is a character device too; the null device is the one Node's stream would also treat as a file.
  if (!stats.isCharacterDevice()) return false;
  try {
    const nullDevice = statSync("/dev/null", { bigint: true });
    return stats.rdev === nullDevice.rdev && stats.ino === nullDevice.ino && stats.dev === nullDevice.dev;
  } catch {
    return false;
  }
}

/**
 * Writes all of `text`. Returns what a descriptor that would block did not take, to be written another way, or
 * "gone" when the reader has closed its end.
 */
function writeAll(fd: number, text: string): Buffer | "gone" | undefined {
  const bytes = Buffer.from(text, "utf8");
  let written = 0;
  while (written < bytes.length) {
    try {
      written += writeSync(fd, bytes, written, bytes.length - written);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === "EAGAIN") return bytes.subarray(written);
      if (code === "EPIPE") return "gone";
      throw cannotWrite(code);
    }
  }
  return undefined;
}

function cannotWrite(code: string | undefined): UsageError {
  return new UsageError(`无法写入标准输出（${code ?? "error"}） — cannot write to standard output (${code ?? "error"})`);
}
