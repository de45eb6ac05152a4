import { sandboxDefaults } from '../../scripts/sandbox/sandbox-options';
import { definitionSchema } from '../../src/core/definition';
import { eventually, startE2eStack, type E2eStack } from '../e2e/start-e2e-stack';
import { calibrationViewSchema, draftViewSchema, previewViewSchema } from '../manifests/crm-api-schemas';
import { addOutcomeContacts } from '../support/outcome-contacts';
import { hubspotFetch } from './signed-api';

const tenant = { crm: 'hubspot' as const, tenantId: sandboxDefaults.portalId };

describe('settings: learn a draft from the CRM’s outcomes (POST /definitions/calibrate)', () => {
  let stack: E2eStack;
  const api = (method: 'GET' | 'POST', path: string, body?: unknown, userId = '9001') =>
    hubspotFetch(stack.accord.url, method, path, body, { userId, userEmail: `${userId}@example.com` });

  /** Starts a calibration and polls it as the settings page does until it ends. */
  const calibrate = async (body: unknown, userId = '9001') => {
    const started = await api('POST', '/definitions/calibrate', body, userId);
    expect(started.status).toBe(202);
    const queued = calibrationViewSchema.parse(started.body);
    expect(queued).toMatchObject({ status: 'queued', outcomesRead: 0, result: null });
    return eventually(async () => {
      const view = calibrationViewSchema.parse((await api('GET', `/calibrations/${queued.id}`)).body);
      return view.status === 'succeeded' || view.status === 'failed' ? view : undefined;
    }, 60_000, 'the calibration to end');
  };

  beforeAll(async () => {
    stack = await startE2eStack();
  });
  afterAll(async () => {
    await stack.stop();
  });

  it('refuses a bad body and a CRM without enough outcomes, saving nothing', async () => {
    const bad = await api('POST', '/definitions/calibrate', { holdout: 0.9 });
    expect(bad.status).toBe(422);
    expect(bad.body).toMatchObject({ error: 'invalid_calibration' });
    expect((bad.body.issues as Array<{ path: unknown[] }>)[0]?.path).toEqual(['holdout']);
    expect((await api('POST', '/definitions/calibrate', { tenant: 'other' })).status).toBe(422);

    addOutcomeContacts(stack.sandbox, 10);
    const few = await calibrate({});
    expect(few).toMatchObject({ status: 'failed', errorCode: 'not_enough_outcomes', result: null });
    expect(few.error).toMatch(/needs at least 20/);
    expect((await stack.accord.store.listDefinitions(tenant)).filter((d) => d.status === 'draft')).toEqual([]);
    expect((await api('GET', '/calibrations/cal_nope')).body).toMatchObject({ error: 'calibration_not_found' });
  });

  it('learns from the outcomes, saves a draft by the caller, and the preview applies to it', async () => {
    addOutcomeContacts(stack.sandbox, 1500, 11);
    const before = stack.sandbox.callLog.count('POST /crm/v3/objects/contacts/search', 200);
    const done = await calibrate({ holdout: 0.25 }, '9005');
    expect(done).toMatchObject({ status: 'succeeded', phase: null, error: null });
    const view = done.result;
    if (view === null || view.draft === null) throw new Error('a finished calibration has a result and a draft');
    const open = stack.sandbox.state.hubspot.contacts.list().filter((c) => c.properties.hs_lead_status === 'NEW').length;
    expect(view.outcomes).toBe(1510 - open);
    expect(done.outcomesRead).toBe(view.outcomes);
    expect(view.converted).toBeGreaterThan(100);
    // 200 contacts per search page.
    expect(stack.sandbox.callLog.count('POST /crm/v3/objects/contacts/search', 200) - before).toBe(Math.ceil(view.outcomes / 200));
    expect(view.holdout?.leads).toBe(view.outcomes - Math.round(view.outcomes * 0.75));
    // Buyer titles, company size and page views decide the generated outcomes: learned beats the default.
    expect(view.holdout?.learned.auc).toBeGreaterThan(0.7);
    expect(view.holdout?.learned.auc).toBeGreaterThan(view.holdout?.current.auc ?? 1);
    expect(view.blendWeight).toBeGreaterThan(0);
    expect(view.blendWeight).toBeLessThan(1);
    // Sales' own fields give the outcome away: the guard leaves them out.
    expect(view.leakyFields).toEqual(expect.arrayContaining(['lifecyclestage', 'hs_lead_status', 'accord_rejection_reason']));
    expect(JSON.stringify(view.draft.definition.criteria)).not.toMatch(/lifecyclestage|hs_lead_status|rejectionReason/);

    const draft = draftViewSchema.parse(view.draft);
    expect(draft).toMatchObject({ basedOnVersion: 1, createdBy: { id: '9005', email: '9005@example.com' }, approvals: [], publishable: false });
    expect(definitionSchema.parse(draft.definition).calibration?.rows).toBe(view.outcomes);
    expect((await stack.accord.store.listDefinitions(tenant)).filter((d) => d.status === 'draft').map((d) => d.id)).toEqual([draft.id]);
    const audit = (await stack.accord.store.listAudit(tenant, 10)).find((e) => e.action === 'definition.calibrated');
    expect(audit).toMatchObject({ actor: '9005', detail: { calibrationId: done.id, draftId: draft.id, outcomes: view.outcomes } });

    const preview = await api('POST', '/definitions/preview', { draftId: draft.id });
    expect(preview.status).toBe(200);
    expect(previewViewSchema.parse(preview.body).basedOnVersion).toBe(1);
  });
});
