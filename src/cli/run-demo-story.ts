import type { Logger } from 'pino';
import type { Sandbox } from '../../scripts/sandbox/start-sandbox';
import type { Decision } from '../core/decision';
import type { CrmKind, TenantRef } from '../core/lead';
import { rejectionLabel } from '../core/rejection-label';
import { sendTenantDigest } from '../jobs/weekly-digest-job';
import type { RunningAccord } from '../main';
import type { Notifier } from '../notify/notifier';
import { systemClock } from '../pipeline/clock';

export interface DemoStoryOptions {
  sandbox: Sandbox;
  accord: RunningAccord;
  crm: CrmKind;
  tenant: TenantRef;
  notifier: Notifier;
  logger: Logger;
  out(line: string): void;
}

/** The demo's hot-lead SLA, so an unanswered lead escalates while you watch (real definitions: an hour). */
const storySlaHours = 0.0005;
const rejections = [
  { reason: 'no_budget', note: 'Budget frozen until Q3' },
  { reason: 'not_decision_maker', note: 'Reports to the VP; asked to loop her in' },
] as const;

const storyLead = {
  hubspot: {
    email: 'riley.stone@betasoloin.com', firstname: 'Riley', lastname: 'Stone', jobtitle: 'VP of Sales', company: 'Betasoloin',
    numemployees: '100-500', country: 'United States', state: 'NY', phone: '+1 212 867 3301',
    recent_conversion_event_name: 'Demo request', num_conversion_events: '2', hs_analytics_num_page_views: '14',
  },
  salesforce: {
    FirstName: 'Riley', LastName: 'Stone', Email: 'riley.stone@betasoloin.com', Title: 'VP of Sales', Company: 'Betasoloin',
    NumberOfEmployees: 300, Country: 'United States', State: 'NY', Phone: '+1 212 867 3301',
    Last_Conversion__c: 'Demo request', Form_Submissions__c: 2, Page_Views__c: 14,
  },
};

/**
 * The loop between the teams, told in the sandbox after scoring: a rep rejects two leads (a UI edit
 * of the rejection field) and they return to marketing with the reason; an unanswered hot lead
 * escalates at its deadline; the weekly digest names the sources sales rejected.
 */
export async function runDemoStory(options: DemoStoryOptions): Promise<void> {
  const { accord, tenant, crm, out } = options;
  const store = accord.store;
  const owners = await store.listOwners(tenant);
  const nameOf = (id: string | null) => (id === null ? 'nobody' : (owners.find((o) => o.id === id)?.name ?? id));
  const marketing = owners[owners.length - 1];
  const published = await store.getPublishedDefinition(tenant);
  if (!published || !marketing) return;
  const now = () => new Date(systemClock.now()).toISOString();
  const definition = {
    ...published.definition,
    sla: { ...published.definition.sla, hotHours: storySlaHours, businessHours: { ...published.definition.sla.businessHours, enabled: false } },
    feedback: { marketingOwnerId: marketing.id },
  };
  const draft = await store.saveDraft(tenant, definition, 'demo', now());
  const version = (await store.publishDraft(tenant, draft.id, 'demo', now())).version;
  out('');
  out(`The loop between the teams (${crm === 'hubspot' ? 'HubSpot' : 'Salesforce'}; definition v${version}: rejected leads go to ${marketing.name} in marketing, hot leads must be answered within ${Math.round(storySlaHours * 3_600)} s):`);

  const control = async (method: string, path: string, body: unknown) => {
    const response = await fetch(`${options.sandbox.url}/_sandbox${path}`, { method, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    if (!response.ok) throw new Error(`sandbox ${method} ${path}: ${response.status}`);
    return (await response.json()) as Record<string, unknown>;
  };
  const rep = options.sandbox.state.salesforce.users.list().find((u) => u.UserRoleId !== null)?.Id;
  const editAsRep = (id: string, hubspot: Record<string, string>, salesforce: Record<string, string>) =>
    crm === 'hubspot'
      ? control('PATCH', `/contacts/${id}`, { userId: 7000001, properties: hubspot })
      : control('PATCH', `/salesforce/leads/${id}`, { fields: salesforce, userId: rep });
  const until = async (id: string, test: (d: Decision) => boolean): Promise<Decision | null> => {
    for (const deadline = Date.now() + 10_000; Date.now() < deadline; await systemClock.sleep(25)) {
      const d = await store.getLatestDecision(tenant, id);
      if (d && test(d)) return d;
    }
    return null;
  };

  // 1. A rep sends two sales-ready leads back, with a reason, on the record.
  const salesReady = (await store.listCurrentDecisions(tenant)).filter((d) => d.stage === 'sales_ready' && d.ownerId !== null).slice(0, rejections.length);
  for (const [index, before] of salesReady.entries()) {
    const { reason, note } = rejections[index] ?? rejections[0];
    await editAsRep(before.recordId, { accord_rejection_reason: reason, accord_rejection_note: note }, { Accord_Rejection_Reason__c: reason, Accord_Rejection_Note__c: note });
    const after = await until(before.recordId, (d) => d.stage === 'nurture');
    if (after === null) {
      out(`  record ${before.recordId}: the rejection was not processed in time`);
      continue;
    }
    const line = after.why.split('\n').find((l) => l.includes('rejected by sales')) ?? after.why.split('\n')[0];
    out(`  ${nameOf(before.ownerId)} rejected record ${before.recordId} as "${rejectionLabel(reason)}" ("${note}"): ${before.stage} → ${after.stage}, owner ${nameOf(before.ownerId)} → ${nameOf(after.ownerId)}`);
    out(`    why: ${line}`);
  }
  const feedback = await store.listFeedback(tenant);
  out(`  feedback recorded: ${feedback.map((f) => `${f.recordId} (${f.reason}, ${f.source ?? 'no source'}, score at routing ${f.scoreAtRouting ?? '?'}, ${f.classification.kind.replace('_', ' ')})`).join('; ')}`);

  // 2. A hot lead nobody answers escalates at its deadline.
  const created = crm === 'hubspot' ? await control('POST', '/contacts', { source: 'FORM', properties: storyLead.hubspot }) : await control('POST', '/salesforce/leads', { fields: storyLead.salesforce });
  const id = String(created.id ?? created.Id);
  const routed = await until(id, (d) => d.stage === 'sales_ready' && d.slaDueAt !== null);
  if (!routed?.slaDueAt) {
    const latest = await store.getLatestDecision(tenant, id);
    out(`  New hot lead ${id}: ${latest === null ? 'not decided in time' : `${latest.stage}, not waiting for sales`}; no escalation to show`);
  } else {
    out(`  New hot lead ${id} (Riley Stone, VP of Sales at Betasoloin) routed to ${nameOf(routed.ownerId)}, due ${routed.slaDueAt}; nobody answers …`);
    await systemClock.sleep(Math.max(0, Date.parse(routed.slaDueAt) - systemClock.now()) + 50);
    const swept = (await accord.loop.sweepSlas()).find((r) => r.tenant.crm === tenant.crm && r.tenant.tenantId === tenant.tenantId);
    const after = await store.getLatestDecision(tenant, id);
    const escalated = after?.escalations?.[after.escalations.length - 1];
    if (after && escalated) {
      out(`  SLA breached at ${escalated.breachedAt}: owner ${nameOf(escalated.fromOwnerId)} → ${nameOf(after.ownerId)} (${escalated.action}), new due ${after.slaDueAt ?? '—'}, SLA state ${after.slaState ?? '—'}`);
      out(`    why: ${after.why.split('\n').find((l) => l.startsWith('Escalated:')) ?? ''}`);
      out(`    (the sweep wrote ${swept?.written ?? 0} record(s), escalated ${swept?.escalated ?? 0}; audit: sla.escalated)`);
    }
  }

  // 3. The Monday digest, composed now over the week so far.
  const record = await sendTenantDigest({ store, clock: systemClock, logger: options.logger, notifier: options.notifier }, tenant, new Date(systemClock.now()), definition.timeZone);
  const digest = record.digest;
  out(`  Weekly digest (${digest.periodLabel}): ${digest.totals.rejections} rejected, ${digest.totals.sourceFailures} counted against their source.`);
  const worst = digest.bySource.map((g) => `${g.name} (${g.total}: ${g.reasons.map((r) => r.label).join(', ')})`).join('; ');
  out(`    worst sources: ${worst || 'none this week'}${options.notifier.enabled ? ' — posted to the team channel' : ''}`);
}
