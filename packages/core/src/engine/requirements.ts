import type { Profile, ReportData, Requirement } from "@govreport/schema";
import type { DataPath } from "../diagnostic.js";
import type { ReportModel, SectionInfo } from "./model.js";

/** Where a profile requirement is fulfilled: a section or a point, found by `covers` or by a known heading. */
export interface RequirementMatch {
  readonly requirement: Requirement;
  readonly parts: ReadonlyArray<{ readonly path: DataPath; readonly level: number; readonly by: "covers" | "heading"; readonly section: SectionInfo | undefined }>;
}

/** Punctuation and spaces do not distinguish headings: 二、存在的问题和困难 matches 存在的问题和困难. */
export function normalizeHeading(text: string): string {
  return text.replace(/[\s\p{P}\p{S}]/gu, "");
}

export function headingVariants(requirement: Requirement, year: number): string[] {
  return requirement.headings.map((heading) => normalizeHeading(heading.replaceAll("{year}", String(year)).replaceAll("{next}", String(year + 1))));
}

const cache = new WeakMap<ReportModel, WeakMap<Profile, RequirementMatch[]>>();

export function matchRequirements(report: ReportData, model: ReportModel, profile: Profile): RequirementMatch[] {
  let byProfile = cache.get(model);
  if (!byProfile) cache.set(model, (byProfile = new WeakMap()));
  const cached = byProfile.get(profile);
  if (cached) return cached;
  const matches = profile.requirements.map((requirement) => {
    const parts: Array<RequirementMatch["parts"][number]> = [];
    const variants = headingVariants(requirement, report.meta.year);
    for (const info of model.sections) {
      const eligible = requirement.placement === "anywhere" || info.level === 1;
      if (info.covers.includes(requirement.id)) parts.push({ path: info.path, level: info.level, by: "covers", section: info });
      else if (eligible && info.section.covers === undefined && variants.some((variant) => variant.length > 0 && normalizeHeading(info.section.title).includes(variant))) {
        parts.push({ path: info.path, level: info.level, by: "heading", section: info });
      }
    }
    for (const point of model.points) {
      if (point.covers.includes(requirement.id)) parts.push({ path: point.path, level: 0, by: "covers", section: undefined });
    }
    return { requirement, parts };
  });
  byProfile.set(profile, matches);
  return matches;
}

/** Citation of a requirement's source, e.g. 《法治政府建设与责任落实督察工作规定》（厅字〔2019〕28号）第二十四条. */
export function citeSource(source: Requirement["source"]): string {
  return `${source.document}${source.number ? `（${source.number}）` : ""}${source.article ?? ""}`;
}
