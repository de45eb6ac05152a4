import type { Decision } from './decision';
import type { Definition } from './definition';
import { rejectionCriteria } from './rejection-criteria';
import { rejectionReasonOf } from './rejection-reason-of';
import { rejectionReasonLabels, type RejectionReason } from './rejection-reasons';
import { stageLabels } from './stage';

export type RejectionKind = 'source_failure' | 'definition_miss';

/** Which rule classified it, first that applies wins. */
export type RejectionBasis = 'not_routed_by_accord' | 'failed_named_check' | 'missing_fields' | 'not_sales_ready' | 'met_definition';

export interface RejectionClassification {
  kind: RejectionKind;
  basis: RejectionBasis;
  /** The taxonomy reason; free text and custom values count as "other". */
  reason: RejectionReason;
  /** The definition's checks the reason points at that the lead had already failed when routed. */
  failedChecks: string[];
  explanation: string;
}

/**
 * The lead guarantee. A rejected lead that failed the definition's own criteria when it was
 * routed counts against its source (and is credited back to sales in the metrics); one that met
 * them is a definition miss, evidence for calibration. It failed them when:
 * - Accord never qualified it (no decision before the rejection);
 * - the rep's reason names a check it had already failed: student → the student disqualifier,
 *   competitor → competitor, unserved market → unserved country, bad contact data → verified
 *   contact / invalid email / placeholder phone / free mail, not a decision maker → title match,
 *   wrong industry → any check on industry (see `rejectionCriteria`);
 * - it went over with required fields missing;
 * - the definition never had it sales-ready (the stage before the rejection was lower).
 * Otherwise, including every no budget / poor timing / duplicate / other on a lead that met the
 * definition, it is a definition miss. `routed` is the lead's decision just before the rejection.
 */
export function classifyRejection(reasonText: string, routed: Decision | null, definition: Definition): RejectionClassification {
  const reason = rejectionReasonOf(reasonText) ?? 'other';
  const label = rejectionReasonLabels[reason];
  const sourceFailure = (basis: RejectionBasis, failedChecks: string[], why: string): RejectionClassification => ({
    kind: 'source_failure',
    basis,
    reason,
    failedChecks,
    explanation: `${label}: ${why}, so it counts against the source and is credited back to sales.`,
  });
  if (routed === null) return sourceFailure('not_routed_by_accord', [], 'Accord never qualified this lead');
  const failedChecks = rejectionCriteria(reason, definition).filter((id) => failedAtRouting(routed, id));
  if (failedChecks.length > 0) {
    const labels = failedChecks.map((id) => routed.reasons.find((r) => r.criterionId === id)?.label ?? id);
    return sourceFailure('failed_named_check', failedChecks, `it had already failed ${labels.join(', ')} when routed`);
  }
  if (routed.missingFields.length > 0) {
    return sourceFailure('missing_fields', [], `it was routed without ${routed.missingFields.join(', ')}`);
  }
  if (routed.stage !== 'sales_ready' && routed.stage !== 'sql') {
    return sourceFailure('not_sales_ready', [], `the definition had it at ${stageLabels[routed.stage]} (score ${routed.score}), not sales-ready`);
  }
  return {
    kind: 'definition_miss',
    basis: 'met_definition',
    reason,
    failedChecks: [],
    explanation: `${label}: it met the definition when routed (score ${routed.score}), so it counts as a definition miss for calibration.`,
  };
}

/** A criterion it did not meet, or a disqualifier that held. */
function failedAtRouting(routed: Decision, checkId: string): boolean {
  if (routed.disqualifiedBy.includes(checkId)) return true;
  return routed.reasons.some((r) => r.criterionId === checkId && r.kind !== 'disqualifier' && !r.met);
}
