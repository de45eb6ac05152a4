import { toSalesforceId18 } from '../../adapters/salesforce/salesforce-id';
import { sandboxDefaults } from '../../scripts/sandbox/sandbox-options';
import { issueApiKey } from '../../src/server/crm-api/api-key';
import { eventually, startE2eStack, type E2eStack } from '../e2e/start-e2e-stack';
import { calibrationViewSchema } from '../manifests/crm-api-schemas';

const orgId = toSalesforceId18(sandboxDefaults.salesforce.orgId) as string;
const tenant = { crm: 'salesforce' as const, tenantId: orgId };
const start = Date.parse('2025-01-06T09:00:00.000Z');

describe('Salesforce settings: learn a draft from converted and closed leads', () => {
  let stack: E2eStack;
  let key: string;
  beforeAll(async () => {
    stack = await startE2eStack({}, {}, ['salesforce']);
    key = await issueApiKey(stack.accord.store, tenant, new Date().toISOString());
    const org = stack.sandbox.state.salesforce;
    // Existing data: partner referrals mostly convert (half of them into an opportunity won), web leads mostly close unconverted.
    for (let i = 0; i < 120; i += 1) {
      const partner = i % 3 === 0;
      const wins = partner ? i % 4 !== 1 : i % 7 === 0;
      const lead = org.leads.create(
        { LastName: `Lead${i}`, Company: `Company ${i % 13}`, Title: i % 2 === 0 ? 'VP Sales' : 'Analyst', LeadSource: partner ? 'Partner Referral' : 'Web', Status: wins ? 'Working - Contacted' : 'Closed - Not Converted' },
        org.adminUserId,
        { silent: true, createdAt: start + i * 3600_000 },
      );
      if (wins) org.leads.convert(String(lead.Id), org.adminUserId);
    }
  });
  afterAll(async () => {
    await stack.stop();
  });

  const call = async (method: string, path: string, body?: unknown) => {
    const response = await fetch(`${stack.accord.url}/api/salesforce${path}`, {
      method,
      headers: { accept: 'application/json', 'content-type': 'application/json', authorization: `Bearer ${key}`, 'x-accord-org-id': orgId, 'x-accord-user-id': '0055e0000000003AAA', 'x-accord-user-email': 'admin@acme.example' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };

  it('reads the outcomes with SOQL, learns LeadSource, and saves the draft by the Salesforce user', async () => {
    const started = await call('POST', '/definitions/calibrate', {});
    expect(started.status).toBe(202);
    const id = calibrationViewSchema.parse(started.body).id;
    const done = await eventually(async () => {
      const view = calibrationViewSchema.parse((await call('GET', `/calibrations/${id}`)).body);
      return view.status === 'succeeded' || view.status === 'failed' ? view : undefined;
    }, 60_000, 'the calibration to end');
    expect(done).toMatchObject({ status: 'succeeded', outcomesRead: 120 });
    const result = done.result;
    expect(result?.outcomes).toBe(120);
    expect(result?.leakyFields).toEqual(expect.arrayContaining(['Status']));
    expect(result?.draft?.createdBy).toEqual({ id: '0055e0000000003AAA', email: 'admin@acme.example' });
    expect(JSON.stringify(result?.draft?.definition.criteria)).toContain('Partner Referral');
    expect(stack.sandbox.callLog.count('GET /services/data/:version/query')).toBeGreaterThan(0);
  });
});
