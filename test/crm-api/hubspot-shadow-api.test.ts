import { sandboxDefaults } from '../../scripts/sandbox/sandbox-options';
import { draftViewSchema, definitionsViewSchema } from '../manifests/crm-api-schemas';
import { eventually, startE2eStack, type E2eStack } from '../e2e/start-e2e-stack';
import { hubspotFetch } from './signed-api';

const tenant = { crm: 'hubspot' as const, tenantId: sandboxDefaults.portalId };
const base = { lastname: 'Lee', company: 'Betasoloin', country: 'United States', state: 'CA', phone: '+1 415 867 2301', numemployees: '100-500' };
/** Buyer titles at a 100–500 company who asked for a demo: sales-ready under the default (85), MQL under the candidate. */
const leads = {
  rejected: { ...base, email: 'ana@betasoloin.com', jobtitle: 'VP of Sales', recent_conversion_event_name: 'Demo request', num_conversion_events: '1' },
  accepted: { ...base, email: 'ben@betasoloin.com', jobtitle: 'Head of Sales', recent_conversion_event_name: 'Demo request', num_conversion_events: '1' },
  waiting: { ...base, email: 'cy@betasoloin.com', jobtitle: 'Director of Marketing', recent_conversion_event_name: 'Demo request', num_conversion_events: '1' },
};

describe('shadow mode over the CRM API: a stricter candidate decides alongside the live definition, the CRM sees only the live one', () => {
  let stack: E2eStack;
  const api = (method: 'GET' | 'POST', path: string, body?: unknown, caller: { userId?: string; portalId?: string } = {}) =>
    hubspotFetch(stack.accord.url, method, path, body, { userId: caller.userId ?? '9001', userEmail: `${caller.userId ?? '9001'}@example.com`, ...(caller.portalId ? { portalId: caller.portalId } : {}) });

  beforeAll(async () => {
    stack = await startE2eStack();
  });
  afterAll(async () => {
    await stack.stop();
  });

  it('runs a shadow, judges it by a rejection from the card and an acceptance in the CRM, and stops', async () => {
    const loaded = definitionsViewSchema.parse((await api('GET', '/definitions')).body);
    const stricter = { ...loaded.current.definition, name: 'Stricter', thresholds: { mql: 40, salesReady: 95 }, autoAccept: null };
    const draft = draftViewSchema.parse((await api('POST', '/definitions/drafts', { definition: stricter, basedOnVersion: 1 })).body);

    // Bad input is refused and nothing starts.
    expect(await api('POST', '/definitions/abc/shadow', { days: 7 })).toMatchObject({ status: 400, body: { error: 'bad_request' } });
    expect(await api('POST', '/definitions/999/shadow', { days: 7 })).toMatchObject({ status: 404, body: { error: 'draft_not_found' } });
    const badDays = await api('POST', `/definitions/${draft.id}/shadow`, { days: 0 });
    expect(badDays).toMatchObject({ status: 422, body: { error: 'invalid_shadow', issues: [expect.objectContaining({ path: ['days'] })] } });
    expect((await api('POST', `/definitions/${draft.id}/shadow`, { days: 7, extra: true })).status).toBe(422);
    const liveId = (await stack.accord.store.getPublishedDefinition(tenant))?.id;
    expect(await api('POST', `/definitions/${liveId}/shadow`, { days: 7 })).toMatchObject({ status: 409, body: { error: 'not_a_draft' } });
    expect((await api('GET', '/shadows')).body).toEqual({ shadows: [] });

    const started = await api('POST', `/definitions/${draft.id}/shadow`, { days: 7 });
    expect(started.status).toBe(201);
    expect(started.body).toMatchObject({ draftId: draft.id, candidateName: 'Stricter', status: 'active', stoppedAt: null, startedBy: '9001 <9001@example.com>' });
    const runId = started.body.id as number;
    expect(Date.parse(String(started.body.endsAt)) - Date.parse(String(started.body.startedAt))).toBe(7 * 86_400_000);
    expect(await api('POST', `/definitions/${draft.id}/shadow`, { days: 3 })).toMatchObject({ status: 409, body: { error: 'shadow_active', activeRunId: runId } });

    const ids = { rejected: await stack.createLead(leads.rejected), accepted: await stack.createLead(leads.accepted), waiting: await stack.createLead(leads.waiting) };
    const rows = await eventually(async () => {
      const stored = await stack.accord.store.listShadowDecisions(tenant, runId);
      return stored.length === 3 ? stored : undefined;
    }, 10_000, 'three shadow decisions');

    // The CRM holds the live definition's decision, and nothing of the candidate's.
    for (const id of Object.values(ids)) {
      const contact = await stack.readContact(id);
      const live = await stack.accord.store.getLatestDecision(tenant, id);
      const shadow = rows.find((r) => r.recordId === id);
      expect(contact).toMatchObject({ accord_stage: 'sales_ready', accord_score: String(live?.score), accord_why: live?.why, accord_definition_version: '1' });
      expect(shadow).toMatchObject({ live: { stage: 'sales_ready', score: live?.score, why: live?.why }, candidate: { stage: 'mql', score: live?.score } });
      expect(shadow?.candidate.why).toMatch(/^Marketing qualified/);
      expect(contact.accord_why).not.toBe(shadow?.candidate.why);
    }

    // Sales has their say: a rep sends one back from the card, another logs a call in the CRM.
    expect((await api('POST', `/records/${ids.rejected}/rejection`, { reason: 'no_budget' }, { userId: '9002' })).status).toBe(200);
    await stack.editAsRep(ids.accepted, { notes_last_contacted: new Date().toISOString() });
    await eventually(async () => {
      const [a, r] = [await stack.accord.store.getLatestDecision(tenant, ids.accepted), await stack.accord.store.getLatestDecision(tenant, ids.rejected)];
      return a?.stage === 'sql' && r?.stage === 'nurture' ? true : undefined;
    }, 10_000, 'the acceptance and the rejection to be decided');

    const report = await api('GET', `/shadows/${runId}/report`);
    expect(report.status).toBe(200);
    expect(report.body.run).toMatchObject({ id: runId, status: 'active' });
    const comparison = report.body.comparison as Record<string, unknown>;
    expect(comparison).toMatchObject({
      leads: 3,
      outcomes: { accepted: 1, won: 0, rejected: 1, awaiting: 1 },
      judgeable: false,
      live: { salesReady: 3, salesReadyOutcomes: { leads: 3, accepted: 1, rejected: 1, awaiting: 1, acceptedRate: 0.5, rejectedRate: 0.5 }, missed: 0 },
      candidate: { salesReady: 0, stages: { mql: 3 }, mqlOrAboveOutcomes: { leads: 3, accepted: 1, rejected: 1, awaiting: 1 }, missed: 0 },
      changed: 3,
    });
    expect(String(comparison.verdict)).toMatch(/^Too few outcomes to judge yet: 2 of 3 leads have one/);
    // The calls stay those made before sales had their say.
    expect((await stack.accord.store.listShadowDecisions(tenant, runId)).map((r) => [r.live.stage, r.candidate.stage])).toEqual([
      ['sales_ready', 'mql'],
      ['sales_ready', 'mql'],
      ['sales_ready', 'mql'],
    ]);

    // Another portal sees none of it.
    const now = new Date().toISOString();
    await stack.accord.store.upsertTenant({ crm: 'hubspot', tenantId: '888', name: 'Other', active: true, credentials: '', instanceUrl: null, installedAt: now, updatedAt: now });
    expect((await api('GET', '/shadows', undefined, { portalId: '888' })).body).toEqual({ shadows: [] });
    expect(await api('GET', `/shadows/${runId}/report`, undefined, { portalId: '888' })).toMatchObject({ status: 404, body: { error: 'shadow_not_found' } });
    expect(await api('POST', `/shadows/${runId}/stop`, {}, { portalId: '888' })).toMatchObject({ status: 404, body: { error: 'shadow_not_found' } });

    const stopped = await api('POST', `/shadows/${runId}/stop`, {});
    expect(stopped).toMatchObject({ status: 200, body: { id: runId, status: 'stopped' } });
    expect(await api('POST', `/shadows/${runId}/stop`, {})).toEqual(stopped);
    expect((await api('GET', '/shadows')).body).toEqual({ shadows: [stopped.body] });
    const audit = (await stack.accord.store.listAudit(tenant, 200)).filter((e) => e.action.startsWith('shadow.'));
    expect(audit.map((e) => [e.action, e.actor])).toEqual([
      ['shadow.stopped', '9001'],
      ['shadow.started', '9001'],
    ]);
  });
});
