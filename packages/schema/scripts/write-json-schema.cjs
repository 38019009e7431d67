// Regenerates the committed JSON Schemas from the zod model (run after `tsc -b`).
const fs = require("node:fs");
const path = require("node:path");
const { reportJsonSchema, profileJsonSchema } = require("../out/index.js");

const dir = path.join(__dirname, "..", "schema");
fs.mkdirSync(dir, { recursive: true });
for (const [name, schema] of [["report.schema.json", reportJsonSchema()], ["profile.schema.json", profileJsonSchema()]]) {
  fs.writeFileSync(path.join(dir, name), JSON.stringify(schema, null, 2) + "\n");
  console.log(`wrote schema/${name}`);
}
