/** @jest-environment-options {"globalsCleanup": "off"} */
import nock from 'nock';
import { createSalesforceAdapter } from '../../../adapters/salesforce/create-salesforce-adapter';
import { SalesforceRequestError } from '../../../adapters/salesforce/salesforce-request-error';
import { SalesforceSessionRejectedError } from '../../../adapters/salesforce/salesforce-session-rejected-error';
import { CrmRateLimitedError, CrmUnavailableError, type TenantConnection } from '../../../src/core/crm-adapter';
import { fixtureIntegrationUser, fixtureOrg, salesforceFixture } from './salesforce-fixture';

const instance = 'https://acme.my.salesforce.com';
const login = 'https://login.salesforce.com';
const leadId = '00Q5e000001AbCdEAK';
const json = { 'Content-Type': 'application/json;charset=UTF-8' };

function adapter(timeoutMs = 5_000) {
  return createSalesforceAdapter({
    secretKey: 'nock-test-secret-key-of-at-least-32-chars',
    client: { loginUrl: login, clientId: 'client-id', clientSecret: 'client-secret', timeoutMs },
    integrationUserId: () => fixtureIntegrationUser,
  });
}

const connection: TenantConnection = { crm: 'salesforce', tenantId: fixtureOrg, accessToken: 'session-a', instanceUrl: instance, refreshToken: 'refresh-a' };

/** The org profile calls every adapter makes first: the Lead describe and the LeadStatus rows. */
function profile(scope = nock(instance)) {
  return scope
    .get('/services/data/v62.0/sobjects/Lead/describe')
    .reply(200, { name: 'Lead', fields: ['Id', 'Accord_Score__c'].map((name) => ({ name })) }, json)
    .get('/services/data/v62.0/query')
    .query((q) => String(q.q).includes('FROM LeadStatus'))
    .reply(200, { totalSize: 0, done: true, records: [] }, json);
}

const leadQuery = (scope = nock(instance)) => scope.get('/services/data/v62.0/query').query((q) => String(q.q).includes('FROM Lead WHERE Id IN'));

beforeAll(() => nock.disableNetConnect());
afterEach(() => {
  const unused = nock.pendingMocks();
  nock.cleanAll();
  nock.abortPendingRequests();
  expect(unused).toEqual([]);
});
// Let go of `http` for the files jest runs after this one in the same process (see hubspot-nock.ts).
afterAll(() => {
  nock.enableNetConnect();
  nock.restore();
});

describe('Salesforce adapter against Salesforce (HTTP mocked)', () => {
  it("calls API v62.0 with the session and Sforce-Call-Options: client=accord, one SOQL query per 200 ids", async () => {
    profile();
    const queries: string[] = [];
    nock(instance, { reqheaders: { authorization: 'Bearer session-a', 'sforce-call-options': 'client=accord' } })
      .get('/services/data/v62.0/query')
      .query((q) => String(q.q).includes('FROM Lead WHERE Id IN'))
      .times(2)
      .reply(200, (uri) => {
        queries.push(new URL(uri, instance).searchParams.get('q') ?? '');
        return salesforceFixture('query-leads.json').toString('utf8');
      }, json);
    const ids = Array.from({ length: 250 }, (_, i) => `00Q5e00000${String(i).padStart(5, '0')}`);
    const leads = await adapter().readLeads(connection, [...ids, leadId]);
    expect(leads.map((lead) => lead.recordId)).toEqual([leadId, leadId]);
    expect(queries.map((q) => q.split("'00Q").length - 1)).toEqual([200, 51]);
    expect(queries[0]).toMatch(/^SELECT Id, FirstName, LastName, Email, Title, Company, NumberOfEmployees, .*LastModifiedById, Accord_Score__c, .* FROM Lead WHERE Id IN \('00Q5e0000000000/);
  });

  it('refreshes an expired session (401 INVALID_SESSION_ID) once, reports the new token and resends the request', async () => {
    nock(instance, { reqheaders: { authorization: 'Bearer session-a' } })
      .get('/services/data/v62.0/sobjects/Lead/describe')
      .reply(401, [{ message: 'Session expired or invalid', errorCode: 'INVALID_SESSION_ID' }], json);
    nock(login)
      .post('/services/oauth2/token', (body) => body.grant_type === 'refresh_token' && body.refresh_token === 'refresh-a' && body.client_id === 'client-id')
      .reply(200, { access_token: 'session-b', instance_url: instance, id: `${login}/id/${fixtureOrg}/${fixtureIntegrationUser}`, token_type: 'Bearer', issued_at: '1', signature: 's', scope: 'api refresh_token' }, json);
    const resent = nock(instance, { reqheaders: { authorization: 'Bearer session-b' } });
    profile(resent);
    leadQuery(resent).reply(200, salesforceFixture('query-leads.json').toString('utf8'), json);
    const refreshed: string[] = [];
    const subject = createSalesforceAdapter({
      secretKey: 'nock-test-secret-key-of-at-least-32-chars',
      client: { loginUrl: login, clientId: 'client-id', clientSecret: 'client-secret' },
      integrationUserId: () => fixtureIntegrationUser,
      onTokenRefreshed: (_tenant, tokens) => refreshed.push(tokens.accessToken),
    });
    await expect(subject.readLeads(connection, [leadId])).resolves.toHaveLength(1);
    expect(refreshed).toEqual(['session-b']);
  });

  it.each([
    ['the daily allocation', 'TotalRequests Limit exceeded.', 60 * 60 * 1000],
    ['concurrent long requests', 'ConcurrentPerOrgLongTxn Limit exceeded.', 30_000],
  ])('turns 403 REQUEST_LIMIT_EXCEEDED (%s) into CrmRateLimitedError', async (_what, message, wait) => {
    nock(instance).get('/services/data/v62.0/sobjects/Lead/describe').reply(403, [{ message, errorCode: 'REQUEST_LIMIT_EXCEEDED' }], json);
    const error = await adapter().readLeads(connection, [leadId]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CrmRateLimitedError);
    expect((error as CrmRateLimitedError).retryAfterMs).toBe(wait);
  });

  it.each([
    [503, [{ message: 'Server temporarily unavailable', errorCode: 'SERVER_UNAVAILABLE' }], json],
    [500, [{ message: 'An unexpected error occurred.', errorCode: 'UNKNOWN_EXCEPTION' }], json],
    [502, '<html><body>Bad Gateway</body></html>', { 'Content-Type': 'text/html' }],
  ])('turns a %s into CrmUnavailableError, without retrying by itself', async (status, body, headers) => {
    nock(instance).get('/services/data/v62.0/sobjects/Lead/describe').reply(status, body, headers);
    await expect(adapter().readLeads(connection, [leadId])).rejects.toBeInstanceOf(CrmUnavailableError);
  });

  it('gives up on a request slower than the timeout', async () => {
    nock(instance).get('/services/data/v62.0/sobjects/Lead/describe').delay(500).reply(200, { fields: [] }, json);
    await expect(adapter(100).readLeads(connection, [leadId])).rejects.toThrow(/did not answer in time/);
  });

  it('turns a refused query into SalesforceRequestError with its errorCode', async () => {
    profile();
    leadQuery().reply(400, [{ message: "No such column 'Accord_Score__c' on entity 'Lead'.", errorCode: 'INVALID_FIELD' }], json);
    const error = await adapter().readLeads(connection, [leadId]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SalesforceRequestError);
    expect((error as SalesforceRequestError).errorCode).toBe('INVALID_FIELD');
  });

  it('turns a refused refresh into SalesforceSessionRejectedError, and an unreachable token endpoint into CrmUnavailableError', async () => {
    nock(instance).get('/services/data/v62.0/sobjects/Lead/describe').times(2).reply(401, [{ message: 'Session expired or invalid', errorCode: 'INVALID_SESSION_ID' }], json);
    nock(login).post('/services/oauth2/token').reply(400, { error: 'invalid_grant', error_description: 'expired access/refresh token' }, json);
    await expect(adapter().readLeads(connection, [leadId])).rejects.toThrow(SalesforceSessionRejectedError);
    nock(login).post('/services/oauth2/token').reply(503, 'Service Unavailable', { 'Content-Type': 'text/plain' });
    await expect(adapter().readLeads(connection, [leadId])).rejects.toBeInstanceOf(CrmUnavailableError);
  });

  it('writes through sObject Collections with allOrNone false and Sforce-Auto-Assign: FALSE, only the fields given', async () => {
    let body: unknown;
    nock(instance, { reqheaders: { 'sforce-auto-assign': 'FALSE' } })
      .patch('/services/data/v62.0/composite/sobjects', (b) => {
        body = b;
        return true;
      })
      .reply(200, [{ id: leadId, success: true, errors: [] }, { success: false, errors: [{ statusCode: 'UNABLE_TO_LOCK_ROW', message: 'unable to obtain exclusive access to this record', fields: [] }] }], json);
    const outcomes = await adapter().writeDecisions(connection, [
      { recordId: leadId, fields: { score: 70, slaDueAt: '2024-11-05T17:05:00Z', ownerId: '0055e000000Rep1AAC' } },
      { recordId: '00Q5e000001AbCeEAK', fields: { why: null } },
    ]);
    expect(body).toEqual({
      allOrNone: false,
      records: [
        { id: leadId, attributes: { type: 'Lead' }, Accord_Score__c: 70, Accord_SLA_Due__c: '2024-11-05T17:05:00.000Z', OwnerId: '0055e000000Rep1AAC' },
        { id: '00Q5e000001AbCeEAK', attributes: { type: 'Lead' }, Accord_Why__c: null },
      ],
    });
    expect(outcomes).toEqual([
      { recordId: leadId, ok: true },
      { recordId: '00Q5e000001AbCeEAK', ok: false, retryable: true, code: 'UNABLE_TO_LOCK_ROW', message: 'unable to obtain exclusive access to this record' },
    ]);
  });
});
