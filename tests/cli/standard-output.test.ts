import { spawn, spawnSync } from "node:child_process";
import { EventEmitter } from "node:events";
import { closeSync, openSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BIN, makeProject, REPO, reportWithError, runCli } from "./helpers.js";

const MODULE = path.join(REPO, "packages", "cli", "out", "standard-output.js");

/**
 * Runs a script that writes `count` numbered lines through standardOutput, and reads its stdout through a pipe,
 * pausing after the first chunk so that the writer runs ahead of the reader. Before writing, the script can make
 * Node open its own stream on the pipe first, which leaves the descriptor non-blocking, so direct writes meet
 * EAGAIN. It reports on stderr how often it fell back to Node's stream.
 */
function writeThroughPipe(count: number, streamFirst: boolean): Promise<{ stdout: string; stderr: string; status: number | null }> {
  const script = `
    const { standardOutput } = require(${JSON.stringify(MODULE)});
    ${streamFirst ? "process.stdout;" : ""}
    let opened = 0;
    const out = standardOutput(1, () => (opened++, process.stdout));
    for (let i = 0; i < ${count}; i++) out.write("第" + i + "行 line " + i + "\\n");
    process.on("exit", () => process.stderr.write("opened " + opened));`;
  return readSlowly(["-e", script]);
}

/** Runs node with `args`, reading its stdout through a pipe and pausing after the first chunk for `pauseMs`. */
function readSlowly(args: string[], options: { cwd?: string; pauseMs?: number } = {}): Promise<{ stdout: string; stderr: string; status: number | null }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: options.cwd });
    let stdout = "";
    let stderr = "";
    let paused = false;
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
      stdout += chunk;
      if (!paused) {
        paused = true;
        child.stdout.pause();
        setTimeout(() => child.stdout.resume(), options.pauseMs ?? 200);
      }
    });
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
    child.on("error", reject);
    child.on("close", (status) => resolve({ stdout, stderr, status }));
  });
}

const expectedLines = (count: number) => Array.from({ length: count }, (_, i) => `第${i}行 line ${i}\n`).join("");

describe("standard output", { timeout: 60_000 }, () => {
  it("writes straight to a pipe, every byte in order, however far ahead of its reader", async () => {
    const result = await writeThroughPipe(100_000, false);
    expect(result.status).toBe(0);
    expect(result.stdout).toBe(expectedLines(100_000));
    expect(result.stderr).toBe("opened 0");
  });

  it("hands over to Node's stream when a non-blocking pipe is full, losing and reordering nothing", async () => {
    const result = await writeThroughPipe(100_000, true);
    expect(result.status).toBe(0);
    expect(result.stdout).toBe(expectedLines(100_000));
    expect(result.stderr).toBe("opened 1");
  });
});

describe("standard output, reader gone", { timeout: 60_000 }, () => {
  it("lets a writer that waits for the pipe to drain go on when the reader leaves, instead of waiting for ever", async () => {
    // Node's own stream on the pipe first, so that it is non-blocking and the output goes through the stream.
    const script = `
      const { standardOutput } = require(${JSON.stringify(MODULE)});
      process.stdout;
      const out = standardOutput();
      (async () => {
        for (let i = 0; i < 200000; i++) {
          if (!out.write("第" + i + "行 line " + i + "\\n")) await new Promise((resolve) => out.once("drain", resolve));
        }
        process.stderr.write("finished");
      })();`;
    const result = await new Promise<{ stderr: string; status: number | null }>((resolve, reject) => {
      const child = spawn(process.execPath, ["-e", script]);
      let stderr = "";
      child.stdout.once("data", () => setTimeout(() => child.stdout.destroy(), 50));
      child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
      child.on("error", reject);
      child.on("close", (status) => resolve({ stderr, status }));
    });
    expect(result.stderr).toBe("finished");
    expect(result.status).toBe(0);
  });
});

describe("standard output, looked at", { timeout: 60_000 }, () => {
  it("leaves Node able to load symlinked packages: a glob through the compiled modules still works with stdout a pipe", () => {
    // The compiled modules load tinyglobby with import() at run time (the bundle has it inside); a plain fstat of a
    // pipe used to break that resolution in pnpm's symlinked node_modules (nodejs/node#51142).
    const project = makeProject({ "a.report.yaml": readFileSync(path.join(REPO, "examples", "xiqu-2021", "report.yaml"), "utf8") });
    try {
      const entry = path.join(REPO, "packages", "cli", "out", "entry.js");
      const script = `process.argv = [process.argv[0], "govreport", "check", "*.report.yaml", "--threads", "0"]; require(${JSON.stringify(entry)});`;
      const result = spawnSync(process.execPath, ["-e", script], { cwd: project.dir, encoding: "utf8", maxBuffer: 16 * 1024 * 1024 });
      expect(result.stderr).toBe("");
      expect(result.stdout).toContain("检查了 1 个文件");
      expect(result.status).toBe(0);
    } finally {
      project.cleanup();
    }
  });
});

describe("standard output, failing", () => {
  it("turns a failed write into a usage error that names the cause", async () => {
    const { standardOutput } = (await import(MODULE)) as typeof import("../../packages/cli/src/standard-output.js");
    const project = makeProject({ "out.txt": "" });
    try {
      const fd = openSync(path.join(project.dir, "out.txt"), "w");
      const out = standardOutput(fd, () => {
        throw new Error("a file is written directly, never through the stream");
      });
      expect(out.write("一\n")).toBe(true);
      closeSync(fd);
      expect(() => out.write("二\n")).toThrow("无法写入标准输出（EBADF） — cannot write to standard output (EBADF)");
      expect(readFileSync(path.join(project.dir, "out.txt"), "utf8")).toBe("一\n");
    } finally {
      project.cleanup();
    }
  });

  it("ends the output and hands on a failure that a stream tells of only later, once, as a usage error", async () => {
    const { standardOutput } = (await import(MODULE)) as typeof import("../../packages/cli/src/standard-output.js");
    // A character device that is not the null device: output goes through the stream, as it would to a terminal.
    const device = openSync("/dev/zero", "w");
    try {
      const terminal = Object.assign(new EventEmitter(), {
        isTTY: true,
        errored: null,
        written: [] as string[],
        write(data: string | Buffer) {
          terminal.written.push(String(data));
          return false;
        },
      });
      const failures: string[] = [];
      const out = standardOutput(device, () => terminal as unknown as NodeJS.WriteStream, (failure) => failures.push(failure.message));
      expect(out.write("一\n")).toBe(false);
      let released = false;
      out.once?.("drain", () => (released = true));
      terminal.emit("error", Object.assign(new Error("connection reset"), { code: "ECONNRESET" }));
      terminal.emit("error", Object.assign(new Error("connection reset"), { code: "ECONNRESET" }));
      expect(failures).toEqual(["无法写入标准输出（ECONNRESET） — cannot write to standard output (ECONNRESET)"]);
      expect(out.write("二\n")).toBe(true);
      expect(terminal.written).toEqual(["一\n"]);
      terminal.emit("close");
      expect(released).toBe(true);
    } finally {
      closeSync(device);
    }
  });

  it("ends the output without a failure when the stream's reader goes away later", async () => {
    const { standardOutput } = (await import(MODULE)) as typeof import("../../packages/cli/src/standard-output.js");
    const device = openSync("/dev/zero", "w");
    try {
      const terminal = Object.assign(new EventEmitter(), { errored: null, written: 0, write: () => ((terminal.written += 1), true) });
      const failures: string[] = [];
      const out = standardOutput(device, () => terminal as unknown as NodeJS.WriteStream, (failure) => failures.push(failure.message));
      out.write("一\n");
      terminal.emit("error", Object.assign(new Error("broken pipe"), { code: "EPIPE" }));
      out.write("二\n");
      expect(failures).toEqual([]);
      expect(terminal.written).toBe(1);
    } finally {
      closeSync(device);
    }
  });
});

describe("govreport check writing to stdout", { timeout: 60_000 }, () => {
  let project: ReturnType<typeof makeProject>;
  beforeAll(() => {
    // Enough output (about 1.5 MB) that a pipe's buffer cannot take it all at once.
    const example = readFileSync(path.join(REPO, "examples", "xiqu-2021", "report.yaml"), "utf8");
    const files: Record<string, string> = {};
    for (let i = 0; i < 40; i++) files[`r${String(i).padStart(3, "0")}.report.yaml`] = example;
    // Checked last: its error decides the exit code after the reader has gone.
    files["z-error.report.yaml"] = reportWithError();
    project = makeProject(files);
  });
  afterAll(() => project.cleanup());

  it("prints to a file (`> file`) just what --output writes", () => {
    const viaOutput = runCli(["check", "r*.report.yaml", "--output", "out.txt", "--threads", "0"], { cwd: project.dir });
    const redirected = path.join(project.dir, "redirected.txt");
    const fd = openSync(redirected, "w");
    let status: number | null;
    try {
      status = spawnSync(process.execPath, [BIN, "check", "r*.report.yaml", "--threads", "0"], { cwd: project.dir, stdio: ["ignore", fd, "pipe"] }).status;
    } finally {
      closeSync(fd);
    }
    expect(status).toBe(viaOutput.status);
    const printed = readFileSync(redirected, "utf8");
    expect(printed).toBe(readFileSync(path.join(project.dir, "out.txt"), "utf8"));
    expect(printed).toContain("检查了 40 个文件");
  });

  // The run ends with process.exit() when all its output went to the descriptor (entry.ts); output handed to Node's
  // stream, as it is when a pipe that does not block fills up, must still arrive whole.
  it("delivers every byte to a slow reader of a pipe that does not block, though a settled run exits at once", async () => {
    writeFileSync(path.join(project.dir, "stream-first.cjs"), "process.stdout;\n");
    runCli(["check", ".", "--threads", "0", "--output", "all.txt"], { cwd: project.dir });
    const expected = readFileSync(path.join(project.dir, "all.txt"), "utf8");
    // Node opening its stream first leaves the pipe non-blocking, so the check's direct writes meet EAGAIN.
    const result = await readSlowly(["--require", "./stream-first.cjs", BIN, "check", ".", "--threads", "0"], { cwd: project.dir, pauseMs: 300 });
    expect(expected.length).toBeGreaterThan(1_000_000);
    expect(result.stdout).toBe(expected);
    expect(result.status).toBe(1);
  });

  it("ends the output quietly when the reader goes away early, as `| head` does, and still exits with the result", async () => {
    const result = await new Promise<{ status: number | null; stderr: string; received: number }>((resolve, reject) => {
      const child = spawn(process.execPath, [BIN, "check", ".", "--threads", "0"], { cwd: project.dir });
      let stderr = "";
      let received = 0;
      child.stdout.once("data", (chunk: Buffer) => {
        received = chunk.length;
        child.stdout.destroy();
      });
      child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
      child.on("error", reject);
      child.on("close", (status) => resolve({ status, stderr, received }));
    });
    expect(result.received).toBeGreaterThan(0);
    expect(result.stderr).toBe("");
    // The last report has an error: `set -o pipefail` in CI sees the check fail, not pass.
    expect(result.status).toBe(1);
  });

  it.each(["0", "1"])("says so and exits 2 when the output cannot be written (a full disk), with --threads %s", (threads) => {
    const full = openSync("/dev/full", "w");
    let result: ReturnType<typeof spawnSync>;
    try {
      result = spawnSync(process.execPath, [BIN, "check", ".", "--threads", threads], { cwd: project.dir, stdio: ["ignore", full, "pipe"], encoding: "utf8" });
    } finally {
      closeSync(full);
    }
    expect(result.status).toBe(2);
    expect(result.stderr).toContain("无法写入标准输出（ENOSPC） — cannot write to standard output (ENOSPC)");
    expect(result.stderr).not.toContain("    at ");
  });

  // A terminal (or socket) stream that fails after the first write has returned: while the command waits for it to
  // drain, or once the command has finished. Node's streams close after an error; so does this one.
  it.each([
    { when: "while the check goes on", full: true, later: "setImmediate" },
    { when: "after the check has finished", full: false, later: "setTimeout" },
  ])("says so and exits 2 when a terminal fails after the write, $when", ({ full, later }) => {
    writeFileSync(
      path.join(project.dir, "failing-terminal.cjs"),
      `const { EventEmitter } = require("node:events");
      const terminal = Object.assign(new EventEmitter(), {
        isTTY: false,
        errored: null,
        writes: 0,
        write() {
          if (terminal.writes++ > 0) return true;
          ${later}(() => {
            terminal.emit("error", Object.assign(new Error("reset"), { code: "ECONNRESET" }));
            terminal.emit("close");
          });
          return ${!full};
        },
      });
      Object.defineProperty(process, "stdout", { configurable: true, get: () => terminal });`,
    );
    const device = openSync("/dev/zero", "w");
    let result: ReturnType<typeof spawnSync>;
    try {
      result = spawnSync(process.execPath, ["--require", "./failing-terminal.cjs", BIN, "check", full ? "." : "r000.report.yaml", "--threads", "0"], {
        cwd: project.dir,
        stdio: ["ignore", device, "pipe"],
        encoding: "utf8",
      });
    } finally {
      closeSync(device);
    }
    expect(result.stderr).toBe("govreport: 无法写入标准输出（ECONNRESET） — cannot write to standard output (ECONNRESET)\n");
    expect(result.status).toBe(2);
  });
});
