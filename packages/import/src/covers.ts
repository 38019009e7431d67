import { normalizeHeading } from "@govreport/core";
import type { Point, Profile, SectionData } from "@govreport/schema";

/**
 * `covers:` guessed from the headings the profile lists for each requirement, the same way the checker
 * recognises an undeclared section: the heading, without punctuation, contains one of the listed wordings.
 * Only the first part that matches gets a requirement; a requirement placed as a section matches only
 * top-level sections, one placed anywhere also subsections and point leads.
 */

function variants(headings: readonly string[], year: number): string[] {
  return headings
    .map((heading) => normalizeHeading(heading.replaceAll("{year}", String(year)).replaceAll("{next}", String(year + 1))))
    .filter((variant) => variant.length > 0);
}

type Part = { kind: "section"; section: SectionData; level: number } | { kind: "point"; point: Point };

function partsInOrder(sections: readonly SectionData[], level = 1, out: Part[] = []): Part[] {
  for (const section of sections) {
    out.push({ kind: "section", section, level });
    for (const point of section.points ?? []) out.push({ kind: "point", point });
    partsInOrder(section.sections ?? [], level + 1, out);
  }
  return out;
}

function addCover(target: { covers?: string | string[] | undefined }, id: string): void {
  if (target.covers === undefined) target.covers = id;
  else target.covers = [...(typeof target.covers === "string" ? [target.covers] : target.covers), id];
}

/** Sets `covers` on the parts whose headings name a requirement; returns the requirement ids it placed. */
export function guessCovers(sections: readonly SectionData[], profile: Profile, year: number): string[] {
  const parts = partsInOrder(sections);
  const placed: string[] = [];
  for (const requirement of profile.requirements) {
    const wanted = variants(requirement.headings, year);
    if (wanted.length === 0) continue;
    const match = parts.find((part) => {
      if (part.kind === "section" && requirement.placement !== "anywhere" && part.level !== 1) return false;
      if (part.kind === "point" && requirement.placement !== "anywhere") return false;
      const heading = part.kind === "section" ? part.section.title : (part.point.lead ?? "");
      const normalized = normalizeHeading(heading);
      return normalized !== "" && wanted.some((variant) => normalized.includes(variant));
    });
    if (!match) continue;
    addCover(match.kind === "section" ? match.section : match.point, requirement.id);
    placed.push(requirement.id);
  }
  return placed;
}
