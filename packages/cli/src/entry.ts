import { isMainThread, parentPort, workerData } from "node:worker_threads";
import { setWorkerEntry } from "./worker-entry.js";

// The program's one entry: the command line in the main thread, the check loop in a worker thread. Both load their
// code on demand, so `govreport --version` or a usage error never loads the engine.
if (!isMainThread && parentPort && (workerData as { role?: string } | undefined)?.role === "govreport-check-worker") {
  const port = parentPort;
  void import("./check/pool.js").then(({ serveJobs }) => serveJobs(port));
} else {
  // Workers start the way this process started (through bin/, which loads the bundle with its code cache).
  setWorkerEntry(require.main?.filename ?? __filename);
  // `govreport check … | head` closes the pipe early; that is not an error worth a stack trace.
  process.stdout.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code === "EPIPE") process.exit(process.exitCode ?? 0);
    throw error;
  });
  void import("./main.js")
    .then(({ main }) => main(process.argv.slice(2)))
    .then((code) => {
      process.exitCode = code;
    });
}
