import { z } from "zod";
import { ReportData } from "./report.js";
import { Profile } from "./profile.js";

const SCHEMA_BASE = "https://govreport.dev/schema";

/** JSON Schema of what a drafter writes (input view: defaulted fields stay optional). */
export function reportJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(ReportData, { io: "input", target: "draft-07" }),
    $id: `${SCHEMA_BASE}/report.schema.json`,
    title: "govreport report-data",
  };
}

export function profileJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(Profile, { io: "input", target: "draft-07" }),
    $id: `${SCHEMA_BASE}/profile.schema.json`,
    title: "govreport profile",
  };
}
