import type { BuiltinRule, Rule, RuleMeta } from "../engine/rule.js";
import { checkInvalid } from "./check-invalid.js";
import { checkMismatch } from "./check-mismatch.js";
import { checkUnitMismatch } from "./check-unit-mismatch.js";
import { dateAfterDeadline } from "./date-after-deadline.js";
import { digitCjkSpace } from "./digit-cjk-space.js";
import { figureUnknownReference } from "./figure-unknown-reference.js";
import { figureUnparsable } from "./figure-unparsable.js";
import { figureUnused } from "./figure-unused.js";
import { formulationMisquoted } from "./formulation-misquoted.js";
import { headingNumberHalfWidth } from "./heading-number-half-width.js";
import { inputTooLarge } from "./input-too-large.js";
import { internalError } from "./internal-error.js";
import { literalQuantityUnbound } from "./literal-quantity-unbound.js";
import { placeholderLeft } from "./placeholder-left.js";
import { plansNextYear } from "./plans-next-year.js";
import { previousReport } from "./previous-report.js";
import { profileInvalid } from "./profile-invalid.js";
import { proseBreakdownExceedsTotal } from "./prose-breakdown-exceeds-total.js";
import { proseBreakdownShort } from "./prose-breakdown-short.js";
import { proseFigureContradiction } from "./prose-figure-contradiction.js";
import { proseRateContradictsCounts } from "./prose-rate-contradicts-counts.js";
import { proseRateOver100 } from "./prose-rate-over-100.js";
import { rateOutOfRange } from "./rate-out-of-range.js";
import { relativeTimeWord } from "./relative-time-word.js";
import { schemaViolation } from "./schema-violation.js";
import { sectionEmpty } from "./section-empty.js";
import { sectionMissing } from "./section-missing.js";
import { sectionOrder } from "./section-order.js";
import { syntaxError } from "./syntax-error.js";
import { unusedSuppression } from "./unused-suppression.js";
import { yearMismatch } from "./year-mismatch.js";

/** Rules that run on a structurally valid report, in the order they run. */
export const allRules: readonly Rule[] = [
  previousReport,
  sectionMissing,
  sectionEmpty,
  sectionOrder,
  figureUnknownReference,
  figureUnused,
  figureUnparsable,
  checkInvalid,
  checkMismatch,
  checkUnitMismatch,
  rateOutOfRange,
  proseBreakdownExceedsTotal,
  proseBreakdownShort,
  proseRateContradictsCounts,
  proseRateOver100,
  proseFigureContradiction,
  literalQuantityUnbound,
  yearMismatch,
  plansNextYear,
  dateAfterDeadline,
  relativeTimeWord,
  placeholderLeft,
  headingNumberHalfWidth,
  digitCjkSpace,
  formulationMisquoted,
];

/** Findings the engine itself reports (input, structure, suppressions); listed for their metadata and docs. */
export const builtinRules: readonly BuiltinRule[] = [syntaxError, inputTooLarge, schemaViolation, profileInvalid, internalError, unusedSuppression];

const builtinById = new Map(builtinRules.map((rule) => [rule.meta.id, rule.meta]));

export function builtinRuleMeta(id: string): RuleMeta {
  const meta = builtinById.get(id);
  if (!meta) throw new Error(`unknown built-in rule ${id}`);
  return meta;
}

/** Every rule's metadata, for docs, config validation and completion. */
export function allRuleMeta(): RuleMeta[] {
  return [...builtinRules.map((rule) => rule.meta), ...allRules.map((rule) => rule.meta)];
}
