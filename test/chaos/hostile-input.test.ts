import fc from 'fast-check';
import { signHubspotV3 } from '../../adapters/hubspot/hubspot-signature-v3';
import { sandboxDefaults } from '../../scripts/sandbox/sandbox-options';
import { outboundMessageXml } from '../e2e/outbound-message-xml';
import { salesforceOrgToken } from '../../adapters/salesforce/salesforce-org-token';
import { chaosSecretKey, startChaosStack, type ChaosStack } from './support/start-chaos-stack';

const secret = sandboxDefaults.clientSecret;
const orgId = sandboxDefaults.salesforce.orgId;
const unknownOrg = '00D5e0000000ZZZ';

interface Answer {
  status: number;
  body: string;
}

/** Everything a hostile caller can vary about one HubSpot webhook request. */
interface HubspotAttempt {
  body: string | Buffer;
  /** Signed with the app secret unless given. */
  signature?: string | null;
  timestamp?: string | null;
  /** Sign as if sent to another URL / with another secret. */
  signWith?: { secret?: string; timestamp?: string };
}

function propertyChange(objectId: number, eventId: number, extra: Record<string, unknown> = {}) {
  return {
    eventId,
    subscriptionId: 9001,
    portalId: Number(sandboxDefaults.portalId),
    appId: Number(sandboxDefaults.appId),
    occurredAt: Date.now(),
    subscriptionType: 'contact.propertyChange',
    attemptNumber: 0,
    objectId,
    propertyName: 'jobtitle',
    propertyValue: 'VP of Sales',
    changeSource: 'CRM_UI',
    sourceId: 'userId:7000001',
    ...extra,
  };
}

describe('hostile input to the webhook endpoints', () => {
  let stack: ChaosStack;
  let hubspotUrl: string;
  let salesforceUrl: string;

  beforeAll(async () => {
    stack = await startChaosStack({ crms: ['hubspot', 'salesforce'] });
    hubspotUrl = `${stack.accord.url}/webhooks/hubspot`;
    salesforceUrl = stack.accord.salesforceOutboundUrl ?? '';
    expect(salesforceUrl).toMatch(/\/webhooks\/salesforce\//);
  });
  afterAll(async () => {
    await stack.stop();
  });

  async function postHubspot(attempt: HubspotAttempt): Promise<Answer> {
    const timestamp = attempt.timestamp === undefined ? String(Date.now()) : attempt.timestamp;
    const bodyText = Buffer.isBuffer(attempt.body) ? attempt.body.toString('utf8') : attempt.body;
    const signature =
      attempt.signature === undefined
        ? signHubspotV3(attempt.signWith?.secret ?? secret, 'POST', hubspotUrl, bodyText, attempt.signWith?.timestamp ?? timestamp ?? '')
        : attempt.signature;
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (signature !== null) headers['x-hubspot-signature-v3'] = signature;
    if (timestamp !== null) headers['x-hubspot-request-timestamp'] = timestamp;
    const response = await fetch(hubspotUrl, { method: 'POST', headers, body: attempt.body });
    return { status: response.status, body: await response.text() };
  }

  async function postSalesforce(body: string | Buffer, url = salesforceUrl): Promise<Answer> {
    const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'text/xml; charset=utf-8', soapaction: '""' }, body });
    return { status: response.status, body: await response.text() };
  }

  /** Nothing reached the inbox, the dead letters or the decisions, and the server still answers. */
  async function expectNothingStoredAndServing(): Promise<void> {
    const stats = await stack.accord.store.inboxStats(new Date().toISOString());
    expect({ pending: stats.pending, deadLetters: stats.deadLetters, eventsProcessed: stack.accord.stats.eventsProcessed }).toEqual({ pending: 0, deadLetters: 0, eventsProcessed: 0 });
    expect((await fetch(`${stack.accord.url}/health`)).status).toBe(200);
  }

  const deep = (depth: number) => '['.repeat(depth) + ']'.repeat(depth);
  const tenMegabytes = Buffer.alloc(10 * 1024 * 1024, 'a');
  const sixMinutesAgo = () => String(Date.now() - 6 * 60_000);
  const billionLaughs =
    '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">' +
    '<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;"><!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">' +
    '<!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;"><!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">' +
    '<!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;"><!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">' +
    '<!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">]>';
  const laughingMessage = billionLaughs + outboundMessageXml({ organizationId: orgId, notifications: [{ id: '04l5e00000Laugh', fields: { Id: '00Q5e00000Laugh', Company: '&lol9;' } }] }).replace(/^<\?xml[^>]*\?>/, '');

  const hubspotCorpus: Array<[string, number, () => HubspotAttempt]> = [
    ['malformed JSON', 400, () => ({ body: '[{"eventId": 1,' })],
    ['an object instead of an array', 400, () => ({ body: JSON.stringify(propertyChange(1, 1)) })],
    ['numbers instead of events', 400, () => ({ body: '[1, 2, 3]' })],
    ['null', 400, () => ({ body: 'null' })],
    ['wrong field types', 400, () => ({ body: JSON.stringify([propertyChange(1, 2, { objectId: { $gt: 0 }, portalId: 'x' })]) })],
    ['100,000 levels of nesting', 400, () => ({ body: deep(100_000) })],
    ['a 10 MB body', 413, () => ({ body: tenMegabytes })],
    ['no signature', 401, () => ({ body: JSON.stringify([propertyChange(1, 4)]), signature: null })],
    ['a signature by another secret', 401, () => ({ body: JSON.stringify([propertyChange(1, 5)]), signWith: { secret: 'not-the-app-secret' } })],
    ['a garbage signature', 401, () => ({ body: JSON.stringify([propertyChange(1, 6)]), signature: 'AAAA' })],
    ['no timestamp', 401, () => ({ body: JSON.stringify([propertyChange(1, 7)]), timestamp: null })],
    ['a non-numeric timestamp', 401, () => ({ body: JSON.stringify([propertyChange(1, 8)]), timestamp: 'yesterday' })],
    ['a timestamp older than 5 minutes, correctly signed', 401, () => ({ body: JSON.stringify([propertyChange(1, 9)]), timestamp: sixMinutesAgo() })],
    ['a timestamp other than the one signed', 401, () => ({ body: JSON.stringify([propertyChange(1, 10)]), signWith: { timestamp: String(Date.now() - 1000) } })],
    ['an unknown portal', 403, () => ({ body: JSON.stringify([propertyChange(1, 11, { portalId: 999_999 })]) })],
  ];

  it.each(hubspotCorpus)('HubSpot: %s gets a clear %i and stores nothing', async (_name, status, attempt) => {
    const answer = await postHubspot(attempt());
    expect(answer.status).toBe(status);
    expect(answer.body.length).toBeLessThan(2000);
    await expectNothingStoredAndServing();
  });

  const salesforceCorpus: Array<[string, number, () => { body: string | Buffer; url?: string }]> = [
    ['malformed XML', 400, () => ({ body: '<soapenv:Envelope><soapenv:Body><notifications>' })],
    ['JSON instead of XML', 400, () => ({ body: '{"OrganizationId":"x"}' })],
    ['an empty body', 400, () => ({ body: '' })],
    ['XML entity expansion (billion laughs)', 400, () => ({ body: laughingMessage })],
    ['50,000 levels of nesting', 400, () => ({ body: '<a>'.repeat(50_000) + '</a>'.repeat(50_000) })],
    ['a 10 MB body', 413, () => ({ body: tenMegabytes })],
    ['an org that never installed Accord (token derived correctly)', 403, () => ({ body: outboundMessageXml({ organizationId: unknownOrg, notifications: [{ id: '04l5e000000Zz1A', fields: { Id: '00Q5e000000Zz1A' } }] }), url: salesforceUrl.replace(/[^/]+$/, salesforceOrgToken(chaosSecretKey, unknownOrg)) })],
    ['an unknown org on the installed org\'s endpoint', 401, () => ({ body: outboundMessageXml({ organizationId: unknownOrg, notifications: [{ id: '04l5e000000Zz1A', fields: { Id: '00Q5e000000Zz1A' } }] }) })],
    ['a wrong org token in the path', 401, () => ({ body: outboundMessageXml({ organizationId: orgId, notifications: [{ id: '04l5e000000Zz2A', fields: { Id: '00Q5e000000Zz2A' } }] }), url: salesforceUrl.replace(/[^/]+$/, 'not-the-token') })],
  ];

  it.each(salesforceCorpus)('Salesforce: %s gets a clear %i and stores nothing', async (_name, status, attempt) => {
    const { body, url } = attempt();
    const started = Date.now();
    const answer = await postSalesforce(body, url);
    expect(Date.now() - started).toBeLessThan(5000);
    // A 4xx of the right family (Salesforce treats every 4xx as "do not redeliver as is").
    expect(Math.floor(answer.status / 100)).toBe(4);
    if (status !== 400) expect(answer.status).toBe(status);
    expect(answer.body).toContain('soapenv:Fault');
    await expectNothingStoredAndServing();
  });

  it('fuzz: any JSON, signed or not, to the HubSpot endpoint gets a 4xx (or 200 with nothing accepted) and stores nothing', async () => {
    await fc.assert(
      fc.asyncProperty(fc.json({ depthSize: 'medium' }), fc.boolean(), async (body, signed) => {
        const answer = await postHubspot({ body, ...(signed ? {} : { signature: 'x' }) });
        if (answer.status === 200) expect(JSON.parse(answer.body)).toMatchObject({ accepted: 0 });
        else expect(Math.floor(answer.status / 100)).toBe(4);
      }),
      { numRuns: 150 },
    );
    await expectNothingStoredAndServing();
  });

  it('fuzz: any text to the Salesforce endpoint gets a 4xx SOAP fault and stores nothing', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.string({ maxLength: 400 }), fc.string({ unit: fc.constantFrom('<', '>', '/', 'a', '=', '"', '&', ';', '!', ' ', 'x:') }).map((s) => `<?xml version="1.0"?>${s}`)), async (body) => {
        const answer = await postSalesforce(body);
        expect(Math.floor(answer.status / 100)).toBe(4);
      }),
      { numRuns: 150 },
    );
    await expectNothingStoredAndServing();
  });

  // Decided: HubSpot redelivers byte-identical requests after failures, so a replay inside the 5-minute
  // window is a duplicate delivery (200, deduped by event id, nothing stored twice); outside it, 401.
  it('a byte-identical replay within 5 minutes is answered 200 and stores nothing new; one older than 5 minutes is 401', async () => {
    const id = Number(await stack.createLead({ email: 'replay.me@betasoloin.com', jobtitle: 'CTO' }));
    const body = JSON.stringify([propertyChange(id, 880_001)]);
    const timestamp = String(Date.now() - 60_000);
    const signature = signHubspotV3(secret, 'POST', hubspotUrl, body, timestamp);
    const first = await postHubspot({ body, timestamp, signature });
    expect(first.status).toBe(200);
    expect(JSON.parse(first.body)).toMatchObject({ accepted: 1 });
    const replay = await postHubspot({ body, timestamp, signature });
    expect(replay.status).toBe(200);
    expect(JSON.parse(replay.body)).toMatchObject({ accepted: 0, duplicates: 1 });

    const old = String(Date.now() - 5 * 60_000 - 5000);
    const stale = await postHubspot({ body, timestamp: old, signature: signHubspotV3(secret, 'POST', hubspotUrl, body, old) });
    expect(stale.status).toBe(401);
  });
});
