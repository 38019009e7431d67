"use strict";
// A report 20 times the size of the example: the body's subsections, the figures and the checks copied
// 20 times, each copy with its own figure ids (c1_review.total, c2_review.total, ...), so every reference
// still resolves and every check is still evaluated.
const path = require("node:path");

const ID = /[a-z][a-z0-9_]*(?:\.[a-z0-9_]+)*/g;

function syntheticReport(exampleText, copies, YAML) {
  const data = YAML.parse(exampleText);
  const ids = Object.keys(data.figures).sort((a, b) => b.length - a.length);
  const known = new Set(ids);
  const renameRefs = (text, k) => text.replace(/\{([^{}\s]+)\}/g, (whole, id) => (known.has(id) ? `{c${k}_${id}}` : whole));
  const renameDeep = (value, k) => {
    if (typeof value === "string") return renameRefs(value, k);
    if (Array.isArray(value)) return value.map((item) => renameDeep(item, k));
    if (value && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, renameDeep(item, k)]));
    return value;
  };
  const body = data.sections[0];
  const subsections = body.sections;
  const figures = {};
  const checks = [];
  const bodyCopies = [];
  for (let k = 1; k <= copies; k++) {
    for (const section of subsections) bodyCopies.push(renameDeep(section, k));
    for (const [id, entry] of Object.entries(data.figures)) figures[`c${k}_${id}`] = renameDeep(entry, k);
    for (const check of data.checks) checks.push(check.replace(ID, (id) => (known.has(id) ? `c${k}_${id}` : id)));
  }
  const result = { ...data, sections: [{ ...body, sections: bodyCopies }, ...data.sections.slice(1)], figures, checks };
  // Prose the example references without a copy number (there is none) stays as it is.
  return YAML.stringify(result, { lineWidth: 0, aliasDuplicateObjects: false });
}

module.exports = { syntheticReport, examplePath: path.resolve(__dirname, "..", "..", "examples", "xiqu-2021", "report.yaml") };
