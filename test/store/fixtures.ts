import type { CrmEvent } from '../../src/core/crm-event';
import type { Decision } from '../../src/core/decision';
import { definitionSchema, type Definition, type DefinitionInput } from '../../src/core/definition';
import type { TenantRef } from '../../src/core/lead';
import type { Owner } from '../../src/core/owner';
import type { AuditEntry, TenantRecord } from '../../src/store/store';

export const tenantA: TenantRef = { crm: 'hubspot', tenantId: '44100213' };
export const tenantB: TenantRef = { crm: 'hubspot', tenantId: '77300559' };
/** Same id as tenant A in the other CRM: a tenant is the (crm, id) pair, never the id alone. */
export const tenantAOnSalesforce: TenantRef = { crm: 'salesforce', tenantId: tenantA.tenantId };

const start = Date.parse('2025-03-03T09:00:00.000Z');

/** A fixed clock: `at(0)` is the start of every test, `at(5)` five minutes later. */
export function at(minutes: number): string {
  return new Date(start + minutes * 60_000).toISOString();
}

export function tenantRecord(ref: TenantRef, overrides: Partial<TenantRecord> = {}): TenantRecord {
  return {
    ...ref,
    name: ref.crm === 'hubspot' ? `Portal ${ref.tenantId}` : `Org ${ref.tenantId}`,
    active: true,
    credentials: 'v1:gcm:Zm9vYmFy:c2VjcmV0LXRva2Vu',
    instanceUrl: ref.crm === 'salesforce' ? 'https://acme.my.salesforce.com' : null,
    installedAt: at(0),
    updatedAt: at(0),
    ...overrides,
  };
}

/** The field's worked example, small: title 30, company size 25, intent 35, verified contact 10; sales-ready at 70. */
const definitionInput: DefinitionInput = {
  name: 'Mid-market B2B',
  version: 0,
  criteria: [
    {
      id: 'title',
      label: 'Decision-maker title',
      kind: 'fit',
      points: 30,
      when: { field: 'title', op: 'contains_any_word', value: ['vp', 'head', 'director', 'chief'] },
    },
    {
      id: 'company-size',
      label: 'Company of 50 to 500 people',
      kind: 'fit',
      points: 25,
      when: { field: 'employees', op: 'between', value: [50, 500] },
    },
    {
      id: 'verified-contact',
      label: 'Business email',
      kind: 'contact',
      points: 10,
      when: { field: 'email', op: 'business_email' },
    },
  ],
  intent: {
    maxPoints: 35,
    halfLifeDays: 30,
    signals: [
      { id: 'demo', label: 'Requested a demo', activity: 'demo_request', points: 25 },
      { id: 'pricing', label: 'Viewed pricing twice', activity: 'pricing_page_view', minCount: 2, points: 10 },
    ],
  },
  disqualifiers: [
    { id: 'student', label: 'Student', when: { field: 'title', op: 'contains_any_word', value: ['student', 'intern'] } },
  ],
  freeMailDomains: ['gmail.com', 'yahoo.com', 'outlook.com'],
  competitorDomains: ['rivalcrm.io'],
  servedCountries: ['US', 'CA', 'GB'],
  requiredFields: ['email', 'company', 'title'],
  maxMissingRequired: 2,
  thresholds: { mql: 40, salesReady: 70 },
  autoAccept: { criteria: ['title', 'company-size'], minIntentShare: 0.5 },
  sla: { hotHours: 1, standardHours: 24 },
  routing: {
    respectExistingOwner: true,
    territories: [{ region: 'americas', countries: ['US', 'CA'] }],
    segments: [{ id: 'mid-market', label: 'Mid-market', minEmployees: 50, maxEmployees: 500 }],
    pools: [
      { id: 'americas-mm', name: 'Americas mid-market', regions: ['americas'], members: [{ ownerId: '901', weight: 2 }, { ownerId: '902' }] },
    ],
  },
};

export function sampleDefinition(name = 'Mid-market B2B'): Definition {
  return definitionSchema.parse({ ...definitionInput, name });
}

export function crmEvent(overrides: Partial<CrmEvent> = {}): CrmEvent {
  const event: CrmEvent = {
    crm: tenantA.crm,
    tenantId: tenantA.tenantId,
    recordId: '51234',
    kind: 'changed',
    changedFields: ['jobtitle'],
    occurredAt: at(0),
    dedupeKey: 'hubspot:44100213:contact.propertyChange:51234:jobtitle:1741000000000',
    ownWrite: false,
    ...overrides,
  };
  return event;
}

/** Events on distinct records of a tenant, each with its own dedupe key. */
export function crmEvents(count: number, ref: TenantRef = tenantA, prefix = 'evt'): CrmEvent[] {
  return Array.from({ length: count }, (_, index) =>
    crmEvent({ ...ref, recordId: String(60000 + index), dedupeKey: `${ref.crm}:${ref.tenantId}:${prefix}-${index}` }),
  );
}

export function decision(overrides: Partial<Decision> = {}): Decision {
  return {
    crm: tenantA.crm,
    tenantId: tenantA.tenantId,
    recordId: '51234',
    score: 80,
    fitScore: 55,
    intentScore: 25,
    stage: 'sales_ready',
    ownerId: '901',
    routing: { ownerId: '901', poolId: 'americas-mm', explanation: 'territory americas, round robin: Maria Lopez' },
    autoAccepted: false,
    reasons: [
      { criterionId: 'title', label: 'Decision-maker title', kind: 'fit', met: true, points: 30, evidence: 'title: VP Sales' },
      { criterionId: 'company-size', label: 'Company of 50 to 500 people', kind: 'fit', met: true, points: 25, evidence: 'employees: 180' },
      { criterionId: 'demo', label: 'Requested a demo', kind: 'intent', met: true, points: 25, evidence: 'demo request 2 days ago' },
      { criterionId: 'verified-contact', label: 'Business email', kind: 'contact', met: false, points: 0, evidence: 'email: gmail.com' },
    ],
    disqualifiedBy: [],
    missingFields: [],
    why: 'Sales ready (80): decision-maker at a 180-person company who requested a demo.',
    definitionVersion: 1,
    slaTier: 'standard',
    slaDueAt: at(24 * 60),
    routedAt: at(0),
    decidedAt: at(0),
    ...overrides,
  };
}

export function owner(id: string, name: string, overrides: Partial<Owner> = {}): Owner {
  return { id, name, email: `${name.toLowerCase().replace(/\s+/g, '.')}@acme.example`, teams: ['Americas'], available: true, ...overrides };
}

export function auditEntry(overrides: Partial<AuditEntry> = {}): AuditEntry {
  return {
    tenant: tenantA,
    at: at(0),
    actor: 'worker-1',
    action: 'decision.recorded',
    recordId: '51234',
    detail: { stage: 'sales_ready', score: 80, definitionVersion: 1 },
    ...overrides,
  };
}
