import type { Decision } from '../../core/decision';
import { decisionExtras } from '../../core/decision-extras';
import { defaultDefinition } from '../../core/default-definition';
import type { TenantRef } from '../../core/lead';
import { rejectionReasons, type RejectionReason } from '../../core/rejection-reasons';
import { slaState } from '../../core/sla-state';
import type { Store } from '../../store/store';
import type { Actor } from './actor';

export interface RejectionView {
  reason: RejectionReason;
  note: string | null;
  rejectedBy: Actor | null;
  rejectedAt: string;
}

export interface RecordView {
  crm: TenantRef['crm'];
  recordId: string;
  decision: ReturnType<typeof decisionView> | null;
  rejection: RejectionView | null;
  canReject: boolean;
}

const withSales = new Set(['mql', 'sales_ready', 'sql']);

function isReason(value: string): value is RejectionReason {
  return (rejectionReasons as readonly string[]).includes(value);
}

function decisionView(decision: Decision, ownerName: string | null, dueSoonFraction: number, now: Date) {
  const running = slaState(decision, now, dueSoonFraction);
  const state = running ?? (decisionExtras(decision).acceptedAt !== null ? 'accepted' : 'none');
  return {
    score: decision.score,
    fitScore: decision.fitScore,
    intentScore: decision.intentScore,
    stage: decision.stage,
    autoAccepted: decision.autoAccepted,
    owner: decision.ownerId === null ? null : { id: decision.ownerId, name: ownerName },
    routing: decision.routing === null ? null : { poolId: decision.routing.poolId, explanation: decision.routing.explanation },
    sla: { tier: decision.slaTier, routedAt: decision.routedAt, dueAt: decision.slaDueAt, state },
    why: decision.why,
    reasons: decision.reasons.map((r) => ({ criterionId: r.criterionId, label: r.label, kind: r.kind, met: r.met, points: r.points, evidence: r.evidence })),
    missingFields: decision.missingFields,
    disqualifiedBy: decision.disqualifiedBy,
    definitionVersion: decision.definitionVersion,
    decidedAt: decision.decidedAt,
  };
}

/**
 * The record card's view. A rejection sent from the card is current until the worker's decision
 * shows the record without one after it (a rep cleared the CRM fields); one typed into the CRM
 * comes from the decision, with nobody to name.
 */
export async function buildRecordView(store: Store, tenant: TenantRef, recordId: string, now: Date): Promise<RecordView> {
  const decision = await store.getLatestDecision(tenant, recordId);
  if (!decision) return { crm: tenant.crm, recordId, decision: null, rejection: null, canReject: false };
  const [owners, published, sent] = await Promise.all([
    store.listOwners(tenant),
    store.getPublishedDefinition(tenant),
    store.getRecordRejection(tenant, recordId),
  ]);
  const ownerName = decision.ownerId === null ? null : (owners.find((o) => o.id === decision.ownerId)?.name ?? null);
  const definition = published?.definition ?? defaultDefinition;
  const decided = decisionExtras(decision).rejection;

  let rejection: RejectionView | null = null;
  const sentStillCurrent = sent !== null && (decided !== null || Date.parse(decision.decidedAt) <= Date.parse(sent.rejectedAt));
  if (sent && sentStillCurrent) {
    rejection = { reason: sent.reason as RejectionReason, note: sent.note, rejectedBy: { id: sent.actorId, email: sent.actorEmail }, rejectedAt: sent.rejectedAt };
  } else if (decided) {
    const reason = decided.reason.trim();
    rejection = isReason(reason)
      ? { reason, note: decided.note, rejectedBy: null, rejectedAt: decided.rejectedAt }
      : { reason: 'other', note: [reason, decided.note].filter((t) => t).join(': ') || null, rejectedBy: null, rejectedAt: decided.rejectedAt };
  }
  return {
    crm: tenant.crm,
    recordId,
    decision: decisionView(decision, ownerName, definition.sla.dueSoonFraction, now),
    rejection,
    canReject: rejection === null && withSales.has(decision.stage),
  };
}
