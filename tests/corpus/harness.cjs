"use strict";
/**
 * Shared by the corpus tests and scripts/mutation-report.cjs: reading the corpus, importing and checking its
 * reports, and the mutation experiment (change a figure that takes part in a relation, see whether the checker
 * notices). Runs on the built packages, so build schema, core, render and import first.
 *
 * The corpus is read in place from ../shared/corpus beside the repository (see /work/shared/corpus/README.md);
 * its text is never copied into the project.
 */
const { existsSync, readdirSync, readFileSync } = require("node:fs");
const path = require("node:path");

const ROOT = path.resolve(__dirname, "../..");
const { sharedFile } = require("../shared-data.cjs");

const CORPUS_DIR = sharedFile("corpus");
const SEED_FILE = sharedFile("seed/000_89aa34e88a861005.txt");
const EXAMPLE_FILE = path.resolve(ROOT, "examples/xiqu-2021/report.yaml");
const PROFILE_FILE = path.resolve(__dirname, "gongzuo-annual.profile.yaml");

function requireBuilt(relative) {
  const file = path.resolve(ROOT, relative);
  if (!existsSync(file)) {
    throw new Error(`${relative} is missing: build the packages first (for p in schema core render import; do (cd packages/$p && npx tsc -b); done)`);
  }
  return require(file);
}

const { check } = requireBuilt("packages/core/out/index.js");
const { Profile } = requireBuilt("packages/schema/out/index.js");
const { renderText } = requireBuilt("packages/render/out/index.js");
const { importReport, compareTexts, describeDifference } = requireBuilt("packages/import/out/index.js");
const { parse: parseYaml } = require(require.resolve("yaml", { paths: [path.resolve(ROOT, "packages/import")] }));

/**
 * Rules switched off for the corpus, each for a reason that lies in the kind of report, not in the text:
 * - relative-time-word: a 政府工作报告 is delivered at the start of the year it plans for, so its 今年 names that
 *   year correctly; the rule is written for retrospective reports such as 法治政府建设年度报告.
 */
const CORPUS_RULES = Object.freeze({ "relative-time-word": "off" });

/** The corpus reports: name, source address (first line) and text (from the third line on). */
function loadCorpus(dir = CORPUS_DIR) {
  if (!existsSync(dir)) {
    throw new Error(`The corpus is missing: expected the reports in ${dir} (../shared/corpus from the repository root)`);
  }
  const files = readdirSync(dir).filter((name) => name.endsWith(".txt")).sort();
  if (files.length === 0) throw new Error(`The corpus folder ${dir} holds no .txt reports`);
  return files.map((file) => {
    const raw = readFileSync(path.join(dir, file), "utf8");
    const [address = "", blank = "", ...rest] = raw.split(/\r?\n/);
    if (blank.trim() !== "") throw new Error(`${file}: the second line should be blank (first line: source address)`);
    return { name: file.replace(/\.txt$/, ""), address, text: rest.join("\n") };
  });
}

function loadProfile() {
  const text = readFileSync(PROFILE_FILE, "utf8");
  return { text, profile: Profile.parse(parseYaml(text)) };
}

/**
 * The texts carry no title, issuer or date. Title and issuer come from the source address
 * (…/2022年光明区政府工作报告_2022.txt → 光明区政府工作报告, 光明区人民政府). The year is left out of the title:
 * a 政府工作报告 is titled with the year it is delivered in, while meta.year is the year it reviews, and the
 * year-mismatch rule would hold that against the report. The date is left to the import's stand-in.
 */
function metaFromAddress(address) {
  const district = /\d{4}年(.+?)政府工作报告/.exec(decodeURIComponent(address))?.[1];
  return district === undefined ? {} : { title: `${district}政府工作报告`, issuer: `${district}人民政府` };
}

function importCorpusReport(entry, profile) {
  return importReport(entry.text, {
    profile,
    profileReference: "./gongzuo-annual.profile.yaml",
    meta: metaFromAddress(entry.address),
    source: `${entry.name}.txt`,
  });
}

const profileHost = (profileText) => ({ readFile: (file) => (path.basename(file) === "gongzuo-annual.profile.yaml" ? profileText : undefined) });

function checkCorpusReport(text, profileText, language = "yaml") {
  return check(text, {
    fileName: path.join(__dirname, `report.report.${language}`),
    language,
    host: profileHost(profileText),
    rules: CORPUS_RULES,
  });
}

/**
 * The rendered text without the lines the source does not have: meta values that came from options or are
 * stand-ins (title, recipient, issuer, date) are printed by the renderer but are not in the text compared.
 */
function renderedBody(result) {
  const lines = renderText(result.report, { blockSeparator: "\n" }).replace(/\n$/, "").split("\n");
  const { metaSources, report } = result;
  const from = report.meta.letterhead === undefined ? 0 : 1;
  const drop = new Set();
  if (metaSources.title !== "text") drop.add(from);
  if (metaSources.recipient !== "text") drop.add(from + 1);
  const tail = lines.length - (report.meta.contact === undefined ? 0 : 1);
  if (metaSources.issuer !== "text") drop.add(tail - 2);
  if (metaSources.date !== "text") drop.add(tail - 1);
  return lines.filter((_, index) => !drop.has(index)).join("\n");
}

/* ------------------------------------------------------------------------------------------------------------
 * The mutation experiment.
 *
 * For every figure that takes part in a declared check, each mutation below is applied in turn (one figure, one
 * mutation at a time). An independent oracle — interval arithmetic written here from docs/format.md ("Quantities"), sharing no
 * code with the core — says whether the changed value contradicts a check that held before. Those mutations
 * must be caught: the checker must report an error-level finding it did not report on the unchanged report.
 * Mutations the oracle finds consistent (45 + 60 <= 200 stays true after 45 → 46) cannot be caught by anything
 * and are counted apart.
 * ---------------------------------------------------------------------------------------------------------- */

const MUTATIONS = {
  "+1": (digits) => shiftLast(digits, 1n),
  "-1": (digits) => shiftLast(digits, -1n),
  "x10": (digits) => (digits.includes(".") ? moveDot(digits) : `${digits}0`),
  "drop-last-digit": (digits) => (digits.replace(".", "").length > 1 ? digits.slice(0, -1).replace(/\.$/, "") : undefined),
  "last-digit+5": (digits) => `${digits.slice(0, -1)}${(Number(digits.slice(-1)) + 5) % 10}`,
};

function shiftLast(digits, by) {
  const decimals = digits.includes(".") ? digits.length - digits.indexOf(".") - 1 : 0;
  const scaled = BigInt(digits.replace(".", "")) + by;
  if (scaled < 0n) return undefined;
  const text = scaled.toString().padStart(decimals + 1, "0");
  return decimals === 0 ? text : `${text.slice(0, -decimals)}.${text.slice(-decimals)}`;
}

function moveDot(digits) {
  const at = digits.indexOf(".");
  const moved = `${digits.slice(0, at)}${digits[at + 1]}.${digits.slice(at + 2)}`.replace(/\.$/, "");
  return moved.replace(/^0+(?=\d)/, "");
}

/** The mutated versions of a figure's text; the first Arabic number is changed, the rest kept as written. */
function mutationsOf(text) {
  const match = /\d+(?:\.\d+)?/.exec(text);
  if (!match) return [];
  const out = [];
  for (const [kind, mutate] of Object.entries(MUTATIONS)) {
    const digits = mutate(match[0]);
    if (digits === undefined || digits === match[0]) continue;
    out.push({ kind, text: text.slice(0, match.index) + digits + text.slice(match.index + match[0].length) });
  }
  return out;
}

const SCALES = { 万亿: 1e12, 千亿: 1e11, 百亿: 1e10, 千万: 1e7, 百万: 1e6, 亿: 1e8, 万: 1e4, 千: 1e3 };
const MONEY = { 元: 1 };

/**
 * A figure's text as the interval it stands for (docs/format.md), in base units: counts exact; decimals, 万/亿 and
 * percentages other than 0% and 100% rounded to their last digit; 余/多 up to the next step of the last nonzero
 * digit; 近 down to nine tenths; 约 half a step of the last nonzero digit; 以上/超过 unbounded above (a rate at
 * most 100%). Returns undefined for anything it does not read (the figure is then left out of the experiment).
 */
function intervalOf(text) {
  const compact = text.replace(/\s+/g, "");
  const match = /^(约|近|超过|超|逾)?(\d+(?:\.\d+)?)(万亿|千亿|百亿|千万|百万|亿|万|千)?(余|多)?(.*?)(以上|左右)?$/.exec(compact);
  if (!match) return undefined;
  const [, prefix = "", digits = "", scaleWord = "", odd = "", unitText = "", suffix = ""] = match;
  const scale = scaleWord ? SCALES[scaleWord] : 1;
  const percent = unitText === "%";
  const unitFactor = percent ? 0.01 : unitText === "万元" ? 1e4 : unitText === "亿元" ? 1e8 : 1;
  const unit = percent ? "%" : unitText.replace(/^(万|亿)(?=元)/, "") || "";
  const factor = scale * unitFactor;
  const value = Number(digits) * factor;
  const decimals = digits.includes(".") ? digits.length - digits.indexOf(".") - 1 : 0;
  const step = 10 ** -decimals * factor;
  const trimmed = digits.replace(".", "").replace(/0+$/, "");
  const zeros = digits.replace(".", "").length - trimmed.length;
  const lastNonzero = 10 ** (zeros - decimals) * factor;
  let low = value;
  let high = value;
  if (odd) high = value + lastNonzero;
  else if (prefix === "近") low = value * 0.9;
  else if (prefix === "约" || suffix === "左右") {
    const half = (percent ? step : lastNonzero) / 2;
    low = value - half;
    high = value + half;
  } else if (prefix === "超过" || prefix === "超" || prefix === "逾" || suffix === "以上") high = percent && value <= 1 ? 1 : Infinity;
  else if (decimals > 0 || scaleWord || (percent && value !== 0 && value !== 1)) {
    low = value - step / 2;
    high = value + step / 2;
  }
  return { low, high, unit: unit in MONEY ? "元" : unit };
}

/** `a = b + c`, `a + b <= c`, `r = n / d`: each side a sum of ids or of one quotient. */
function parseCheck(source) {
  const match = /^(.+?)\s*(<=|=)\s*(.+)$/.exec(source);
  if (!match) return undefined;
  const side = (text) => text.split("+").map((term) => term.trim().split("/").map((id) => id.trim()));
  return { left: side(match[1]), comparator: match[2], right: side(match[3]) };
}

function evaluateSide(terms, intervals) {
  let low = 0;
  let high = 0;
  for (const term of terms) {
    const [first, second] = term.map((id) => intervals.get(id));
    if (first === undefined || (term.length > 1 && second === undefined)) return undefined;
    if (term.length === 1) {
      low += first.low;
      high += first.high;
    } else {
      if (second.low <= 0) return undefined;
      low += first.low / second.high;
      high += first.high / second.low;
    }
  }
  return { low, high };
}

const TOLERANCE = 1e-9;

/** Whether a check holds for these intervals; undefined when the oracle cannot read it. */
function oracleHolds(check, intervals) {
  const parsed = parseCheck(check);
  if (!parsed) return undefined;
  const left = evaluateSide(parsed.left, intervals);
  const right = evaluateSide(parsed.right, intervals);
  if (!left || !right) return undefined;
  const slack = TOLERANCE * Math.max(1, Math.abs(left.high), Math.abs(right.high));
  if (parsed.comparator === "<=") return left.low <= right.high + slack;
  return left.low <= right.high + slack && right.low <= left.high + slack;
}

function idsOf(check) {
  return check.match(/[a-z][a-z0-9_]*(?:\.[a-z0-9_]+)*/g) ?? [];
}

function valueText(entry) {
  return typeof entry === "string" ? entry : entry.value;
}

function withValue(entry, text) {
  return typeof entry === "string" ? text : { ...entry, value: text };
}

const errorKey = (diagnostic) => `${diagnostic.code}|${JSON.stringify(diagnostic.path ?? diagnostic.range.start)}`;

/**
 * Runs the experiment on one report. `checkJson` checks a report-data JSON text the way the report is checked
 * for real (same profile and rules).
 */
function mutateReport(name, report, checkJson) {
  const errorsOf = (data) => checkJson(JSON.stringify(data)).diagnostics.filter((diagnostic) => diagnostic.severity === "error");
  const baseline = new Set(errorsOf(report).map(errorKey));
  const figures = report.figures ?? {};
  const checks = report.checks ?? [];
  const intervals = new Map(Object.entries(figures).map(([id, entry]) => [id, intervalOf(valueText(entry))]));
  const holding = checks.filter((check) => oracleHolds(check, intervals) === true);
  const inRelations = [...new Set(checks.flatMap(idsOf))].filter((id) => Object.hasOwn(figures, id));

  const outcome = {
    name,
    figures: inRelations.length,
    figuresCatchable: 0,
    figuresCaught: 0,
    mutations: 0,
    contradicting: 0,
    detected: 0,
    consistent: 0,
    unreadable: [],
    uncatchable: [],
    missed: [],
  };
  for (const id of inRelations) {
    const before = { contradicting: outcome.contradicting, detected: outcome.detected };
    const original = valueText(figures[id]);
    if (intervalOf(original) === undefined) {
      outcome.unreadable.push(`${id} = ${original}`);
      continue;
    }
    for (const mutation of mutationsOf(original)) {
      const changed = intervalOf(mutation.text);
      if (changed === undefined) continue;
      outcome.mutations++;
      const mutatedIntervals = new Map(intervals).set(id, changed);
      const contradicts = holding.some((check) => idsOf(check).includes(id) && oracleHolds(check, mutatedIntervals) === false);
      if (!contradicts) {
        outcome.consistent++;
        continue;
      }
      outcome.contradicting++;
      const mutated = { ...report, figures: { ...figures, [id]: withValue(figures[id], mutation.text) } };
      if (errorsOf(mutated).some((diagnostic) => !baseline.has(errorKey(diagnostic)))) outcome.detected++;
      else outcome.missed.push(`${id}: ${original} → ${mutation.text} (${mutation.kind})`);
    }
    const contradicting = outcome.contradicting - before.contradicting;
    if (contradicting > 0) {
      outcome.figuresCatchable++;
      if (outcome.detected - before.detected === contradicting) outcome.figuresCaught++;
    } else outcome.uncatchable.push(`${id} = ${original}`);
  }
  return outcome;
}

/** Every report of the experiment: the hand-encoded example, the imported seed, and the imported corpus. */
function experimentReports() {
  const { text: profileText, profile } = loadProfile();
  const reports = [];
  const exampleText = readFileSync(EXAMPLE_FILE, "utf8");
  const exampleCheck = (text, language) => check(text, { fileName: path.join(path.dirname(EXAMPLE_FILE), `report.report.${language}`), language });
  reports.push({ name: "examples/xiqu-2021 (hand-encoded)", yaml: exampleText, check: exampleCheck, verified: [] });
  const seed = importReport(readFileSync(SEED_FILE, "utf8"));
  reports.push({ name: "seed 000_89aa34e88a861005 (imported)", yaml: seed.yaml, check: exampleCheck, verified: [] });
  for (const entry of loadCorpus()) {
    const imported = importCorpusReport(entry, profile);
    reports.push({
      name: `corpus ${entry.name} (imported)`,
      yaml: imported.yaml,
      check: (text, language) => checkCorpusReport(text, profileText, language),
      verified: expectedFindings(entry.name).findings,
    });
  }
  return reports;
}

function expectedFindings(name) {
  const file = path.join(__dirname, "expected", `${name}.json`);
  if (!existsSync(file)) throw new Error(`No expected findings for ${name}: write tests/corpus/expected/${name}.json after reading the report`);
  return JSON.parse(readFileSync(file, "utf8"));
}

/** The experiment over all reports, and the error-level findings on the unchanged reports. */
function runExperiment() {
  const results = [];
  for (const entry of experimentReports()) {
    const unchanged = entry.check(entry.yaml, "yaml");
    if (unchanged.report === undefined) throw new Error(`${entry.name}: the report data is invalid`);
    const errors = unchanged.diagnostics.filter((diagnostic) => diagnostic.severity === "error");
    const verified = errors.filter((diagnostic) =>
      entry.verified.some((finding) => finding.rule === diagnostic.code && finding.text === entry.yaml.slice(diagnostic.range.start, diagnostic.range.end)),
    );
    const outcome = mutateReport(entry.name, unchanged.report, (json) => entry.check(json, "json"));
    results.push({ ...outcome, errors: errors.length, verifiedErrors: verified.length, falseAlarms: errors.length - verified.length });
  }
  const sum = (key) => results.reduce((total, result) => total + result[key], 0);
  return {
    results,
    figures: sum("figures"),
    figuresCatchable: sum("figuresCatchable"),
    figuresCaught: sum("figuresCaught"),
    mutations: sum("mutations"),
    contradicting: sum("contradicting"),
    detected: sum("detected"),
    consistent: sum("consistent"),
    errors: sum("errors"),
    verifiedErrors: sum("verifiedErrors"),
    falseAlarms: sum("falseAlarms"),
  };
}

module.exports = {
  CORPUS_DIR,
  compareTexts,
  describeDifference,
  CORPUS_RULES,
  loadCorpus,
  loadProfile,
  importCorpusReport,
  checkCorpusReport,
  renderedBody,
  expectedFindings,
  intervalOf,
  oracleHolds,
  mutationsOf,
  mutateReport,
  runExperiment,
};
