// Regenerates the committed JSON Schemas and the report validator made from them (run after `tsc -b`, then build
// again).
"use strict";
const fs = require("node:fs");
const path = require("node:path");
const { reportJsonSchema, profileJsonSchema } = require("../out/index.js");
const { reportValidatorSource } = require("./report-validator-source.cjs");

const root = path.join(__dirname, "..");
fs.mkdirSync(path.join(root, "schema"), { recursive: true });
for (const [name, schema] of [["report.schema.json", reportJsonSchema()], ["profile.schema.json", profileJsonSchema()]]) {
  fs.writeFileSync(path.join(root, "schema", name), JSON.stringify(schema, null, 2) + "\n");
  console.log(`wrote schema/${name}`);
}
fs.writeFileSync(path.join(root, "src", "report-validator.generated.ts"), reportValidatorSource(reportJsonSchema()));
console.log("wrote src/report-validator.generated.ts");
