import type { Decision, SlaTier } from '../decision';
import type { LeadSummary } from '../lead-summary';
import type { Owner } from '../owner';
import { ownerName } from '../owner-name';
import type { EscalationPlan } from '../plan-escalation';
import type { EscalationAction } from '../sla-policy-schema';
import { formatZonedTime } from '../format-zoned-time';

/** What the team channel is told when an SLA is breached. */
export interface EscalationAlert {
  recordId: string;
  /** "Pat Lee (VP Sales, Acme)". */
  who: string;
  score: number;
  tier: SlaTier | null;
  /** Times on the tenant's clock ("2026-03-02 08:00 UTC-05:00"). */
  breachedAt: string;
  action: EscalationAction;
  fromOwnerName: string | null;
  toOwnerName: string | null;
  newDueAt: string | null;
  /** The why's "Escalated: …" line. */
  explanation: string;
  /** A link to the record in the CRM, when the caller can build one. */
  recordUrl: string | null;
}

/** The alert for an escalation the sweep has planned for `decision` (the decision before it). */
export function escalationAlertOf(
  decision: Decision,
  plan: EscalationPlan,
  lead: LeadSummary,
  owners: readonly Owner[],
  timeZone: string,
  recordUrl: string | null = null,
): EscalationAlert {
  const about = [lead.title, lead.company].filter((part): part is string => part !== null && part.trim() !== '').join(', ');
  const name = lead.name ?? `Record ${lead.recordId}`;
  const { fromOwnerId, toOwnerId } = plan.escalation;
  return {
    recordId: decision.recordId,
    who: about === '' ? name : `${name} (${about})`,
    score: decision.score,
    tier: decision.slaTier,
    breachedAt: formatZonedTime(Date.parse(plan.escalation.breachedAt), timeZone),
    action: plan.action,
    fromOwnerName: fromOwnerId === null ? null : ownerName(owners, fromOwnerId),
    toOwnerName: toOwnerId === null ? null : ownerName(owners, toOwnerId),
    newDueAt: toOwnerId === null || plan.newSlaDueAt === null ? null : formatZonedTime(Date.parse(plan.newSlaDueAt), timeZone),
    explanation: plan.explanation,
    recordUrl,
  };
}
