"use strict";
// Preloaded into every benchmarked process (`node --require`): at exit, writes the process's peak resident set size
// (KB) and CPU time (user + system, ms) as JSON to the file named by GOVREPORT_BENCH_RSS_FILE. Worker threads share
// the process, so they are included in both.
const file = process.env.GOVREPORT_BENCH_RSS_FILE;
const { isMainThread } = require("node:worker_threads");
if (file && isMainThread) {
  process.once("exit", () => {
    try {
      const usage = process.resourceUsage();
      const cpuMs = (usage.userCPUTime + usage.systemCPUTime) / 1000;
      require("node:fs").writeFileSync(file, JSON.stringify({ maxRssKb: usage.maxRSS, cpuMs }));
    } catch {
      // A missing figure shows as "–" in the table.
    }
  });
}
