// What a team writes against @govreport/schema: its own profile as typed data, a report validated with the zod
// model, and the JSON Schema for editors. Built and run by consumer.test.ts against the packed package.
import { readFileSync } from "node:fs";
import { isValidReportData } from "@govreport/schema/lite";
import { builtinProfiles, figureValueText, Profile, ReportData, reportJsonSchema, type ProfileInput } from "@govreport/schema";

const teamProfile: ProfileInput = {
  format: 1,
  id: "audit-annual",
  name: "审计整改年度报告",
  requirements: [
    { id: "findings", title: "上一年度审计发现的问题", source: { document: "本单位审计整改办法" } },
    { id: "remedies", title: "整改措施和成效", headings: ["整改情况"], source: { document: "本单位审计整改办法" } },
  ],
  deadline: { month: 2, day: 28, description: "次年2月底前报送", source: { document: "本单位审计整改办法", article: "第十条" } },
};

const profile = Profile.parse(teamProfile);
const reportData: unknown = {
  format: 1,
  profile: "./audit.profile.yaml",
  meta: { issuer: "某局", recipient: "某委", title: "关于2023年度审计整改情况的报告", year: 2023, date: "2024-02-20" },
  sections: [{ title: "审计发现的问题", covers: "findings", text: "共发现问题{audit.issues}。" }],
  figures: { "audit.issues": { value: "12个", label: "审计发现问题" } },
};
const brokenData: unknown = { format: 1, profile: "fazhi-annual", meta: { year: "2023" }, sections: [] };
const report = ReportData.safeParse(reportData);
const broken = ReportData.safeParse(brokenData);

const schemaFile = require.resolve("@govreport/schema/report.schema.json");
const committedSchema = JSON.parse(readFileSync(schemaFile, "utf8")) as { $id?: string };

console.log(
  JSON.stringify({
    requirementIds: profile.requirements.map((requirement) => requirement.id),
    // Defaults the schema fills in for the team.
    requiredByDefault: profile.requirements.every((requirement) => requirement.required),
    deadlineYearOffset: profile.deadline?.yearOffset,
    reportValid: report.success,
    reportValidWithoutZod: isValidReportData(reportData),
    brokenValidWithoutZod: isValidReportData(brokenData),
    figure: report.success ? figureValueText(report.data.figures?.["audit.issues"] ?? "") : undefined,
    brokenIssuePaths: broken.success ? [] : broken.error.issues.map((issue) => issue.path.join(".")),
    builtinProfiles: [...builtinProfiles.keys()],
    schemaId: reportJsonSchema().$id,
    committedSchemaId: committedSchema.$id,
  }),
);
