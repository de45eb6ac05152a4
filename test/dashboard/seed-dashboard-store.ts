import { hubspotContactToLead } from '../../adapters/hubspot/hubspot-contact-to-lead';
import { mulberry32 } from '../../scripts/sandbox/seeded-random';
import { loadSeedData } from '../../scripts/sandbox/seed-sandbox';
import { decideWithRouting } from '../../src/core/decide';
import type { Decision } from '../../src/core/decision';
import { defaultDefinition } from '../../src/core/default-definition';
import { definitionSchema, type Definition } from '../../src/core/definition';
import type { Lead, TenantRef } from '../../src/core/lead';
import type { Owner } from '../../src/core/owner';
import { rejectionReasons } from '../../src/core/rejection-reasons';
import type { RoutingState } from '../../src/core/routing-state';
import { leadFactsOf } from '../../src/metrics/lead-facts-of';
import type { LeadFacts, Store } from '../../src/store/store';

export const dashboardTenant: TenantRef = { crm: 'hubspot', tenantId: '62515' };
/** The fixed "now" of every dashboard test: data and page agree on what is old enough. */
export const dashboardNow = Date.parse('2026-11-20T15:00:00.000Z');

const hourMs = 60 * 60 * 1000;
const dayMs = 24 * hourMs;

export interface SeededDashboard {
  tenant: TenantRef;
  leads: number;
  decisions: Decision[];
  facts: LeadFacts[];
}

export interface SeedDashboardOptions {
  contacts?: number;
  /** Over how many days before `dashboardNow` the leads were created. */
  days?: number;
  /** Where the sandbox CRM listens, so record links point at it. */
  instanceUrl?: string;
}

/**
 * A demo-like history through the real decide(): the sandbox seed's contacts created over the last
 * 16 weeks, some gaining a demo request days later, sales-ready ones accepted or rejected by their
 * owner after a realistic delay (some too late) or not yet touched; leads of the last three weeks
 * decided by definition version 2 (MQL at 35 instead of 40). Deterministic.
 */
export async function seedDashboardStore(store: Store, options: SeedDashboardOptions = {}): Promise<SeededDashboard> {
  const count = options.contacts ?? 240;
  const days = options.days ?? 112;
  const random = mulberry32(0xd45b);
  const seed = loadSeedData({ contacts: count, now: dashboardNow, seed: 0x5eed });
  const owners: Owner[] = seed.owners.map((o) => ({
    id: o.id,
    name: `${o.firstName} ${o.lastName}`,
    email: null,
    teams: o.teams.map((t) => t.name),
    available: true,
  }));
  const v1 = { ...defaultDefinition, version: 1 };
  const v2: Definition = definitionSchema.parse({ ...defaultDefinition, version: 2, thresholds: { ...defaultDefinition.thresholds, mql: 35 } });

  await store.upsertTenant({
    ...dashboardTenant,
    name: 'Sandbox Hardware (demo)',
    active: true,
    credentials: '',
    instanceUrl: options.instanceUrl ?? 'http://127.0.0.1:4100',
    installedAt: new Date(dashboardNow - days * dayMs).toISOString(),
    updatedAt: new Date(dashboardNow - days * dayMs).toISOString(),
  });
  for (const definition of [v1, v2]) {
    const draft = await store.saveDraft(dashboardTenant, definition, 'revops', new Date(dashboardNow - days * dayMs).toISOString());
    await store.publishDraft(dashboardTenant, draft.id, 'revops', new Date(dashboardNow - days * dayMs).toISOString());
  }
  await store.replaceOwners(dashboardTenant, owners, new Date(dashboardNow).toISOString());

  let routingState: RoutingState = {};
  const decisions: Decision[] = [];
  const facts: LeadFacts[] = [];
  seed.contacts.forEach((contact, index) => {
    const createdMs = Math.round(dashboardNow - ((index + 0.5) / count) * days * dayMs - random() * 6 * hourMs);
    const createdAt = new Date(createdMs).toISOString();
    const definition = createdMs >= dashboardNow - 21 * dayMs ? v2 : v1;
    let lead: Lead = hubspotContactToLead(dashboardTenant.tenantId, {
      id: String(1001 + index),
      // As the demo streams them: new form fills, unowned and not yet worked.
      properties: { ...withoutOwner(contact.properties), hs_lead_status: 'NEW', createdate: createdAt },
    });
    let previous: Decision | null = null;
    const decideAt = (lead: Lead, atMs: number) => {
      const at = new Date(Math.min(atMs, dashboardNow));
      // The seed dates activity against its own "now"; nothing may have happened after the decision.
      const activity = lead.activity.map((a) => (a.lastAt !== null && Date.parse(a.lastAt) > at.getTime() ? { ...a, lastAt: at.toISOString() } : a));
      const result = decideWithRouting({ ...lead, activity }, definition, { owners, routingState, previous }, at);
      routingState = result.routingState;
      previous = result.decision;
      decisions.push(result.decision);
      return result.decision;
    };

    let decision = decideAt(lead, createdMs + 2 * 60_000);
    // Some marketing-qualified leads ask for a demo a few days later.
    if (decision.stage === 'mql' && random() < 0.45) {
      const askedMs = createdMs + (1 + random() * 9) * dayMs;
      if (askedMs < dashboardNow) {
        lead = { ...lead, activity: [...lead.activity, { kind: 'demo_request', count: 1, lastAt: new Date(askedMs).toISOString() }] };
        decision = decideAt(lead, askedMs);
      }
    }
    // Sales answers a hand-over: accepts, rejects with a reason, or has not touched it yet.
    if (decision.stage === 'sales_ready' && decision.routedAt !== null) {
      const routedMs = Date.parse(decision.routedAt);
      const delayMs = (decision.slaTier === 'hot' ? 0.05 + random() * 1.5 : 0.5 + random() * 30) * hourMs;
      const answer = random();
      if (routedMs + delayMs < dashboardNow && answer < 0.85) {
        const touched: Lead =
          answer < 0.65
            ? { ...lead, status: 'IN_PROGRESS', ownerId: decision.ownerId }
            : { ...lead, ownerId: decision.ownerId, rejectionReason: rejectionReasons[Math.floor(random() * 6)] ?? 'other', rejectionNote: null };
        decideAt(touched, routedMs + delayMs);
      }
    }
    facts.push(leadFactsOf(lead));
  });

  await store.commitDecisions(dashboardTenant, decisions.map((decision) => ({ decision, writtenFields: [] })), routingState, []);
  await store.upsertLeadFacts(dashboardTenant, facts, new Date(dashboardNow).toISOString());
  return { tenant: dashboardTenant, leads: count, decisions, facts };
}

function withoutOwner(properties: Record<string, string>): Record<string, string> {
  const { hubspot_owner_id: _owner, ...rest } = properties;
  return rest;
}
