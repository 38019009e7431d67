#!/usr/bin/env node
// Benchmarks `govreport check` against two references in the same run: bare `node -e 0` (the floor: what any
// Node CLI pays to start) and markdownlint-cli2 linting the same reports rendered as Markdown.
//
//   node scripts/bench-cli.cjs [--sizes 1,100,1000] [--runs N] [--threads-sweep] [--json file] [--cli bin]
//
// Needs the CLI built (pnpm build). Prints a Markdown table; see bench/cli/README.md for how to read it.
"use strict";
const { spawnSync } = require("node:child_process");
const { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } = require("node:fs");
const os = require("node:os");
const path = require("node:path");

const root = path.resolve(__dirname, "..");
// A devDependency of the CLI package; its exports map hides the bin file, which its package.json names.
const markdownlintDir = path.join(root, "packages", "cli", "node_modules", "markdownlint-cli2");
const markdownlintBin = path.join(markdownlintDir, JSON.parse(readFileSync(path.join(markdownlintDir, "package.json"), "utf8")).bin["markdownlint-cli2"]);
const probe = path.join(root, "bench", "cli", "max-rss-probe.cjs");

function option(name, fallback) {
  const index = process.argv.indexOf(name);
  return index >= 0 ? process.argv[index + 1] : fallback;
}
// Another build's bin (e.g. one bundled from an earlier commit) can be measured instead, to compare in like conditions.
const cliBin = path.resolve(option("--cli", path.join(root, "packages", "cli", "bin", "govreport.cjs")));
const sizes = option("--sizes", "1,100,1000").split(",").map(Number);
const runsOverride = option("--runs", undefined);
const jsonOut = option("--json", undefined);
const threadsSweep = process.argv.includes("--threads-sweep");

function sourceReport() {
  const example = path.join(root, "examples", "xiqu-2021", "report.yaml");
  if (existsSync(example)) return { file: example, text: readFileSync(example, "utf8") };
  const fixture = path.join(root, "packages", "core", "src", "rules", "fixtures", "digit-cjk-space", "spaces.report.yaml");
  return { file: fixture, text: readFileSync(fixture, "utf8") };
}

function renderMarkdown(text, file) {
  const { check } = require(path.join(root, "packages", "core"));
  const { renderText } = require(path.join(root, "packages", "render"));
  const result = check(text, { fileName: file });
  if (!result.report) throw new Error(`${file} is not a valid report; cannot render it for the Markdown comparison`);
  return renderText(result.report);
}

/** Runs a command once; wall time from here, peak memory (max RSS) reported by the probe inside the child. */
function measure(args, cwd) {
  const rssFile = path.join(os.tmpdir(), `govreport-bench-rss-${process.pid}`);
  rmSync(rssFile, { force: true });
  const start = process.hrtime.bigint();
  const run = spawnSync(process.execPath, ["--require", probe, ...args], {
    cwd,
    stdio: ["ignore", "ignore", "pipe"],
    env: { ...process.env, GOVREPORT_BENCH_RSS_FILE: rssFile },
    maxBuffer: 64 * 1024 * 1024,
  });
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  if (run.status !== 0 && run.status !== 1) throw new Error(`${args.join(" ")} exited ${run.status}: ${run.stderr}`);
  const probed = existsSync(rssFile) ? JSON.parse(readFileSync(rssFile, "utf8")) : { maxRssKb: NaN, cpuMs: NaN };
  rmSync(rssFile, { force: true });
  return { seconds, rssKb: probed.maxRssKb, cpuMs: probed.cpuMs };
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/**
 * bin/govreport.cjs runs the compiled modules instead of the bundle when a package was compiled after the last
 * bundling (bin/choose-entry.cjs); timing that would measure a few hundred module loads, not the shipped program.
 * A build from before that file existed is taken as it is.
 */
function assertBundleCurrent() {
  const chooser = path.join(path.dirname(cliBin), "choose-entry.cjs");
  if (!existsSync(chooser)) return;
  const packageDir = path.resolve(path.dirname(cliBin), "..");
  if (!require(chooser).chooseEntry(packageDir).bundle) {
    throw new Error(`the bundle in ${path.relative(root, packageDir)}/dist is missing or older than a compile; run pnpm build first`);
  }
}

function main() {
  assertBundleCurrent();
  const source = sourceReport();
  const markdown = renderMarkdown(source.text, source.file);
  const work = mkdtempSync(path.join(os.tmpdir(), "govreport-bench-"));
  const results = [];
  try {
    for (const size of sizes) {
      const dir = path.join(work, `n${size}`);
      const yamlDir = path.join(dir, "reports");
      const mdDir = path.join(dir, "markdown");
      mkdirSync(yamlDir, { recursive: true });
      mkdirSync(mdDir, { recursive: true });
      for (let i = 0; i < size; i++) {
        const name = `r${String(i).padStart(5, "0")}`;
        writeFileSync(path.join(yamlDir, `${name}.report.yaml`), source.text);
        writeFileSync(path.join(mdDir, `${name}.md`), markdown);
      }
      const yamlBytes = Buffer.byteLength(source.text) * size;
      const mdBytes = Buffer.byteLength(markdown) * size;
      const runs = Number(runsOverride ?? (size <= 1 ? 15 : size <= 100 ? 7 : 3));
      const commands = [
        { name: "node -e 0 (floor)", args: ["-e", "0"], cwd: dir, bytes: 0 },
        { name: "govreport check", args: [cliBin, "check", "reports"], cwd: dir, bytes: yamlBytes },
        { name: "markdownlint-cli2 0.24.1", args: [markdownlintBin, "markdown/**/*.md"], cwd: dir, bytes: mdBytes },
      ];
      if (threadsSweep) {
        commands.push({ name: "govreport check --threads 0", args: [cliBin, "check", "--threads", "0", "reports"], cwd: dir, bytes: yamlBytes });
        commands.push({ name: "govreport check --threads 1", args: [cliBin, "check", "--threads", "1", "reports"], cwd: dir, bytes: yamlBytes });
      }
      // One warm-up each (file cache, V8 code cache), then interleaved runs so drift in machine load hits all alike.
      for (const command of commands) measure(command.args, command.cwd);
      const samples = commands.map(() => ({ seconds: [], rssKb: [], cpuMs: [] }));
      for (let run = 0; run < runs; run++) {
        commands.forEach((command, index) => {
          const sample = measure(command.args, command.cwd);
          samples[index].seconds.push(sample.seconds);
          samples[index].rssKb.push(sample.rssKb);
          samples[index].cpuMs.push(sample.cpuMs);
        });
      }
      commands.forEach((command, index) => {
        const seconds = median(samples[index].seconds);
        results.push({
          reports: size,
          command: command.name,
          runs,
          medianSeconds: seconds,
          minSeconds: Math.min(...samples[index].seconds),
          // CPU time is much less sensitive than wall time to other work on the machine.
          medianCpuSeconds: median(samples[index].cpuMs) / 1000,
          mbPerSecond: command.bytes > 0 ? command.bytes / 1e6 / seconds : undefined,
          reportsPerSecond: command.bytes > 0 ? size / seconds : undefined,
          peakRssMb: Math.max(...samples[index].rssKb) / 1024,
        });
      });
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }

  const fmt = (value, digits) => (value === undefined || Number.isNaN(value) ? "–" : value.toFixed(digits));
  const lines = [
    `Source: ${path.relative(root, source.file)} (${(Buffer.byteLength(source.text) / 1024).toFixed(1)} KB YAML; ${(Buffer.byteLength(markdown) / 1024).toFixed(1)} KB as Markdown); ` +
      `Node ${process.version}, ${os.cpus().length} CPU(s), load average ${os.loadavg()[0].toFixed(2)}`,
    "",
    "| reports | command | runs | median wall (s) | min wall (s) | median CPU (s) | MB/s | reports/s | peak RSS (MB) |",
    "| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ...results.map(
      (r) =>
        `| ${r.reports} | ${r.command} | ${r.runs} | ${fmt(r.medianSeconds, 3)} | ${fmt(r.minSeconds, 3)} | ${fmt(r.medianCpuSeconds, 3)} | ${fmt(r.mbPerSecond, 2)} | ${fmt(r.reportsPerSecond, 1)} | ${fmt(r.peakRssMb, 0)} |`,
    ),
    "",
    "MB/s and reports/s are from the median wall time. Wall times are only comparable within one run: the commands",
    "are interleaved so that other load on the machine affects them alike.",
    "",
  ];
  const find = (size, name) => results.find((r) => r.reports === size && r.command.startsWith(name));
  const floor = find(1, "node -e 0");
  const single = find(1, "govreport check");
  if (floor && single) {
    const ratio = single.medianSeconds / floor.medianSeconds;
    lines.push(`Budget, one report under 1.5× the floor: ${ratio.toFixed(2)}× → ${ratio < 1.5 ? "met" : "MISSED"}`);
  }
  const big = find(1000, "govreport check");
  const bigMd = find(1000, "markdownlint");
  if (big && bigMd) {
    lines.push(`Budget, 1000 reports faster than markdownlint-cli2: ${big.medianSeconds.toFixed(2)} s vs ${bigMd.medianSeconds.toFixed(2)} s → ${big.medianSeconds < bigMd.medianSeconds ? "met" : "MISSED"}`);
  }
  console.log(lines.join("\n"));
  if (jsonOut) writeFileSync(jsonOut, `${JSON.stringify({ node: process.version, cpus: os.cpus().length, results }, null, 2)}\n`);
}

main();
