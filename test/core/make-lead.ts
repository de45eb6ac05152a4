import { emptyAccordFields, type ActivityKind, type ActivitySignal, type Lead } from '../../src/core/lead';
import type { Owner } from '../../src/core/owner';

/** A complete, unremarkable lead: a manager's business email at a mid-size German company. */
export function makeLead(overrides: Partial<Lead> = {}): Lead {
  return {
    crm: 'hubspot',
    tenantId: 't1',
    recordId: 'r1',
    email: 'pat.lee@acme-industries.com',
    firstName: 'Pat',
    lastName: 'Lee',
    title: 'Software Engineer',
    company: 'Acme Industries',
    domain: 'acme-industries.com',
    industry: 'Manufacturing',
    employees: 20,
    annualRevenue: null,
    country: 'Germany',
    state: null,
    phone: '+49 30 901820',
    source: 'ORGANIC_SEARCH',
    campaign: null,
    status: 'NEW',
    ownerId: null,
    doNotContact: false,
    createdAt: '2026-01-01T00:00:00.000Z',
    activity: [],
    rejectionReason: null,
    rejectionNote: null,
    accord: emptyAccordFields,
    raw: {},
    ...overrides,
  };
}

export function signal(kind: ActivityKind, count: number, lastAt: string | null = null): ActivitySignal {
  return { kind, count, lastAt };
}

export function makeOwner(id: string, overrides: Partial<Owner> = {}): Owner {
  return { id, name: `Owner ${id}`, email: null, teams: [], available: true, ...overrides };
}
