import type { Worker } from "node:worker_threads";
import type { CheckJob, FileOutcome, OutputOptions } from "./job.js";
import { runJob } from "./run-job.js";

/**
 * The argument a check worker thread is started with, so the program's entry knows to serve jobs instead of parsing
 * the command line (and need not load node:worker_threads to find out). entry.ts spells the same string out, so that
 * it need not load this module to compare.
 */
export const WORKER_FLAG = "--govreport-check-worker";

/**
 * Below this many files a worker costs more than it saves: starting one and loading the engine in it takes about
 * as long as checking this many typical reports in-process (see scripts/bench-cli.cjs).
 */
export const PARALLEL_THRESHOLD = 48;
/**
 * Cores not given to workers: one for the main thread, which checks files too, and one for what V8 runs beside it
 * (garbage collection, optimising compilation). Measured on 2 cores (bench/cli/README.md): an in-process check of
 * 1000 reports already keeps 1.3 cores busy, and a worker cost 25–30% more CPU for at best 7% less wall time, and
 * more wall time when anything else ran on the machine — each thread pays the engine's JIT warm-up on its own. So
 * 2 cores get no worker.
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
  readonly workerScript: string | undefined;
  /** Worker threads to start; undefined chooses by file count and cores, 0 checks everything in-process. */
  readonly threads?: number | undefined;
  readonly output: OutputOptions;
  /** Called once per file, in job order, as soon as that file and all before it are checked. */
  readonly deliver: (outcome: FileOutcome) => void;
  /**
   * While the output cannot take more (a pipe whose reader is slow), a promise of the moment it can: no thread is
   * given new files meanwhile, so the text waiting to be printed stays bounded.
   */
  readonly backpressure?: (() => Promise<void> | undefined) | undefined;
}

export function chooseThreadCount(jobCount: number, requested: number | undefined, cores: number): number {
  if (requested !== undefined) return Math.max(0, Math.floor(requested));
  if (jobCount < PARALLEL_THRESHOLD) return 0;
  return Math.max(0, Math.min(cores - RESERVED_CORES, Math.floor(jobCount / PARALLEL_THRESHOLD)));
}

type Batch = { readonly first: number; readonly jobs: readonly CheckJob[] };
type ToWorker = ({ readonly type: "jobs" } & Batch) | { readonly type: "done" };
type FromWorker =
  | { readonly type: "ready" }
  | { readonly type: "outcomes"; readonly first: number; readonly outcomes: readonly FileOutcome[] }
  | { readonly type: "failed"; readonly first: number; readonly error: string };

/** What a worker thread is started with. */
export interface WorkerSetup {
  readonly output: OutputOptions;
}

/**
 * Checks every job, handing the outcomes over in job order whatever thread finished first. Worker threads and the
 * main thread take batches from one queue, so a slow file never holds up the rest; an outcome that arrives early
 * waits only until those before it are in.
 */
export async function runJobs(jobs: readonly CheckJob[], options: PoolOptions): Promise<void> {
  const pending: Array<FileOutcome | undefined> = new Array(jobs.length);
  let delivered = 0;
  const flush = () => {
    for (let outcome = pending[delivered]; outcome !== undefined; outcome = pending[delivered]) {
      pending[delivered] = undefined;
      delivered++;
      options.deliver(outcome);
    }
  };
  const store = (first: number, outcomes: readonly FileOutcome[]) => {
    outcomes.forEach((outcome, index) => (pending[first + index] = outcome));
    flush();
  };
  const backpressure = options.backpressure ?? (() => undefined);
  let threads = 0;
  // A run too small for workers does not even ask how many cores there are.
  if (options.workerScript !== undefined && (options.threads === undefined ? jobs.length >= PARALLEL_THRESHOLD : options.threads > 0)) {
    const { availableParallelism } = require("node:os") as typeof import("node:os");
    threads = chooseThreadCount(jobs.length, options.threads, availableParallelism());
  }
  let next = 0;
  const take = (size: number): Batch | undefined => {
    if (next >= jobs.length) return undefined;
    const first = next;
    next = Math.min(jobs.length, next + size);
    return { first, jobs: jobs.slice(first, next) };
  };

  let workers: Array<Promise<void>> = [];
  if (threads > 0) {
    // Loaded only here: it adds to every start otherwise.
    const { Worker } = require("node:worker_threads") as typeof import("node:worker_threads");
    const setup: WorkerSetup = { output: options.output };
    const worker = () => new Worker(options.workerScript as string, { argv: [WORKER_FLAG], workerData: setup });
    workers = Array.from({ length: threads }, () => serveWorker(worker(), () => take(WORKER_BATCH), store, backpressure));
  }
  // The main thread checks one file at a time and, with workers, yields in between so their messages are answered.
  for (let batch = take(1); batch; batch = take(1)) {
    store(batch.first, [runJob(batch.jobs[0] as CheckJob, options.output)]);
    const wait = backpressure();
    if (wait) await wait;
    else if (threads > 0) await new Promise((resolve) => setImmediate(resolve));
  }
  await Promise.all(workers);
  // A batch a worker could not finish (it failed, or the worker died) is checked here, which reports any problem
  // the ordinary way instead of losing the files.
  while (delivered < jobs.length) store(delivered, [runJob(jobs[delivered] as CheckJob, options.output)]);
}

function serveWorker(
  worker: Worker,
  take: () => Batch | undefined,
  store: (first: number, outcomes: readonly FileOutcome[]) => void,
  backpressure: () => Promise<void> | undefined,
): Promise<void> {
  return new Promise((resolve) => {
    let inFlight = 0;
    let finished = false;
    const send = (): void => {
      const wait = backpressure();
      if (wait) {
        void wait.then(send);
        return;
      }
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
      if (message.type === "outcomes") store(message.first, message.outcomes);
      send();
    });
    // A worker that dies leaves its batches unfilled; runJobs checks those files in-process afterwards.
    worker.on("error", () => undefined);
    worker.on("exit", () => resolve());
  });
}

/** The loop a worker thread runs: check each batch it is sent and send the outcomes back. */
export function serveJobs(
  port: { on(event: "message", listener: (message: ToWorker) => void): unknown; postMessage(message: FromWorker): void; close(): void },
  setup: WorkerSetup,
): void {
  port.on("message", (message) => {
    if (message.type === "done") {
      port.close();
      return;
    }
    try {
      port.postMessage({ type: "outcomes", first: message.first, outcomes: message.jobs.map((job) => runJob(job, setup.output)) });
    } catch (error) {
      port.postMessage({ type: "failed", first: message.first, error: error instanceof Error ? error.message : String(error) });
    }
  });
  port.postMessage({ type: "ready" });
}
