import { sandboxDefaults } from '../../scripts/sandbox/sandbox-options';
import { errorBodySchema, recordViewSchema } from '../manifests/crm-api-schemas';
import { eventually, startE2eStack, type E2eStack } from '../e2e/start-e2e-stack';
import { hubspotFetch } from './signed-api';
import { hotLead } from '../e2e/hot-hubspot-lead';

const tenant = { crm: 'hubspot' as const, tenantId: sandboxDefaults.portalId };

describe('record card API over signed hubspot.fetch requests', () => {
  let stack: E2eStack;
  let leadId: string;
  beforeAll(async () => {
    stack = await startE2eStack();
    leadId = await stack.createLead(hotLead);
    await eventually(async () => ((await stack.readContact(leadId)).accord_stage ? true : undefined), 10_000, 'the lead to be decided');
  });
  afterAll(async () => {
    await stack.stop();
  });

  it('answers a signed GET with the decision view', async () => {
    const { status, body } = await hubspotFetch(stack.accord.url, 'GET', `/records/${leadId}`);
    expect(status).toBe(200);
    const view = recordViewSchema.parse(body);
    expect(view).toMatchObject({ crm: 'hubspot', recordId: leadId, rejection: null, canReject: true });
    expect(view.decision).toMatchObject({ stage: 'sales_ready', score: 100, definitionVersion: 1 });
    expect(view.decision?.owner?.name).toEqual(expect.any(String));
    expect(view.decision?.sla.state).toBe('on_track');
  });

  it('answers a record it never decided with decision null, not an error', async () => {
    const { status, body } = await hubspotFetch(stack.accord.url, 'GET', '/records/99999999');
    expect(status).toBe(200);
    expect(body).toEqual({ crm: 'hubspot', recordId: '99999999', decision: null, rejection: null, canReject: false });
  });

  it.each([
    ['unsigned', { unsigned: true }, 'missing X-HubSpot-Signature-v3 header'],
    ['signed with another secret', { secret: 'not-the-client-secret' }, 'signature does not match'],
    ['signed six minutes ago', { timestamp: String(Date.now() - 6 * 60_000) }, 'request timestamp is older than 5 minutes'],
  ])('refuses a request %s with 401', async (_what, caller, message) => {
    const { status, body } = await hubspotFetch(stack.accord.url, 'GET', `/records/${leadId}`, undefined, caller);
    expect(status).toBe(401);
    expect(errorBodySchema.parse(body)).toEqual({ error: 'unauthorized', message });
  });

  it('answers a portal that never installed Accord with 403 not_installed', async () => {
    const { status, body } = await hubspotFetch(stack.accord.url, 'GET', `/records/${leadId}`, undefined, { portalId: '777' });
    expect(status).toBe(403);
    expect(body.error).toBe('not_installed');
  });

  it("never shows another portal's record: its decision is unknown there and rejecting it is a 404", async () => {
    const now = new Date().toISOString();
    await stack.accord.store.upsertTenant({ crm: 'hubspot', tenantId: '888', name: 'Other', active: true, credentials: '', instanceUrl: null, installedAt: now, updatedAt: now });
    const read = await hubspotFetch(stack.accord.url, 'GET', `/records/${leadId}`, undefined, { portalId: '888' });
    expect(read.body).toMatchObject({ decision: null });
    const reject = await hubspotFetch(stack.accord.url, 'POST', `/records/${leadId}/rejection`, { reason: 'no_budget' }, { portalId: '888' });
    expect(reject.status).toBe(404);
    expect(reject.body.error).toBe('record_not_found');
  });

  it('refuses a malformed record id and an invalid rejection body', async () => {
    expect((await hubspotFetch(stack.accord.url, 'GET', '/records/abc')).status).toBe(400);
    const bad = await hubspotFetch(stack.accord.url, 'POST', `/records/${leadId}/rejection`, { reason: 'too_expensive' });
    expect(bad.status).toBe(422);
    expect(errorBodySchema.parse(bad.body)).toMatchObject({ error: 'invalid_rejection', issues: [expect.objectContaining({ path: ['reason'] })] });
  });

  it('records a rejection from the card, writes the rep fields to the CRM, and the lead moves to nurture', async () => {
    const request = { reason: 'no_budget', note: '  Budget frozen until Q3  ' };
    const { status, body } = await hubspotFetch(stack.accord.url, 'POST', `/records/${leadId}/rejection`, request, { userId: '9002', userEmail: 'rep@example.com' });
    expect(status).toBe(200);
    const view = recordViewSchema.parse(body);
    expect(view.rejection).toMatchObject({ reason: 'no_budget', note: 'Budget frozen until Q3', rejectedBy: { id: '9002', email: 'rep@example.com' } });
    expect(view.canReject).toBe(false);

    const contact = await eventually(async () => {
      const p = await stack.hubspot.crm.contacts.basicApi.getById(leadId, ['accord_stage', 'accord_rejection_reason', 'accord_rejection_note']);
      return p.properties.accord_stage === 'nurture' ? p.properties : undefined;
    }, 10_000, 'the lead to move to nurture');
    expect(contact).toMatchObject({ accord_rejection_reason: 'no_budget', accord_rejection_note: 'Budget frozen until Q3' });
    const after = recordViewSchema.parse((await hubspotFetch(stack.accord.url, 'GET', `/records/${leadId}`)).body);
    expect(after.decision?.stage).toBe('nurture');
    expect(after.rejection?.rejectedBy).toEqual({ id: '9002', email: 'rep@example.com' });
    expect((await stack.accord.store.listAudit(tenant, 50)).some((e) => e.action === 'lead.rejected' && e.actor === '9002')).toBe(true);

    // The same rejection again is a no-op; a different one is refused.
    expect((await hubspotFetch(stack.accord.url, 'POST', `/records/${leadId}/rejection`, request, { userId: '9002', userEmail: 'rep@example.com' })).status).toBe(200);
    const other = await hubspotFetch(stack.accord.url, 'POST', `/records/${leadId}/rejection`, { reason: 'student' }, { userId: '9002' });
    expect(other.status).toBe(409);
    expect(other.body.error).toBe('not_rejectable');
  });
});
