import { fstatSync, statSync, writeSync, type Stats } from "node:fs";
import type { Io } from "./io.js";

/**
 * The process's standard output as the commands use it. Node builds `process.stdout` (and loads its stream modules)
 * the first time anything touches it, which costs a one-report check a few milliseconds — more than checking some
 * reports takes. So output bound for a file, a pipe, a socket or the null device is written to the descriptor
 * directly, as Node itself does for files; a terminal, or anything else, gets Node's stream, and so does the rest of
 * the output from the moment a direct write would block (a non-blocking pipe whose reader is slow).
 *
 * A reader that goes away (`govreport check … | head`) ends the process quietly, with the exit code it had so far.
 */
export function standardOutput(fd = 1, stream: () => NodeJS.WriteStream = () => process.stdout): Io["stdout"] {
  let direct = writesDirectly(fd);
  let opened: NodeJS.WriteStream | undefined;
  const open = (): NodeJS.WriteStream => {
    if (!opened) {
      opened = stream();
      opened.on("error", (error: NodeJS.ErrnoException) => {
        if (error.code === "EPIPE") readerGone();
        throw error;
      });
    }
    return opened;
  };
  return {
    get isTTY() {
      return direct ? false : open().isTTY === true;
    },
    write(text: string): boolean {
      if (direct) {
        const rest = writeAll(fd, text);
        if (rest === undefined) return true;
        direct = false;
        return open().write(rest);
      }
      return open().write(text);
    },
    once(event: "drain", listener: () => void) {
      if (direct) listener();
      else open().once(event, listener);
      return this;
    },
  };
}

/** Standard error, opened only when something is written to it: an ordinary run writes nothing there. */
export function standardError(): Io["stderr"] {
  return { write: (text: string) => process.stderr.write(text) };
}

function writesDirectly(fd: number): boolean {
  if (process.platform === "win32") return false;
  let stats: Stats;
  try {
    stats = fstatSync(fd);
  } catch {
    return false;
  }
  if (stats.isFile() || stats.isFIFO() || stats.isSocket()) return true;
  // A terminal is a character device too; the null device is the one Node's stream would also treat as a file.
  if (!stats.isCharacterDevice()) return false;
  try {
    const nullDevice = statSync("/dev/null");
    return stats.rdev === nullDevice.rdev && stats.ino === nullDevice.ino && stats.dev === nullDevice.dev;
  } catch {
    return false;
  }
}

/** Writes all of `text`; what a descriptor that would block did not take is returned, to be written another way. */
function writeAll(fd: number, text: string): Buffer | undefined {
  const bytes = Buffer.from(text, "utf8");
  let written = 0;
  while (written < bytes.length) {
    try {
      written += writeSync(fd, bytes, written, bytes.length - written);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === "EAGAIN") return bytes.subarray(written);
      if (code === "EPIPE") readerGone();
      throw error;
    }
  }
  return undefined;
}

function readerGone(): never {
  process.exit(process.exitCode ?? 0);
}
