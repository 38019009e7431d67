import type { Profile, ReportData, Requirement } from "@govreport/schema";
import type { DataPath } from "../diagnostic.js";
import { Derivation, type ReportModel, type SectionInfo } from "./model.js";

/** Where a profile requirement is fulfilled: a section or a point, found by `covers` or by a known heading. */
export interface RequirementMatch {
  readonly requirement: Requirement;
  readonly parts: ReadonlyArray<{ readonly path: DataPath; readonly level: number; readonly by: "covers" | "heading"; readonly section: SectionInfo | undefined }>;
}

/**
 * The characters headings are nearly always made of: Chinese, ASCII letters and digits, spaces and the punctuation
 * drafters use. A heading of only these loses its punctuation through a plain pattern; the full one, with Unicode's
 * punctuation and symbol classes, takes V8 half a millisecond to compile, a noticeable part of a one-report check.
 */
const COMMON_HEADING = /^[\u3400-\u4dbf\u4e00-\u9fff0-9A-Za-z\s，。、：；（）“”‘’《》〈〉【】〔〕！？…—·,.:;()!?'"-]*$/;
const COMMON_PUNCTUATION = /[\s，。、：；（）“”‘’《》〈〉【】〔〕！？…—·,.:;()!?'"-]/g;
const PUNCTUATION_OR_SYMBOL = /[\s\p{P}\p{S}]/gu;

/** Punctuation and spaces do not distinguish headings: 二、存在的问题和困难 matches 存在的问题和困难. */
export function normalizeHeading(text: string): string {
  return text.replace(COMMON_HEADING.test(text) ? COMMON_PUNCTUATION : PUNCTUATION_OR_SYMBOL, "");
}

export function headingVariants(requirement: Requirement, year: number): string[] {
  return requirement.headings.map((heading) => normalizeHeading(heading.replaceAll("{year}", String(year)).replaceAll("{next}", String(year + 1))));
}

/** Per profile: a check matches against one profile, the language server's features may ask again. */
const MATCHES = new Derivation(() => new Map<Profile, RequirementMatch[]>());

const variantCache = new WeakMap<Requirement, Map<number, readonly string[]>>();

/** A profile's headings, normalised once per requirement and year: the built-in profile serves every check. */
function cachedVariants(requirement: Requirement, year: number): readonly string[] {
  let byYear = variantCache.get(requirement);
  if (!byYear) variantCache.set(requirement, (byYear = new Map()));
  let variants = byYear.get(year);
  if (!variants) byYear.set(year, (variants = headingVariants(requirement, year)));
  return variants;
}

export function matchRequirements(report: ReportData, model: ReportModel, profile: Profile): RequirementMatch[] {
  const byProfile = MATCHES.of(model);
  const cached = byProfile.get(profile);
  if (cached) return cached;
  // Each heading is normalised once, when first compared, not once for every variant of every requirement.
  const headings = new Map<SectionInfo, string>();
  const headingOf = (info: SectionInfo): string => {
    let heading = headings.get(info);
    if (heading === undefined) headings.set(info, (heading = normalizeHeading(info.section.title)));
    return heading;
  };
  const matches = profile.requirements.map((requirement) => {
    const parts: Array<RequirementMatch["parts"][number]> = [];
    const variants = cachedVariants(requirement, report.meta.year);
    for (const info of model.sections) {
      const eligible = requirement.placement === "anywhere" || info.level === 1;
      if (info.covers.includes(requirement.id)) parts.push({ path: info.path, level: info.level, by: "covers", section: info });
      else if (eligible && info.section.covers === undefined && variants.some((variant) => variant.length > 0 && headingOf(info).includes(variant))) {
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
