#!/usr/bin/env node
// Prints the mutation experiment of tests/corpus (see tests/corpus/harness.cjs): how many changed figures the
// checker catches, and how many errors it raises on the unchanged reports. Build the packages first.
"use strict";
const harness = require("../tests/corpus/harness.cjs");

const percent = (part, whole) => (whole === 0 ? "—" : `${((100 * part) / whole).toFixed(1)}%`);

const experiment = harness.runExperiment();
const rows = experiment.results.map((result) => [
  result.name,
  result.figures,
  result.mutations,
  result.contradicting,
  result.detected,
  percent(result.detected, result.contradicting),
  `${result.errors} (${result.verifiedErrors} verified)`,
]);
const header = ["report", "figures in checks", "mutations", "contradicting a check", "caught", "detection", "errors unchanged"];
const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => String(row[column]).length)));
const line = (cells) => cells.map((cell, column) => String(cell).padEnd(widths[column])).join("  ");
console.log(line(header));
console.log(widths.map((width) => "-".repeat(width)).join("  "));
for (const row of rows) console.log(line(row));
console.log("");
console.log(`Figures taking part in a check: ${experiment.figures}; with a mutation that contradicts a check: ${experiment.figuresCatchable}; all such mutations caught: ${experiment.figuresCaught}`);
console.log(`Mutations: ${experiment.mutations}; contradicting a check that held: ${experiment.contradicting}; consistent with every check (cannot be caught): ${experiment.consistent}`);
console.log(`Detection rate: ${experiment.detected}/${experiment.contradicting} = ${percent(experiment.detected, experiment.contradicting)} (target ≥ 95%)`);
console.log(`Error-level findings on the unchanged reports: ${experiment.errors}, verified true by reading: ${experiment.verifiedErrors}, false alarms: ${experiment.falseAlarms} (target 0)`);
for (const result of experiment.results) {
  for (const missed of result.missed) console.log(`  missed in ${result.name}: ${missed}`);
  for (const figure of result.uncatchable) console.log(`  no mutation contradicts a check in ${result.name}: ${figure}`);
  for (const figure of result.unreadable) console.log(`  not mutated (no Arabic number) in ${result.name}: ${figure}`);
}
process.exitCode = experiment.detected >= 0.95 * experiment.contradicting && experiment.falseAlarms === 0 ? 0 : 1;
