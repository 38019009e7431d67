import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import type { CheckJob, FileReport } from "./job.js";
import { runJob } from "./run-job.js";

/**
 * Marks a worker thread started by the pool, so the program's entry knows to serve jobs instead of parsing argv.
 * entry.ts spells the same string out, so that it need not load this module to compare.
 */
export const WORKER_ROLE = "govreport-check-worker";

/**
 * Below this many files a worker costs more than it saves: starting one and loading the engine in it takes about
 * as long as checking this many typical reports in-process (see scripts/bench-cli.cjs).
 */
export const PARALLEL_THRESHOLD = 48;
/**
 * Cores not given to workers: one for the main thread, which checks files too, and one for V8's garbage collector
 * helpers. Measured on 2 cores (bench/cli/README.md): an in-process check of 300 reports already keeps 1.3 cores
 * busy, and a worker added nothing to wall time while costing 35% more CPU, so 2 cores get no worker.
 */
const RESERVED_CORES = 2;
/** Files handed to a worker per message: big enough to amortise messaging, small enough to balance the load. */
const WORKER_BATCH = 4;
/**
 * Batches each worker holds at once. The main thread answers a worker only between its own files, so a worker
 * with a second batch queued never sits idle waiting for that answer.
 */
const BATCHES_IN_FLIGHT = 2;

export interface PoolOptions {
  /** The script a worker runs (the program's entry, which serves jobs when started as a worker). */
  readonly workerEntry: string | undefined;
  /** Worker threads to start; undefined chooses by file count and cores, 0 checks everything in-process. */
  readonly threads?: number | undefined;
}

export function chooseThreadCount(jobCount: number, requested: number | undefined, cores = availableParallelism()): number {
  if (requested !== undefined) return Math.max(0, Math.floor(requested));
  if (jobCount < PARALLEL_THRESHOLD) return 0;
  return Math.max(0, Math.min(cores - RESERVED_CORES, Math.floor(jobCount / PARALLEL_THRESHOLD)));
}

type ToWorker = { readonly type: "jobs"; readonly first: number; readonly jobs: readonly CheckJob[] } | { readonly type: "done" };
type FromWorker =
  | { readonly type: "ready" }
  | { readonly type: "reports"; readonly first: number; readonly reports: readonly FileReport[] }
  | { readonly type: "failed"; readonly first: number; readonly error: string };

/**
 * Checks every job and returns the reports in job order, whatever thread finished first. Worker threads and the
 * main thread take batches from one queue, so a slow file never holds up the rest.
 */
export async function runJobs(jobs: readonly CheckJob[], options: PoolOptions): Promise<FileReport[]> {
  const reports: Array<FileReport | undefined> = new Array(jobs.length);
  const threads = options.workerEntry === undefined ? 0 : chooseThreadCount(jobs.length, options.threads);
  let next = 0;
  const take = (size: number): { first: number; jobs: readonly CheckJob[] } | undefined => {
    if (next >= jobs.length) return undefined;
    const first = next;
    next = Math.min(jobs.length, next + size);
    return { first, jobs: jobs.slice(first, next) };
  };
  const store = (first: number, batch: readonly FileReport[]) => batch.forEach((report, index) => (reports[first + index] = report));

  const workers = Array.from({ length: threads }, () => serveWorker(options.workerEntry as string, () => take(WORKER_BATCH), store));
  // The main thread checks one file at a time and yields in between, so worker messages are answered promptly.
  for (let batch = take(1); batch; batch = take(1)) {
    store(batch.first, batch.jobs.map(runJob));
    if (threads > 0) await new Promise((resolve) => setImmediate(resolve));
  }
  await Promise.all(workers);
  return reports.map((report, index) => report ?? runJob(jobs[index] as CheckJob));
}

function serveWorker(
  entry: string,
  take: () => { first: number; jobs: readonly CheckJob[] } | undefined,
  store: (first: number, reports: readonly FileReport[]) => void,
): Promise<void> {
  return new Promise((resolve) => {
    const worker = new Worker(entry, { workerData: { role: WORKER_ROLE } });
    let inFlight = 0;
    let finished = false;
    const send = () => {
      const batch = take();
      if (batch) {
        inFlight++;
        worker.postMessage({ type: "jobs", ...batch } satisfies ToWorker);
      } else if (inFlight === 0 && !finished) {
        finished = true;
        worker.postMessage({ type: "done" } satisfies ToWorker);
      }
    };
    worker.on("message", (message: FromWorker) => {
      if (message.type === "ready") {
        for (let i = 0; i < BATCHES_IN_FLIGHT; i++) send();
        return;
      }
      inFlight--;
      if (message.type === "reports") store(message.first, message.reports);
      // A batch the worker could not finish is left unfilled and re-run in the main thread afterwards (runJobs
      // fills the gaps), which reports the problem in the ordinary way instead of losing the files.
      send();
    });
    // A worker that dies leaves its batch unfilled; runJobs checks those files in-process afterwards.
    worker.on("error", () => undefined);
    worker.on("exit", () => resolve());
  });
}

/** The loop a worker thread runs: check each batch it is sent and send the reports back. */
export function serveJobs(port: { on(event: "message", listener: (message: ToWorker) => void): unknown; postMessage(message: FromWorker): void; close(): void }): void {
  port.on("message", (message) => {
    if (message.type === "done") {
      port.close();
      return;
    }
    try {
      port.postMessage({ type: "reports", first: message.first, reports: message.jobs.map(runJob) });
    } catch (error) {
      port.postMessage({ type: "failed", first: message.first, error: error instanceof Error ? error.message : String(error) });
    }
  });
  port.postMessage({ type: "ready" });
}
