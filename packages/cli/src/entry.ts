import type { WorkerSetup } from "./check/pool.js";
import { EXIT } from "./io.js";

/**
 * The program's one entry: the command line in the main thread, the check loop in a worker thread. Both load their
 * code on demand, so `govreport --version` or a usage error never loads the engine.
 *
 * The pool starts workers with this argument (WORKER_FLAG in check/pool.ts); only then is node:worker_threads
 * loaded to confirm it, which keeps it out of every ordinary start.
 */
const WORKER_FLAG = "--govreport-check-worker";

if (process.argv[2] === WORKER_FLAG && !require("node:worker_threads").isMainThread) {
  const { parentPort, workerData } = require("node:worker_threads") as typeof import("node:worker_threads");
  const port = parentPort as NonNullable<typeof parentPort>;
  void import("./commands/check.js").then(({ serveCheckJobs }) => serveCheckJobs(port, workerData as WorkerSetup));
} else {
  // Workers start the way this process started (through bin/, which picks the bundle or the compiled modules).
  const workerScript = require.main?.filename ?? __filename;
  void import("./main.js").then(async ({ main, processIo }) => {
    const io = processIo(workerScript);
    const code = await main(process.argv.slice(2), io);
    // Output that failed after its write returned has set exit code 2 already (standard-output.ts); that stands.
    if (process.exitCode !== EXIT.usage) process.exitCode = code;
    // The command is done: its files are written and closed, its worker threads gone. When its output has reached
    // the operating system too, nothing is left but taking the heap down piece by piece, which costs a one-report
    // check a few milliseconds; exit() skips that ("exit" listeners still run). Output still in a stream (a
    // terminal, a slow pipe) is left to finish as usual.
    if (io.settled()) process.exit();
  });
}
