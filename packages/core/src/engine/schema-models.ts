import type * as Schema from "@govreport/schema";

let models: typeof Schema | undefined;

/**
 * The zod models of @govreport/schema, loaded the first time they are needed: for report-data that
 * `isValidReportData` cannot accept on its own (to say what is wrong), for a team's profile file, for a config file
 * (`config/parse.ts`). Building them is a large part of starting a one-report check, and a valid report with the
 * built-in profile needs none of them. `require` rather than `import`, so that bundles (which would build every
 * imported module at load) build them only here.
 */
export function schemaModels(): typeof Schema {
  return (models ??= require("@govreport/schema") as typeof Schema);
}
