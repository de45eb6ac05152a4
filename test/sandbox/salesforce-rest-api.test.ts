import { sandboxDefaults } from '../../scripts/sandbox/sandbox-options';
import type { Sandbox } from '../../scripts/sandbox/start-sandbox';
import { integrationSession, salesforceCall, soql } from './support/salesforce-http';
import { startTestSandbox } from './support/test-sandbox';

describe('sandbox Salesforce org: OAuth and sessions', () => {
  let sandbox: Sandbox;
  beforeAll(async () => {
    sandbox = await startTestSandbox({ seed: { contacts: 0 } });
  });
  afterAll(() => sandbox.close());

  it('trades the refresh token for a session and tells which org and user it is', async () => {
    const answer = await salesforceCall(sandbox, 'POST', '/services/oauth2/token', {
      body: undefined,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(answer.status).toBe(400);
    const token = await integrationSession(sandbox);
    const org = sandbox.state.salesforce;
    const userinfo = await salesforceCall(sandbox, 'GET', '/services/oauth2/userinfo', { token });
    expect(userinfo.body).toMatchObject({ user_id: org.integrationUserId, organization_id: org.orgId });
  });

  it.each([
    [{ client_id: 'someone-else' }, 'invalid_client_id'],
    [{ client_secret: 'wrong' }, 'invalid_client'],
    [{ refresh_token: 'revoked' }, 'invalid_grant'],
  ])('refuses a refresh with %j', async (override, error) => {
    const response = await fetch(`${sandbox.url}/services/oauth2/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'refresh_token',
        refresh_token: sandboxDefaults.salesforce.refreshToken,
        client_id: sandboxDefaults.salesforce.clientId,
        client_secret: sandboxDefaults.salesforce.clientSecret,
        ...override,
      }),
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error });
  });

  it('answers 401 INVALID_SESSION_ID without a live session, also after the sessions expired', async () => {
    const none = await salesforceCall(sandbox, 'GET', soql('SELECT Id FROM Lead'));
    expect(none).toMatchObject({ status: 401, body: [{ errorCode: 'INVALID_SESSION_ID', message: 'Session expired or invalid' }] });
    const token = await integrationSession(sandbox);
    expect((await salesforceCall(sandbox, 'GET', soql('SELECT Id FROM Lead'), { token })).status).toBe(200);
    sandbox.salesforce.expireSessions();
    expect((await salesforceCall(sandbox, 'GET', soql('SELECT Id FROM Lead'), { token })).status).toBe(401);
  });
});

describe('sandbox Salesforce org: REST API', () => {
  let sandbox: Sandbox;
  let token: string;
  beforeAll(async () => {
    sandbox = await startTestSandbox({ seed: { contacts: 30, now: Date.parse('2025-03-03T09:00:00Z') }, salesforce: { queryBatchSize: 10, dailyApiLimit: 1000 } });
    token = await integrationSession(sandbox);
  });
  afterAll(() => sandbox.close());
  afterEach(() => sandbox.faults.clear());
  const org = () => sandbox.state.salesforce;

  it('seeds the same people as the HubSpot portal, users in role-teams, and the lead statuses', async () => {
    expect(org().leads.size).toBe(30);
    const hubspotEmails = sandbox.state.hubspot.contacts.list().map((c) => c.properties.email).sort();
    expect(org().leads.list().map((l) => l.Email).sort()).toEqual(hubspotEmails);
    const users = await salesforceCall(sandbox, 'GET', soql('SELECT Id, Name, UserRole.Name FROM User WHERE IsActive = true ORDER BY Id'), { token });
    const page = users.body as { totalSize: number; records: Array<{ Name: string; UserRole: { Name: string } | null }> };
    // 41 sales users, the admin and Accord's integration user.
    expect(page.totalSize).toBe(43);
    expect(page.records.filter((u) => u.UserRole?.Name === 'Central').map((u) => u.Name)).toContain('Anna Snelling');
    const statuses = await salesforceCall(sandbox, 'GET', soql('SELECT MasterLabel, IsConverted FROM LeadStatus WHERE IsConverted = true'), { token });
    expect((statuses.body as { records: Array<{ MasterLabel: string }> }).records.map((s) => s.MasterLabel)).toEqual(['Closed - Converted']);
  });

  it('pages a query by the batch size through nextRecordsUrl, and refuses a spent locator', async () => {
    const first = await salesforceCall(sandbox, 'GET', soql('SELECT Id FROM Lead ORDER BY Id'), { token });
    const page = first.body as { totalSize: number; done: boolean; nextRecordsUrl: string; records: unknown[] };
    expect(page).toMatchObject({ totalSize: 30, done: false, nextRecordsUrl: expect.stringMatching(/^\/services\/data\/v62\.0\/query\/01g[0-9a-f]+-10$/) });
    expect(page.records).toHaveLength(10);
    let next: string | undefined = page.nextRecordsUrl;
    const seen = [...page.records];
    while (next) {
      const more = (await salesforceCall(sandbox, 'GET', next, { token })).body as { done: boolean; nextRecordsUrl?: string; records: unknown[] };
      seen.push(...more.records);
      next = more.nextRecordsUrl;
    }
    expect(seen).toHaveLength(30);
    expect((await salesforceCall(sandbox, 'GET', page.nextRecordsUrl, { token })).body).toEqual([{ errorCode: 'INVALID_QUERY_LOCATOR', message: 'invalid query locator' }]);
  });

  it('answers a bad query with Salesforce\'s error array', async () => {
    const answer = await salesforceCall(sandbox, 'GET', soql('SELECT Nope FROM Lead'), { token });
    expect(answer.status).toBe(400);
    expect(answer.body).toEqual([{ errorCode: 'INVALID_FIELD', message: expect.stringContaining("No such column 'Nope' on entity 'Lead'") }]);
  });

  it('updates through sObject Collections record by record, or not at all with allOrNone', async () => {
    const [a, b] = org().leads.list().map((l) => String(l.Id));
    const body = (allOrNone: boolean) => ({
      allOrNone,
      records: [
        { attributes: { type: 'Lead' }, id: a, Accord_Score__c: 55 },
        { attributes: { type: 'Lead' }, id: b, Accord_Stage__c: 'bogus' },
      ],
    });
    const all = await salesforceCall(sandbox, 'PATCH', '/services/data/v62.0/composite/sobjects', { token, body: body(true), headers: { 'sforce-auto-assign': 'FALSE' } });
    expect(all.body).toEqual([
      { success: false, errors: [{ statusCode: 'ALL_OR_NONE_OPERATION_ROLLED_BACK', message: expect.any(String), fields: [] }] },
      { success: false, errors: [{ statusCode: 'INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST', message: 'Accord stage: bad value for restricted picklist field: bogus', fields: ['Accord_Stage__c'] }] },
    ]);
    expect(org().leads.find(a as string)?.Accord_Score__c ?? null).toBeNull();
    const each = await salesforceCall(sandbox, 'PATCH', '/services/data/v62.0/composite/sobjects', { token, body: body(false), headers: { 'sforce-auto-assign': 'FALSE' } });
    expect(each.body).toEqual([
      { id: a, success: true, errors: [] },
      { success: false, errors: [expect.objectContaining({ statusCode: 'INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST' })] },
    ]);
    expect(org().leads.find(a as string)?.Accord_Score__c).toBe(55);
    expect(org().leads.find(a as string)?.LastModifiedById).toBe(org().integrationUserId);
    const tooMany = await salesforceCall(sandbox, 'PATCH', '/services/data/v62.0/composite/sobjects', {
      token,
      body: { allOrNone: false, records: Array.from({ length: 201 }, () => ({ attributes: { type: 'Lead' }, id: a, Accord_Score__c: 1 })) },
    });
    expect(tooMany).toMatchObject({ status: 400, body: [{ errorCode: 'EXCEEDED_ID_LIMIT' }] });
  });

  it('validates writes as Salesforce does: read-only, unknown and required fields, lengths, numbers, owners', async () => {
    const [id] = org().leads.list().map((l) => String(l.Id));
    const patch = (fields: Record<string, unknown>) =>
      salesforceCall(sandbox, 'PATCH', `/services/data/v62.0/sobjects/Lead/${id}`, { token, body: fields, headers: { 'sforce-auto-assign': 'FALSE' } });
    expect((await patch({ IsConverted: true })).body).toEqual([expect.objectContaining({ errorCode: 'INVALID_FIELD_FOR_INSERT_UPDATE', fields: ['IsConverted'] })]);
    expect((await patch({ Nope__c: 1 })).body).toEqual([expect.objectContaining({ errorCode: 'INVALID_FIELD' })]);
    expect((await patch({ Company: null })).body).toEqual([expect.objectContaining({ errorCode: 'REQUIRED_FIELD_MISSING' })]);
    expect((await patch({ Title: 'x'.repeat(129) })).body).toEqual([expect.objectContaining({ errorCode: 'STRING_TOO_LONG' })]);
    expect((await patch({ Accord_Score__c: 1000 })).body).toEqual([expect.objectContaining({ errorCode: 'NUMBER_OUTSIDE_VALID_RANGE' })]);
    expect((await patch({ Accord_SLA_Due__c: 'soon' })).body).toEqual([expect.objectContaining({ errorCode: 'INVALID_TYPE_ON_FIELD_IN_RECORD' })]);
    expect((await patch({ OwnerId: '0055e0000000999AAA' })).body).toEqual([expect.objectContaining({ errorCode: 'INVALID_CROSS_REFERENCE_KEY', fields: ['OwnerId'] })]);
    const accepted = await patch({ Title: 'CTO', Accord_SLA_Due__c: '2025-03-03T10:00:00.000+0000' });
    expect(accepted.status).toBe(204);
    const read = await salesforceCall(sandbox, 'GET', `/services/data/v62.0/sobjects/Lead/${id}?fields=Title,Accord_SLA_Due__c`, { token });
    expect(read.body).toEqual({ attributes: { type: 'Lead', url: `/services/data/v62.0/sobjects/Lead/${id}` }, Title: 'CTO', Accord_SLA_Due__c: '2025-03-03T10:00:00.000+0000' });
  });

  it('runs the lead assignment rule on API writes unless Sforce-Auto-Assign is FALSE', async () => {
    const created = await salesforceCall(sandbox, 'POST', '/services/data/v62.0/sobjects/Lead', { token, body: { LastName: 'Doe', Company: 'Acme' } });
    expect(created.status).toBe(201);
    const id = (created.body as { id: string }).id;
    expect(org().leads.find(id)?.OwnerId).toBe(org().leadQueueId);
    const rep = org().users.list().find((u) => u.UserRoleId !== null)?.Id;
    await salesforceCall(sandbox, 'PATCH', `/services/data/v62.0/sobjects/Lead/${id}`, { token, body: { OwnerId: rep }, headers: { 'sforce-auto-assign': 'FALSE' } });
    expect(org().leads.find(id)?.OwnerId).toBe(rep);
    await salesforceCall(sandbox, 'PATCH', `/services/data/v62.0/sobjects/Lead/${id}`, { token, body: { Title: 'CTO' } });
    expect(org().leads.find(id)?.OwnerId).toBe(org().leadQueueId);
  });

  it('refuses every update to a converted lead', async () => {
    const id = String(org().leads.list()[3]?.Id);
    org().leads.convert(id, org().adminUserId);
    const single = await salesforceCall(sandbox, 'PATCH', `/services/data/v62.0/sobjects/Lead/${id}`, { token, body: { Accord_Score__c: 1 } });
    expect(single).toMatchObject({ status: 400, body: [{ errorCode: 'CANNOT_UPDATE_CONVERTED_LEAD', message: 'cannot reference converted lead' }] });
    const many = await salesforceCall(sandbox, 'PATCH', '/services/data/v62.0/composite/sobjects', { token, body: { allOrNone: false, records: [{ attributes: { type: 'Lead' }, id, Accord_Score__c: 1 }] } });
    expect(many.body).toEqual([{ success: false, errors: [{ statusCode: 'CANNOT_UPDATE_CONVERTED_LEAD', message: 'cannot reference converted lead', fields: [] }] }]);
    expect(org().leads.find(id)?.Status).toBe('Closed - Converted');
  });

  it('describes Lead with Accord\'s fields and reports the daily allocation in limits and Sforce-Limit-Info', async () => {
    const describe = await salesforceCall(sandbox, 'GET', '/services/data/v62.0/sobjects/Lead/describe', { token });
    const fields = (describe.body as { fields: Array<{ name: string; picklistValues: Array<{ value: string }> }> }).fields;
    expect(fields.find((f) => f.name === 'Accord_Stage__c')?.picklistValues.map((v) => v.value)).toEqual(['disqualified', 'nurture', 'mql', 'sales_ready', 'sql']);
    expect(describe.headers.get('sforce-limit-info')).toMatch(/^api-usage=\d+\/1000$/);
    const limits = await salesforceCall(sandbox, 'GET', '/services/data/v62.0/limits', { token });
    expect(limits.body).toMatchObject({ DailyApiRequests: { Max: 1000, Remaining: expect.any(Number) } });
  });

  it('answers 404 NOT_FOUND for unknown paths, versions and records', async () => {
    expect((await salesforceCall(sandbox, 'GET', '/services/data/v62.0/sobjects/Lead/00Q5e0000009999EAA', { token })).body).toEqual([{ errorCode: 'NOT_FOUND', message: 'The requested resource does not exist' }]);
    expect((await salesforceCall(sandbox, 'GET', '/services/data/latest/limits', { token })).status).toBe(404);
    expect((await salesforceCall(sandbox, 'GET', '/services/apexrest/whatever', { token })).status).toBe(404);
  });

  it('injects Salesforce-shaped faults: REQUEST_LIMIT_EXCEEDED, 503 and an HTML 502', async () => {
    sandbox.faults.inject({ mode: 'request_limit', count: 1, paths: ['/services/data/:version/query'] });
    expect(await salesforceCall(sandbox, 'GET', soql('SELECT Id FROM Lead'), { token })).toMatchObject({ status: 403, body: [{ errorCode: 'REQUEST_LIMIT_EXCEEDED', message: 'TotalRequests Limit exceeded.' }] });
    sandbox.faults.inject({ mode: 'server_error', status: 503, count: 1 });
    expect(await salesforceCall(sandbox, 'GET', soql('SELECT Id FROM Lead'), { token })).toMatchObject({ status: 503, body: [{ errorCode: 'SERVER_UNAVAILABLE' }] });
    sandbox.faults.inject({ mode: 'server_error', status: 502, count: 1 });
    const gateway = await salesforceCall(sandbox, 'GET', soql('SELECT Id FROM Lead'), { token });
    expect(gateway.status).toBe(502);
    expect(gateway.headers.get('content-type')).toMatch(/^text\/html/);
    expect((await salesforceCall(sandbox, 'GET', soql('SELECT Id FROM Lead'), { token })).status).toBe(200);
    expect(sandbox.callLog.count('GET /services/data/:version/query', 403)).toBeGreaterThanOrEqual(1);
  });
});

describe('sandbox Salesforce org: daily API allocation', () => {
  it('answers 403 REQUEST_LIMIT_EXCEEDED once the allocation is spent, until reset', async () => {
    const sandbox = await startTestSandbox({ seed: { contacts: 0 }, salesforce: { dailyApiLimit: 2 } });
    try {
      const token = await integrationSession(sandbox);
      const query = () => salesforceCall(sandbox, 'GET', soql('SELECT Id FROM Lead'), { token });
      expect((await query()).status).toBe(200);
      expect((await query()).headers.get('sforce-limit-info')).toBe('api-usage=2/2');
      expect(await query()).toMatchObject({ status: 403, body: [{ errorCode: 'REQUEST_LIMIT_EXCEEDED' }] });
      await salesforceCall(sandbox, 'POST', '/_sandbox/rate-limits/reset');
      expect((await query()).status).toBe(200);
    } finally {
      await sandbox.close();
    }
  });
});
