"use strict";
// Where the shared test data lives: the seed report and the corpus of real reports, which tests read in place and
// the project does not copy. It sits in a `shared/` folder beside the repository; a clone made elsewhere finds it
// beside the repository it was cloned from. GOVREPORT_SHARED names it explicitly.
const fs = require("node:fs");
const path = require("node:path");

const REPOSITORY = path.resolve(__dirname, "..");

function holdsSharedData(dir) {
  return fs.existsSync(path.join(dir, "seed")) && fs.existsSync(path.join(dir, "corpus"));
}

function besideAncestors(start) {
  for (let dir = start; ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, "shared");
    if (holdsSharedData(candidate)) return candidate;
    if (path.dirname(dir) === dir) return undefined;
  }
}

/** The local path this repository was cloned from, read from .git/config (no git process needed). */
function cloneOrigin() {
  try {
    const config = fs.readFileSync(path.join(REPOSITORY, ".git", "config"), "utf8");
    const section = /\[remote "origin"\]([^[]*)/.exec(config)?.[1] ?? "";
    const url = /^\s*url\s*=\s*(.+)$/m.exec(section)?.[1]?.trim();
    if (!url || /^[a-z+]+:\/\//i.test(url) || /^[^/]+@[^:]+:/.test(url)) return undefined;
    return path.resolve(REPOSITORY, url.replace(/^file:\/\//, ""));
  } catch {
    return undefined;
  }
}

function sharedDir() {
  const named = process.env.GOVREPORT_SHARED;
  if (named) {
    if (!holdsSharedData(named)) throw new Error(`GOVREPORT_SHARED=${named} does not hold seed/ and corpus/`);
    return named;
  }
  const origin = cloneOrigin();
  const found = besideAncestors(REPOSITORY) ?? (origin ? besideAncestors(origin) : undefined);
  if (!found) {
    throw new Error(
      "The shared test data (seed/ and corpus/) was not found in a shared/ folder beside the repository or beside the " +
        "repository it was cloned from; set GOVREPORT_SHARED to its path.",
    );
  }
  return found;
}

/** The path of a file in the shared test data, e.g. sharedFile("corpus/gongzuo-nanshan-2023.txt"). */
function sharedFile(relative) {
  return path.join(sharedDir(), relative);
}

module.exports = { sharedDir, sharedFile };
