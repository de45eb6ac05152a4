import type { Decision } from '../../src/core/decision';
import type { LeadTimeline } from '../../src/metrics/lead-timeline';
import type { LeadFacts } from '../../src/store/store';

const start = Date.parse('2026-03-02T09:00:00.000Z');

/** `hours(0)` is a Monday morning; `hours(26)` a day and two hours later. */
export function hours(h: number): string {
  return new Date(start + h * 3_600_000).toISOString();
}

export function days(d: number): string {
  return hours(d * 24);
}

/** A lead created at hours(0) that never got past nurture. */
export function timeline(overrides: Partial<LeadTimeline> = {}): LeadTimeline {
  return {
    recordId: 'r1',
    createdAt: hours(0),
    source: 'PAID_SEARCH',
    campaign: null,
    country: 'United States',
    region: 'East',
    stage: 'nurture',
    score: 20,
    ownerId: null,
    versions: [1],
    reachedAt: { mql: null, sales_ready: null, sql: null },
    handover: null,
    firstTouchAt: null,
    rejection: null,
    outcome: null,
    outcomeAt: null,
    amount: null,
    ...overrides,
  };
}

/** A lead handed to `ownerId` at `routedAt` with a `slaHours` window, answered after `touchAfterHours` (or not). */
export function handedOver(
  recordId: string,
  options: { tier?: 'hot' | 'standard'; routedAt?: string; slaHours?: number; touchAfterHours?: number | null; ownerId?: string; source?: string } = {},
): LeadTimeline {
  const routedAt = options.routedAt ?? hours(1);
  const slaHours = options.slaHours ?? (options.tier === 'hot' ? 1 : 24);
  const touch = options.touchAfterHours ?? null;
  const touchedAt = touch === null ? null : new Date(Date.parse(routedAt) + touch * 3_600_000).toISOString();
  return timeline({
    recordId,
    source: options.source ?? 'PAID_SEARCH',
    stage: touchedAt === null ? 'sales_ready' : 'sql',
    ownerId: options.ownerId ?? 'o1',
    reachedAt: { mql: routedAt, sales_ready: routedAt, sql: touchedAt },
    handover: {
      routedAt,
      slaDueAt: new Date(Date.parse(routedAt) + slaHours * 3_600_000).toISOString(),
      tier: options.tier ?? 'standard',
      ownerId: options.ownerId ?? 'o1',
      withdrawnAt: null,
    },
    firstTouchAt: touchedAt,
  });
}

export function decisionAt(recordId: string, decidedAt: string, overrides: Partial<Decision> = {}): Decision {
  return {
    crm: 'hubspot',
    tenantId: '62515',
    recordId,
    score: 20,
    fitScore: 20,
    intentScore: 0,
    stage: 'nurture',
    ownerId: null,
    routing: null,
    autoAccepted: false,
    reasons: [],
    disqualifiedBy: [],
    missingFields: [],
    why: 'Nurture (score 20/100): below the MQL threshold of 40.',
    definitionVersion: 1,
    slaTier: null,
    slaDueAt: null,
    routedAt: null,
    acceptedAt: null,
    rejection: null,
    escalations: [],
    decidedAt,
    ...overrides,
  };
}

export function facts(recordId: string, overrides: Partial<LeadFacts> = {}): LeadFacts {
  return {
    recordId,
    createdAt: hours(0),
    source: 'PAID_SEARCH',
    campaign: 'spring',
    country: 'United States',
    region: 'East',
    outcome: null,
    outcomeAt: null,
    amount: null,
    ...overrides,
  };
}
