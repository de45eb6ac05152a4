import { Connection } from 'jsforce';
import pino from 'pino';
import { loadConfig } from '../../src/config/load-config';
import { startAccord } from '../../src/main';
import { salesforceOrgToken } from '../../adapters/salesforce/salesforce-org-token';
import { toSalesforceId18 } from '../../adapters/salesforce/salesforce-id';
import { sandboxDefaults } from '../../scripts/sandbox/sandbox-options';
import { loadSeedData, toCreateContactInputs } from '../../scripts/sandbox/seed-sandbox';
import { seedContactToSalesforceLead } from '../../scripts/sandbox/seed-contact-to-salesforce-lead';
import { e2eSecretKey, eventually, startE2eStack, type E2eStack } from './start-e2e-stack';
import { outboundMessageXml } from './outbound-message-xml';
import type { SandboxLead } from './salesforce-controls';
import { hotSalesforceLead as hotLead } from './hot-salesforce-lead';

const orgId = toSalesforceId18(sandboxDefaults.salesforce.orgId) as string;
const tenant = { crm: 'salesforce' as const, tenantId: orgId };


async function decided(stack: E2eStack, id: string, stage?: string): Promise<SandboxLead> {
  return eventually(async () => {
    const lead = await stack.salesforce.readLead(id);
    return lead.Accord_Stage__c && (!stage || lead.Accord_Stage__c === stage) ? lead : undefined;
  }, 10_000, `lead ${id} to be decided${stage ? ` as ${stage}` : ''}`);
}

async function settled(stack: E2eStack) {
  await eventually(async () => {
    await stack.sandbox.salesforce.outbound.idle();
    const { pending } = await stack.accord.store.inboxStats(new Date().toISOString());
    return pending === 0 && stack.sandbox.salesforce.outbound.stats().pending === 0 ? true : undefined;
  }, 10_000, 'inbox and outbound messages to drain');
}

function postOutbound(stack: E2eStack, body: string, token = salesforceOrgToken(e2eSecretKey, orgId)) {
  return fetch(`${stack.accord.url}/webhooks/salesforce/${token}`, { method: 'POST', headers: { 'content-type': 'text/xml; charset=utf-8', SOAPAction: '""' }, body });
}

/** Accord's own session, for writes "as the integration user" that are not Accord's (another automation). */
function integrationUserConnection(stack: E2eStack): Connection {
  return new Connection({
    oauth2: { loginUrl: stack.sandbox.url, clientId: sandboxDefaults.salesforce.clientId, clientSecret: sandboxDefaults.salesforce.clientSecret },
    instanceUrl: stack.sandbox.url,
    refreshToken: sandboxDefaults.salesforce.refreshToken,
    version: '62.0',
  });
}

describe('Salesforce end to end: sandbox org, real jsforce, real SQLite', () => {
  let stack: E2eStack;
  beforeAll(async () => {
    stack = await startE2eStack({ seed: { contacts: 0 } }, {}, ['salesforce']);
  });
  afterAll(async () => {
    await stack.stop();
  });

  it('starts ready: Accord fields checked, default definition published, users as owners, the endpoint to configure', async () => {
    expect(stack.accord.salesforceOutboundUrl).toBe(`${stack.accord.url}/webhooks/salesforce/${salesforceOrgToken(e2eSecretKey, orgId)}`);
    expect((await stack.accord.store.getPublishedDefinition(tenant))?.version).toBe(1);
    const owners = await stack.accord.store.listOwners(tenant);
    // 41 sales users in three role-teams, plus the admin; the integration user owns nothing Accord routes.
    expect(owners).toHaveLength(42);
    expect(owners.map((o) => o.id)).not.toContain(stack.sandbox.state.salesforce.integrationUserId);
    expect(new Set(owners.flatMap((o) => o.teams))).toEqual(new Set(['West', 'Central', 'East']));
    // The refreshed session is kept with the tenant, encrypted.
    const row = await stack.accord.store.getTenant(tenant);
    expect(row?.credentials).toMatch(/^v1:gcm:/);
    expect(row?.credentials).not.toContain(sandboxDefaults.salesforce.refreshToken);
  });

  it('scores, stages, routes and explains a new hot lead on the record', async () => {
    const createdAt = Date.now();
    const id = await stack.salesforce.createLead(hotLead);
    const lead = await decided(stack, id);
    expect(lead.Accord_Stage__c).toBe('sales_ready');
    expect(lead.Accord_Score__c).toBe(100);
    expect(lead.Accord_Definition_Version__c).toBe(1);
    expect(String(lead.Accord_Why__c).split('\n')[0]).toMatch(/^Sales ready, auto-accepted \(score 100\/100\)/);
    // California is West: the web-to-lead queue's lead goes to someone in the West role, kept despite the org's assignment rule.
    const owners = await stack.accord.store.listOwners(tenant);
    const owner = owners.find((o) => o.id === lead.OwnerId);
    expect(owner?.teams).toEqual(['West']);
    expect(String(lead.Accord_Why__c)).toContain(owner?.name as string);
    const due = Date.parse(String(lead.Accord_SLA_Due__c).replace('+0000', 'Z'));
    expect(due).toBeGreaterThan(createdAt + 59 * 60_000);
    expect(due).toBeLessThan(Date.now() + 61 * 60_000);
    // Every call said who it was: Sforce-Call-Options client=accord.
    expect([...stack.sandbox.salesforce.clients.keys()]).toEqual(['accord']);
  });

  it('drops its own write-backs: one lead costs its read, one account lookup and one collection update, however the echo comes back', async () => {
    await settled(stack);
    stack.sandbox.callLog.reset();
    const sentBefore = stack.sandbox.salesforce.outbound.stats().sent;
    const id = await stack.salesforce.createLead({ ...hotLead, Email: 'lee.park@betasoloin.com', FirstName: 'Lee' });
    await decided(stack, id);
    await settled(stack);
    // The creation and the echo of Accord's own write, LastModifiedById = the integration user.
    expect(stack.sandbox.salesforce.outbound.stats().sent - sentBefore).toBe(2);
    // The lead read, and the Account query routing's account match makes for a lead going to sales.
    expect(stack.sandbox.callLog.count('GET /services/data/:version/query')).toBe(2);
    expect(stack.sandbox.callLog.count('PATCH /services/data/:version/composite/sobjects')).toBe(1);
    expect(stack.sandbox.callLog.count()).toBe(3);
    expect(await stack.accord.store.decisionHistory(tenant, id)).toHaveLength(1);

    // The same echo delivered again by hand is acknowledged and adds nothing.
    const lead = await stack.salesforce.readLead(id);
    const echo = outboundMessageXml({ organizationId: orgId, notifications: [{ id: '04l5e0000000EchoAAA', fields: leadFields(lead) }] });
    const response = await postOutbound(stack, echo);
    expect(response.status).toBe(200);
    await settled(stack);
    expect(stack.sandbox.callLog.count()).toBe(3);
  });

  it('stores a duplicate notification once', async () => {
    const id = await stack.salesforce.createLead({ ...hotLead, Email: 'kim.ito@betasoloin.com', FirstName: 'Kim' });
    const lead = await decided(stack, id);
    await settled(stack);
    stack.sandbox.callLog.reset();
    // A rep's change (not the integration user's): each delivery of it is the same notification.
    const change = outboundMessageXml({ organizationId: orgId, notifications: [{ id: '04l5e0000000DupAAA', fields: { ...leadFields(lead), LastModifiedById: '0055e0000000003AAA' } }] });
    expect((await postOutbound(stack, change)).status).toBe(200);
    expect((await postOutbound(stack, change)).status).toBe(200);
    await settled(stack);
    expect(stack.sandbox.callLog.count('GET /services/data/:version/query')).toBe(1);
    expect(stack.sandbox.callLog.count('PATCH /services/data/:version/composite/sobjects')).toBe(0);
  });

  it('re-decides when a rep edits the lead', async () => {
    const id = await stack.salesforce.createLead({ ...hotLead, Email: 'ola.berg@betasoloin.com', FirstName: 'Ola' });
    await decided(stack, id, 'sales_ready');
    await stack.salesforce.editAsRep(id, { Title: 'Intern' });
    const lead = await decided(stack, id, 'disqualified');
    expect(String(lead.Accord_Why__c).split('\n')[0]).toMatch(/^Disqualified/);
    expect(await stack.accord.store.decisionHistory(tenant, id)).toHaveLength(2);
  });

  it('re-decides when some other automation changes an input as the integration user', async () => {
    const id = await stack.salesforce.createLead({ ...hotLead, Email: 'max.roth@betasoloin.com', FirstName: 'Max' });
    await decided(stack, id, 'sales_ready');
    await settled(stack);
    // PATCH /services/data/v62.0/sobjects/Lead/{id} with Accord's own credentials: LastModifiedById is the
    // integration user, but the inputs are not those Accord decided on, so it is not an echo.
    await integrationUserConnection(stack).sobject('Lead').update({ Id: id, Title: 'Student' });
    await decided(stack, id, 'disqualified');
  });

  it('picks up a missed outbound message by reconciliation, and reconciling again finds nothing to do', async () => {
    await settled(stack);
    stack.sandbox.setSalesforceOutboundUrl(null);
    const id = await stack.salesforce.createLead({ ...hotLead, Email: 'ada.moss@betasoloin.com', FirstName: 'Ada' });
    expect(stack.sandbox.salesforce.outbound.stats().discarded).toBeGreaterThan(0);
    await new Promise((r) => setTimeout(r, 200));
    expect((await stack.salesforce.readLead(id)).Accord_Stage__c).toBeNull();
    stack.sandbox.setSalesforceOutboundUrl(stack.accord.salesforceOutboundUrl);

    const [first] = await stack.accord.reconcile();
    expect(first).toMatchObject({ tenant, enqueued: 1, more: false });
    const lead = await decided(stack, id, 'sales_ready');
    // Salesforce stamps to the second: the cursor never goes back, the look-back overlap is what found the lead.
    expect(Date.parse(first?.cursor ?? '')).toBeGreaterThanOrEqual(Date.parse(String(lead.CreatedDate).replace('+0000', 'Z')));
    await settled(stack);

    const [again] = await stack.accord.reconcile();
    // The write-back is newer than the cursor, so it is seen — and recognised as Accord's own.
    expect(again?.seen).toBeGreaterThan(0);
    expect(again?.enqueued).toBe(0);
    expect(await stack.accord.store.getCursor(tenant, 'reconcile')).toBe(again?.cursor);
  });

  it('never writes a converted lead', async () => {
    await settled(stack);
    // Converted before Accord heard of it: the notifications were lost, reconciliation finds it.
    stack.sandbox.setSalesforceOutboundUrl(null);
    const id = await stack.salesforce.createLead({ ...hotLead, Email: 'tom.wu@betasoloin.com', FirstName: 'Tom' });
    await stack.salesforce.convert(id);
    stack.sandbox.setSalesforceOutboundUrl(stack.accord.salesforceOutboundUrl);
    stack.sandbox.callLog.reset();

    const [result] = await stack.accord.reconcile();
    expect(result?.enqueued).toBe(1);
    await settled(stack);
    const lead = await stack.salesforce.readLead(id);
    expect(lead.IsConverted).toBe(true);
    expect(lead.Accord_Score__c).toBeNull();
    expect(stack.sandbox.callLog.count('PATCH /services/data/:version/composite/sobjects')).toBe(0);
    expect(await stack.accord.store.listDeadLetters()).toHaveLength(0);
    expect(await stack.accord.store.decisionHistory(tenant, id)).toHaveLength(0);
  });

  it('answers a valid message with the exact acknowledgement', async () => {
    const id = await stack.salesforce.createLead({ ...hotLead, Email: 'eve.ng@betasoloin.com', FirstName: 'Eve' });
    const lead = await decided(stack, id);
    const response = await postOutbound(stack, outboundMessageXml({ organizationId: orgId, notifications: [{ id: '04l5e0000000AckAAA', fields: leadFields(lead) }] }));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/xml/);
    expect(await response.text()).toBe(
      '<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/"><soapenv:Body><notificationsResponse xmlns="http://soap.sforce.com/2005/09/outbound"><Ack>true</Ack></notificationsResponse></soapenv:Body></soapenv:Envelope>',
    );
  });

  it('refuses bad messages with a SOAP fault and a 4xx, storing nothing', async () => {
    await settled(stack);
    const before = await stack.accord.store.inboxStats(new Date().toISOString());
    const valid = outboundMessageXml({ organizationId: orgId, notifications: [{ id: '04l5e0000000BadAAA', fields: { Id: '00Q5e0000000001EAA' } }] });
    const fault = async (response: Response, status: number, message: RegExp) => {
      expect(response.status).toBe(status);
      expect(response.headers.get('content-type')).toMatch(/^text\/xml/);
      const text = await response.text();
      expect(text).toContain('<soapenv:Fault><faultcode>soapenv:Client</faultcode>');
      expect(text).toMatch(message);
    };

    await fault(await postOutbound(stack, valid.slice(0, -30)), 400, /not well-formed XML/);
    const billionLaughs =
      '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>' +
      valid.replace('<?xml version="1.0" encoding="UTF-8"?>', '').replace('04l5e0000000BadAAA', '&lol2;');
    await fault(await postOutbound(stack, billionLaughs), 400, /DOCTYPE/);
    await fault(await postOutbound(stack, valid.replace('sf:Lead', 'sf:Contact')), 400, /sf:Lead/);
    await fault(await postOutbound(stack, '{"notifications": []}'), 400, /XML|Envelope/);

    const otherOrg = toSalesforceId18('00D5e0000000Oth') as string;
    const unknownOrg = valid.replace(orgId, otherOrg);
    await fault(await postOutbound(stack, unknownOrg, salesforceOrgToken(e2eSecretKey, otherOrg)), 403, new RegExp(otherOrg));
    await fault(await postOutbound(stack, valid, 'not-the-token'), 401, /token/);
    await fault(await postOutbound(stack, valid, salesforceOrgToken('another-key-that-is-long-enough-to-count', orgId)), 401, /token/);
    await fault(await postOutbound(stack, unknownOrg), 401, /token/);

    const huge = valid.replace('</notifications>', `<Padding>${'x'.repeat(1024 * 1024)}</Padding></notifications>`);
    await fault(await postOutbound(stack, huge), 413, /larger than/);

    const after = await stack.accord.store.inboxStats(new Date().toISOString());
    expect(after).toEqual(before);
    expect((await fetch(`${stack.accord.url}/health`)).status).toBe(200);
  });
});

describe('Salesforce end to end: session refresh and limits', () => {
  let stack: E2eStack;
  beforeAll(async () => {
    stack = await startE2eStack({}, {}, ['salesforce']);
  });
  afterAll(async () => {
    await stack.stop();
  });

  it('refreshes an expired session once, keeps the new token, and carries on', async () => {
    const refreshesBefore = stack.sandbox.state.salesforce.sessions.refreshes;
    const storedBefore = (await stack.accord.store.getTenant(tenant))?.credentials;
    expect(stack.sandbox.salesforce.expireSessions()).toBeGreaterThan(0);
    const id = await stack.salesforce.createLead({ ...hotLead, Email: 'ray.cole@betasoloin.com', FirstName: 'Ray' });
    await decided(stack, id, 'sales_ready');
    expect(stack.sandbox.state.salesforce.sessions.refreshes).toBe(refreshesBefore + 1);
    expect(stack.sandbox.callLog.count('GET /services/data/:version/query', 401)).toBe(1);
    await eventually(async () => ((await stack.accord.store.getTenant(tenant))?.credentials !== storedBefore ? true : undefined), 5000, 'new tokens to be stored');
  });

  it('resumes the stored session on the next start instead of asking for a new one', async () => {
    await settled(stack);
    const tokenCalls = stack.sandbox.callLog.count('POST /services/oauth2/token');
    const second = await startAccord({
      config: loadConfig({
        PORT: '0',
        DATABASE_URL: `file:${stack.databaseFile}`,
        ACCORD_SECRET_KEY: e2eSecretKey,
        SALESFORCE_LOGIN_URL: stack.sandbox.url,
        SALESFORCE_CLIENT_ID: sandboxDefaults.salesforce.clientId,
        SALESFORCE_CLIENT_SECRET: sandboxDefaults.salesforce.clientSecret,
        SALESFORCE_REFRESH_TOKEN: sandboxDefaults.salesforce.refreshToken,
      }),
      logger: pino({ level: 'silent' }),
      jobs: false,
    });
    try {
      expect(second.tenants).toEqual([tenant]);
      expect(second.salesforceOutboundUrl).toBe(`${second.url}/webhooks/salesforce/${salesforceOrgToken(e2eSecretKey, orgId)}`);
    } finally {
      await second.stop();
    }
    expect(stack.sandbox.callLog.count('POST /services/oauth2/token')).toBe(tokenCalls);
  });

  it('waits out REQUEST_LIMIT_EXCEEDED without failing the event, and without calling again before it is time', async () => {
    await settled(stack);
    stack.sandbox.faults.inject({ mode: 'request_limit', count: 1, paths: ['/services/data/:version/query'] });
    const id = await stack.salesforce.createLead({ ...hotLead, Email: 'zoe.hart@betasoloin.com', FirstName: 'Zoe' });
    await eventually(async () => (stack.accord.stats.rateLimited > 0 ? true : undefined), 10_000, 'the limit to be hit');
    await stack.sandbox.salesforce.outbound.idle();
    const queries = stack.sandbox.callLog.count('GET /services/data/:version/query');
    await new Promise((r) => setTimeout(r, 300));
    // The daily allocation is spent: the event waits (an hour), it is not retried now nor dead-lettered.
    expect(stack.sandbox.callLog.count('GET /services/data/:version/query')).toBe(queries);
    const stats = await stack.accord.store.inboxStats(new Date().toISOString());
    expect(stats.pending).toBe(1);
    expect(stats.deadLetters).toBe(0);
    expect((await stack.salesforce.readLead(id)).Accord_Stage__c).toBeNull();
  });
});

describe('Salesforce and HubSpot end to end: one person, one verdict', () => {
  let stack: E2eStack;
  beforeAll(async () => {
    stack = await startE2eStack({}, {}, ['hubspot', 'salesforce']);
  });
  afterAll(async () => {
    await stack.stop();
  });

  it('gives the same person the same score, stage and why through either CRM', async () => {
    const seed = loadSeedData({ contacts: 12 });
    const people = toCreateContactInputs(seed.contacts).map(({ properties }) => {
      const { hubspot_owner_id: _owner, ...rest } = properties;
      return { ...rest, hs_lead_status: 'NEW' };
    });
    const hubspotHotLead = {
      email: 'dana.reyes@betasoloin.com', firstname: 'Dana', lastname: 'Reyes', jobtitle: 'VP of Sales', company: 'Betasoloin', numemployees: '100-500',
      country: 'United States', state: 'CA', phone: '+1 415 867 2301', recent_conversion_event_name: 'Demo request', num_conversion_events: '2', hs_analytics_num_page_views: '14',
    };
    const compared: string[] = [];
    // One person at a time, so both CRMs see the same arrivals in the same order (round robins included).
    for (const properties of [hubspotHotLead, ...people]) {
      const contactId = await stack.createLead(properties);
      const leadId = await stack.salesforce.createLead(seedContactToSalesforceLead(properties, { ownerIds: new Map(), activityFields: true }));
      const [viaHubspot, viaSalesforce] = await Promise.all([
        eventually(() => stack.accord.store.getLatestDecision({ crm: 'hubspot', tenantId: sandboxDefaults.portalId }, contactId).then((d) => d ?? undefined), 10_000, 'HubSpot decision'),
        eventually(() => stack.accord.store.getLatestDecision(tenant, leadId).then((d) => d ?? undefined), 10_000, 'Salesforce decision'),
      ]);
      expect({ score: viaSalesforce.score, stage: viaSalesforce.stage, why: viaSalesforce.why }).toEqual({
        score: viaHubspot.score,
        stage: viaHubspot.stage,
        why: viaHubspot.why,
      });
      compared.push(viaHubspot.stage);
    }
    expect(compared[0]).toBe('sales_ready');
    expect(new Set(compared).size).toBeGreaterThan(1);
  });
});

/** A lead's values as an outbound message carries them (the fields docs/salesforce.md lists). */
function leadFields(lead: SandboxLead): Record<string, string> {
  const names = [
    'Id', 'FirstName', 'LastName', 'Email', 'Title', 'Company', 'NumberOfEmployees', 'Industry', 'AnnualRevenue', 'Country', 'State', 'Phone',
    'LeadSource', 'Status', 'OwnerId', 'IsConverted', 'HasOptedOutOfEmail', 'DoNotCall', 'CreatedDate', 'LastModifiedDate', 'LastModifiedById',
    'Accord_Rejection_Reason__c', 'Accord_Rejection_Note__c', 'Page_Views__c', 'Form_Submissions__c', 'Last_Conversion__c', 'Last_Conversion_Date__c',
  ];
  const fields: Record<string, string> = {};
  for (const name of names) {
    const value = lead[name];
    if (value !== null && value !== undefined) fields[name] = String(value).replace('+0000', 'Z');
  }
  return fields;
}
