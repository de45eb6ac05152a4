import { decideWithRouting } from '../../src/core/decide';
import { defaultDefinition } from '../../src/core/default-definition';
import type { Lead } from '../../src/core/lead';
import { emptyAccordFields } from '../../src/core/lead';
import type { Owner } from '../../src/core/owner';
import type { RoutingState } from '../../src/core/routing-state';

const titles = ['VP Sales', 'Director of IT', 'CTO', 'Software Engineer', 'Student', 'Office Manager', 'Head of Procurement', null];
const domains = ['acme-corporation.com', 'gmail.com', 'betasoloin.com', 'yahoo.com', 'umbrella.io'];
const countries = ['United States', 'Germany', 'Japan', 'Brazil', 'Kenya', null];

/** A deterministic spread of leads that exercises every branch of decide(). */
export function benchmarkLeads(count: number): Lead[] {
  const now = Date.UTC(2026, 10, 1);
  return Array.from({ length: count }, (_, i) => {
    const domain = domains[i % domains.length] as string;
    return {
      crm: 'hubspot',
      tenantId: '1',
      recordId: String(i + 1),
      email: `person${i}@${domain}`,
      firstName: 'Pat',
      lastName: `Lee${i}`,
      title: titles[i % titles.length] ?? null,
      company: i % 11 === 0 ? null : 'Acme',
      domain,
      industry: 'software',
      employees: [12, 80, 300, 1200, null][i % 5] ?? null,
      annualRevenue: null,
      country: countries[i % countries.length] ?? null,
      state: i % 2 === 0 ? 'CA' : 'NY',
      phone: i % 7 === 0 ? '0000000' : '+1 415 555 2671',
      source: 'ORGANIC_SEARCH',
      campaign: null,
      status: 'NEW',
      ownerId: null,
      doNotContact: i % 97 === 0,
      createdAt: new Date(now).toISOString(),
      activity: [
        { kind: 'demo_request', count: i % 3 === 0 ? 1 : 0, lastAt: new Date(now - (i % 40) * 86_400_000).toISOString() },
        { kind: 'page_view', count: i % 25, lastAt: null },
        { kind: 'form_submission', count: i % 4, lastAt: null },
      ],
      rejectionReason: null,
      rejectionNote: null,
      accord: emptyAccordFields,
      raw: {},
    };
  });
}

export const benchmarkOwners: Owner[] = ['West', 'Central', 'East'].flatMap((team, t) =>
  Array.from({ length: 10 }, (_, i) => ({ id: String(t * 100 + i + 1), name: `${team} Rep ${i + 1}`, email: null, teams: [team], available: i !== 3 })),
);

/** Decisions per second on one core, over `count` leads. */
export function runCoreDecisionPass(leads: Lead[]): number {
  const now = new Date(Date.UTC(2026, 10, 2));
  let routingState: RoutingState = {};
  const started = process.hrtime.bigint();
  for (const lead of leads) {
    routingState = decideWithRouting(lead, defaultDefinition, { owners: benchmarkOwners, routingState, previous: null }, now).routingState;
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  return leads.length / seconds;
}
