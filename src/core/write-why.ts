import { activityDeed } from './activity-phrases';
import type { StageVerdict } from './choose-stage';
import type { Reason, RoutingOutcome } from './decision';
import type { Definition } from './definition';
import { clip } from './clip';
import { formatZonedTime } from './format-zoned-time';
import type { Lead } from './lead';
import { readLeadField } from './read-lead-field';
import { rejectionLabel } from './rejection-label';
import type { ScoreSheet } from './score-lead';
import { stageLabels } from './stage';
import { compileDefinition } from './compile-definition';
import { criteriaBullets, criterionBullet } from './criteria-bullets';
import type { Acceptance } from './detect-acceptance';
import { fitWhy } from './fit-why';
import { isWorkingStatus } from './working-status';

export { maxWhyLength } from './fit-why';

export interface WhyInput {
  lead: Lead;
  definition: Definition;
  verdict: StageVerdict;
  sheet: ScoreSheet;
  missingFields: readonly string[];
  routing: RoutingOutcome | null;
  ownerName: string | null;
  /** A first touch found by this decision, if any. */
  acceptance: Acceptance | null;
  /** The latest SLA escalation line, while the lead is still with the owner it left it with. */
  escalationLine: string | null;
  /** Marketing's owner or queue a rejected lead was handed to, by name. */
  marketingOwnerName: string | null;
}

/**
 * The plain-language "why": a one-sentence verdict, then "+" for criteria met, "-" for missed,
 * "!" for disqualifiers, then who the lead was routed to. A definition with many criteria shows
 * the ones that carried the most points and the biggest misses (criteriaBullets). Bullets are cut
 * before the routing line when the text would be too long.
 */
export function writeWhy(input: WhyInput): string {
  const criteria = criteriaBullets(input.sheet.reasons, input.definition, compileDefinition(input.definition).rawMaxPoints);
  const bullets: string[] = [...criteria.bullets];
  let anyIntentMet = false;
  for (const reason of input.sheet.reasons) {
    if (reason.kind === 'intent' && reason.met) anyIntentMet = true;
    if (reason.kind !== 'intent' && reason.kind !== 'disqualifier') continue;
    const bullet = reasonBullet(reason);
    if (bullet !== null) bullets.push(bullet);
  }
  // A definition without intent signals (a learned one) has nothing to say about intent.
  if (!anyIntentMet && input.definition.intent.signals.length > 0) bullets.push('- Intent (0): no qualifying activity yet');
  if (input.missingFields.length > 0) bullets.push(`- Missing: ${input.missingFields.join(', ')}`);
  const tail: string[] = [];
  if (input.routing !== null) tail.push(routingLine(input.routing, input.ownerName));
  if (input.escalationLine !== null) tail.push(input.escalationLine);
  if (input.marketingOwnerName !== null) tail.push(`Handed back to marketing: ${input.marketingOwnerName}`);
  return fitWhy(verdictLine(input, criteria.strongest), bullets, tail, criteria.hidden);
}

function verdictLine({ lead, definition, verdict, sheet, missingFields, acceptance }: WhyInput, strongest: string | null): string {
  const scored = `(score ${sheet.score}/100)`;
  switch (verdict.cause) {
    case 'rejected': {
      const note = lead.rejectionNote?.trim() ? ` ("${clip(lead.rejectionNote.trim(), 200)}")` : '';
      return `${stageLabels.nurture} ${scored}: rejected by sales as ${rejectionLabel(lead.rejectionReason ?? '')}${note}; back to marketing.`;
    }
    case 'accepted':
      if (acceptance?.by === 'touch') {
        return `${stageLabels.sql} ${scored}: a rep logged a call or email at ${formatZonedTime(Date.parse(acceptance.acceptedAt), definition.timeZone)}.`;
      }
      return isWorkingStatus(lead.status, compileDefinition(definition).workingStatuses)
        ? `${stageLabels.sql} ${scored}: sales is working this lead (status ${clip(lead.status?.trim() ?? '', 40)}).`
        : `${stageLabels.sql} ${scored}: accepted by sales earlier.`;
    case 'disqualified': {
      const held = sheet.reasons.filter((r) => r.kind === 'disqualifier').map((r) => `${r.label} (${r.evidence})`);
      return `${stageLabels.disqualified}: ${held.join('; ')}.`;
    }
    case 'missing_fields': {
      const fields = `${missingFields.length} required field${missingFields.length === 1 ? '' : 's'}`;
      return `${stageLabels.nurture} ${scored}: missing ${fields} (${missingFields.join(', ')}), so not sent to sales.`;
    }
    case 'auto_accepted':
      return `${stageLabels.sales_ready}, auto-accepted ${scored}: ${leadSummary(lead, definition, sheet.reasons, strongest)}.`;
    case 'sales_ready':
      return `${stageLabels.sales_ready} ${scored}: ${leadSummary(lead, definition, sheet.reasons, strongest)}.`;
    case 'mql':
      return `${stageLabels.mql} ${scored}: ${leadSummary(lead, definition, sheet.reasons, strongest)}; sales-ready at ${definition.thresholds.salesReady}.`;
    case 'below_mql':
      return `${stageLabels.nurture} ${scored}: below the MQL threshold of ${definition.thresholds.mql}.`;
  }
}

/** "VP Sales at a 120-person company who requested a demo and viewed pricing". */
function leadSummary(lead: Lead, definition: Definition, reasons: readonly Reason[], strongest: string | null): string {
  const who = lead.title?.trim() ? clip(lead.title.trim(), 60) : 'Lead';
  const where =
    lead.employees !== null
      ? ` at a ${lead.employees}-person company`
      : lead.company?.trim()
        ? ` at ${clip(lead.company.trim(), 60)}`
        : '';
  const deeds = reasons
    .filter((r) => r.kind === 'intent' && r.met)
    .sort((a, b) => b.points - a.points)
    .slice(0, 2)
    .flatMap((r) => {
      const signal = definition.intent.signals.find((s) => s.id === r.criterionId);
      if (signal === undefined) return [];
      return [activityDeed(signal.activity, Number(readLeadField(lead, `signals.${signal.activity}`)))];
    });
  // Nothing about the person on record (e.g. a learned definition over form fields): name what scored.
  if (who === 'Lead' && where === '' && deeds.length === 0 && strongest !== null) return `most points from ${strongest}`;
  return `${who}${where}${deeds.length > 0 ? ` who ${deeds.join(' and ')}` : ''}`;
}

function reasonBullet(reason: Reason): string | null {
  if (reason.kind === 'disqualifier') return `! ${reason.label} (${reason.points}): ${reason.evidence}`;
  // Unmet intent signals are the normal case and would drown the list; unmet criteria are informative.
  if (reason.kind === 'intent' && !reason.met) return null;
  return criterionBullet(reason);
}

export function routingLine(routing: RoutingOutcome, ownerName: string | null): string {
  if (routing.ownerId === null) return `Not routed: ${routing.explanation}`;
  return `Routed to ${ownerName ?? `owner ${routing.ownerId}`}: ${routing.explanation}`;
}
