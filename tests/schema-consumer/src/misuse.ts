// Mistakes the package's types must catch at compile time; consumer.test.ts expects tsc to reject each line marked
// with the error it should produce.
import { Profile, ReportData, type ProfileInput } from "@govreport/schema";

// TS2322: `format` must be the literal 1.
const wrongFormat: ProfileInput = { format: 2, id: "x", name: "x", requirements: [] };

const parsed = ReportData.parse({});
// TS2339: a report has no `title` at the top level; it is in `meta`.
const title: string = parsed.title;

// TS2322: `placement` is "section" or "anywhere".
const requirement: Profile["requirements"][number]["placement"] = "chapter";

export { requirement, title, wrongFormat };
