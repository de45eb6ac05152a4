import type { SlaTier } from './decision';
import type { Definition } from './definition';
import type { Lead } from './lead';
import type { ScoreSheet } from './score-lead';
import type { Stage } from './stage';
import { hasRejection } from './has-rejection';

/** Which rule settled the stage: the "why" text opens with it. */
export type StageCause =
  | 'rejected'
  | 'accepted'
  | 'disqualified'
  | 'missing_fields'
  | 'auto_accepted'
  | 'sales_ready'
  | 'mql'
  | 'below_mql';

export interface StageVerdict {
  stage: Stage;
  cause: StageCause;
  autoAccepted: boolean;
  slaTier: SlaTier | null;
}

export interface StageInput {
  lead: Lead;
  definition: Definition;
  sheet: ScoreSheet;
  missingFields: readonly string[];
  /** Sales touched the lead: the previous decision was accepted, or `detectAcceptance` found a first touch. */
  accepted: boolean;
}

/**
 * The stage, first rule that applies wins. What sales said beats what the definition computes:
 * a rejection sends the lead back to marketing, an acceptance sticks. Then hard disqualifiers,
 * then incomplete records (never sent to sales), then auto-accept, then the thresholds.
 */
export function chooseStage({ lead, definition, sheet, missingFields, accepted }: StageInput): StageVerdict {
  if (hasRejection(lead)) return notForSales('nurture', 'rejected');
  if (accepted) return notForSales('sql', 'accepted');
  if (sheet.disqualifiedBy.length > 0) return notForSales('disqualified', 'disqualified');
  if (missingFields.length >= definition.maxMissingRequired) return notForSales('nurture', 'missing_fields');
  const hotIntent = hasHotIntent(definition, sheet.intentRawPoints);
  const autoAccept = definition.autoAccept;
  if (autoAccept !== null && hotIntent && autoAccept.criteria.every((id) => sheet.metCriteria.has(id))) {
    return { stage: 'sales_ready', cause: 'auto_accepted', autoAccepted: true, slaTier: 'hot' };
  }
  if (sheet.score >= definition.thresholds.salesReady) {
    return { stage: 'sales_ready', cause: 'sales_ready', autoAccepted: false, slaTier: hotIntent ? 'hot' : 'standard' };
  }
  if (sheet.score >= definition.thresholds.mql) return notForSales('mql', 'mql');
  return notForSales('nurture', 'below_mql');
}

/** Intent at or above the auto-accept share of the intent cap makes a sales-ready lead hot. */
function hasHotIntent(definition: Definition, intentRawPoints: number): boolean {
  const { autoAccept, intent } = definition;
  return autoAccept !== null && intent.maxPoints > 0 && intentRawPoints >= autoAccept.minIntentShare * intent.maxPoints;
}

function notForSales(stage: Stage, cause: StageCause): StageVerdict {
  return { stage, cause, autoAccepted: false, slaTier: null };
}
