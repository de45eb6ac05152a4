import { compareDefinitions } from '../../src/core/backtest/compare-definitions';
import { sandboxDefaults } from '../../scripts/sandbox/sandbox-options';
import { backfillViewSchema, definitionsViewSchema, draftViewSchema, previewViewSchema, publishViewSchema } from '../manifests/crm-api-schemas';
import { eventually, startE2eStack, type E2eStack } from '../e2e/start-e2e-stack';
import { hubspotFetch } from './signed-api';

const tenant = { crm: 'hubspot' as const, tenantId: sandboxDefaults.portalId };
const base = { lastname: 'Lee', company: 'Betasoloin', country: 'United States', state: 'CA', phone: '+1 415 867 2301' };
/** Leads across the score range, so moving a threshold moves some of them. */
const leads = [
  { ...base, email: 'a@betasoloin.com', jobtitle: 'VP of Sales', numemployees: '100-500', recent_conversion_event_name: 'Demo request', num_conversion_events: '2' },
  { ...base, email: 'b@betasoloin.com', jobtitle: 'VP of Sales', numemployees: '100-500' },
  { ...base, email: 'c@betasoloin.com', jobtitle: 'Director of Marketing', numemployees: '100-500', hs_analytics_num_page_views: '6' },
  { ...base, email: 'd@betasoloin.com', jobtitle: 'Engineer', numemployees: '100-500' },
  { ...base, email: 'e@betasoloin.com', jobtitle: 'Head of Sales', numemployees: '25-50', num_conversion_events: '1' },
  { ...base, email: 'f@betasoloin.com', jobtitle: 'CEO', numemployees: '100-500', hs_analytics_num_page_views: '3' },
];

describe('settings: draft → preview → two approvals → publish → backfill re-scores every lead', () => {
  let stack: E2eStack;
  let ids: string[];
  beforeAll(async () => {
    stack = await startE2eStack();
    ids = [];
    for (const lead of leads) ids.push(await stack.createLead(lead));
    await eventually(async () => ((await stack.accord.store.listLeadSnapshots(tenant)).length === leads.length ? true : undefined), 10_000, 'every lead decided');
  });
  afterAll(async () => {
    await stack.stop();
  });

  it('publishes a lower sales-ready threshold and re-scores the leads under version 2', async () => {
    const api = (method: 'GET' | 'POST', path: string, body?: unknown, userId = '9001') =>
      hubspotFetch(stack.accord.url, method, path, body, { userId, userEmail: `${userId}@example.com` });

    const loaded = definitionsViewSchema.parse((await api('GET', '/definitions')).body);
    expect(loaded.current.version).toBe(1);
    expect(loaded.draft).toBeNull();
    const edited = { ...loaded.current.definition, thresholds: { mql: 20, salesReady: 45 } };

    // A stale base is refused; an invalid definition is refused with zod's paths under "definition".
    expect((await api('POST', '/definitions/drafts', { definition: edited, basedOnVersion: 0 })).body).toMatchObject({ error: 'stale_base', currentVersion: 1 });
    const invalid = await api('POST', '/definitions/drafts', { definition: { ...edited, thresholds: { mql: 'high' } }, basedOnVersion: 1 });
    expect(invalid.status).toBe(422);
    expect(invalid.body).toMatchObject({ error: 'invalid_definition' });
    expect((invalid.body.issues as Array<{ path: unknown[] }>)[0]?.path.slice(0, 2)).toEqual(['definition', 'thresholds']);

    const saved = await api('POST', '/definitions/drafts', { definition: edited, basedOnVersion: 1 });
    expect(saved.status).toBe(201);
    const draft = draftViewSchema.parse(saved.body);
    expect(draft).toMatchObject({ basedOnVersion: 1, approvals: [], publishable: false });

    // The preview is compareDefinitions over the leads Accord last decided from, without calling the CRM.
    const callsBefore = stack.sandbox.callLog.count();
    const preview = previewViewSchema.parse((await api('POST', '/definitions/preview', { draftId: draft.id })).body);
    const expected = compareDefinitions({
      leads: await stack.accord.store.listLeadSnapshots(tenant),
      current: loaded.current.definition,
      draft: draft.definition,
      owners: await stack.accord.store.listOwners(tenant),
      now: new Date(preview.evaluatedAt),
    });
    expect(preview).toMatchObject({ basedOnVersion: 1, leadsEvaluated: leads.length, truncated: false, changedStage: expected.changed });
    expect(preview.changedStage).toBeGreaterThan(0);
    expect(preview.stageCounts).toEqual({ before: expected.current.stages, after: expected.draft.stages });
    expect(preview.transitions).toEqual(expected.moves.map((m) => ({ from: m.from, to: m.to, count: m.leads })));
    expect(preview.ownerLoad.reduce((n, o) => n + o.after, 0)).toBe(expected.draft.stages.sales_ready);
    expect(stack.sandbox.callLog.count()).toBe(callsBefore);

    // Publishing needs both sign-offs, by two different people.
    expect((await api('POST', `/definitions/${draft.id}/publish`, {})).body).toMatchObject({ error: 'approvals_missing', missing: ['sales', 'marketing'] });
    expect((await api('POST', `/definitions/${draft.id}/approvals`, { role: 'sales' }, '9001')).status).toBe(200);
    expect((await api('POST', `/definitions/${draft.id}/approvals`, { role: 'sales' }, '9001')).status).toBe(200);
    expect((await api('POST', `/definitions/${draft.id}/approvals`, { role: 'marketing' }, '9001')).body).toMatchObject({ error: 'approver_conflict' });
    expect((await api('POST', `/definitions/${draft.id}/approvals`, { role: 'sales' }, '9003')).body).toMatchObject({ error: 'role_already_approved' });
    expect((await api('POST', `/definitions/${draft.id}/publish`, {})).body).toMatchObject({ error: 'approvals_missing', missing: ['marketing'] });
    const approved = draftViewSchema.parse((await api('POST', `/definitions/${draft.id}/approvals`, { role: 'marketing' }, '9002')).body);
    expect(approved).toMatchObject({ publishable: true, blockers: [] });

    const published = await api('POST', `/definitions/${draft.id}/publish`, {}, '9002');
    expect(published.status).toBe(201);
    const publishView = publishViewSchema.parse(published.body);
    expect(publishView.version).toMatchObject({ version: 2, publishedBy: { id: '9002', email: '9002@example.com' }, createdBy: { id: '9001', email: '9001@example.com' } });
    expect(publishView.version.approvals.map((a) => a.approver.id).sort()).toEqual(['9001', '9002']);
    expect((await api('POST', `/definitions/${draft.id}/publish`, {}, '9002')).body).toMatchObject({ error: 'already_published' });

    const done = await eventually(async () => {
      const view = backfillViewSchema.parse((await api('GET', `/backfills/${publishView.backfill.id}`)).body);
      return view.status === 'succeeded' ? view : undefined;
    }, 15_000, 'the backfill to finish');
    expect(done).toMatchObject({ definitionVersion: 2, total: leads.length, processed: leads.length, failed: 0 });

    for (const id of ids) {
      const contact = await stack.hubspot.crm.contacts.basicApi.getById(id, ['accord_definition_version']);
      expect(contact.properties.accord_definition_version).toBe('2');
    }
    const after = definitionsViewSchema.parse((await api('GET', '/definitions')).body);
    expect(after.current.version).toBe(2);
    expect(after.versions.map((v) => [v.version, v.backfillId])).toEqual([[2, publishView.backfill.id], [1, null]]);
    const actions = (await stack.accord.store.listAudit(tenant, 100)).map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['definition.draft_saved', 'definition.approved', 'definition.published']));
    expect((await api('GET', '/backfills/nope')).body).toMatchObject({ error: 'backfill_not_found' });
  });
});
