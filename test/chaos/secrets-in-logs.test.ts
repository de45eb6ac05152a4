import { readFileSync } from 'node:fs';
import { Writable } from 'node:stream';
import { signHubspotV3 } from '../../adapters/hubspot/hubspot-signature-v3';
import { sandboxDefaults } from '../../scripts/sandbox/sandbox-options';
import { createLogger } from '../../src/logging/create-logger';
import { chaosSecretKey, hubspotTenant, startChaosStack, waitFor, type ChaosStack } from './support/start-chaos-stack';

/** Everything pino writes, kept in memory. */
function memoryStream(): { stream: Writable; text: () => string } {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk.toString());
      done();
    },
  });
  return { stream, text: () => chunks.join('') };
}

const people: Array<Record<string, string>> = [
  { email: 'riley.secret@betasoloin.com', firstname: 'Riley', lastname: 'Quist', phone: '+1 415 555 0142', jobtitle: 'VP of Sales', company: 'Betasoloin', country: 'United States', state: 'CA' },
  { email: 'jo.hidden@gmail.com', firstname: 'Jo', lastname: 'Varga', phone: '+49 30 5550177', jobtitle: 'Student', company: 'Uni', country: 'Germany' },
];
const salesforcePerson = { FirstName: 'Avery', LastName: 'Nakamura', Email: 'avery.private@acme-industries.com', Phone: '+44 20 5550 1234', Company: 'Acme Industries', Title: 'CTO', Country: 'United Kingdom' };

const secrets = [
  sandboxDefaults.accessToken,
  sandboxDefaults.clientSecret,
  sandboxDefaults.salesforce.clientSecret,
  sandboxDefaults.salesforce.refreshToken,
  chaosSecretKey,
];
const personalData = [
  ...people.flatMap((p) => [p.email ?? '', p.phone ?? '', p.lastname ?? '']),
  salesforcePerson.Email,
  salesforcePerson.Phone,
  salesforcePerson.LastName,
  '5550142',
  '555 0142',
];

describe('secrets and personal data', () => {
  let stack: ChaosStack;
  const logs = memoryStream();

  beforeAll(async () => {
    stack = await startChaosStack({ crms: ['hubspot', 'salesforce'], logger: createLogger('trace', logs.stream) });
  });
  afterAll(async () => {
    await stack.stop();
  });

  it('never logs a token, secret, email or phone number across webhooks, the worker and errors', async () => {
    const { store } = stack.accord;
    // The CRM fails for a while: the worker logs its retries.
    stack.sandbox.faults.inject({ mode: 'server_error', status: 503, count: 3, paths: ['/crm/v3/objects/contacts/batch/read'] });
    const ids: string[] = [];
    for (const person of people) ids.push(await stack.createLead(person));
    const leadId = ((await stack.control('POST', '/salesforce/leads', { fields: salesforcePerson })) as { Id: string }).Id;

    // Refused webhooks log their reasons.
    const url = `${stack.accord.url}/webhooks/hubspot`;
    const badBody = JSON.stringify([{ email: people[0]?.email, phone: people[0]?.phone }]);
    await fetch(url, { method: 'POST', headers: { 'x-hubspot-signature-v3': 'nope', 'x-hubspot-request-timestamp': String(Date.now()) }, body: badBody });
    const ts = String(Date.now());
    await fetch(url, { method: 'POST', headers: { 'x-hubspot-signature-v3': signHubspotV3(sandboxDefaults.clientSecret, 'POST', url, badBody, ts), 'x-hubspot-request-timestamp': ts }, body: badBody });
    await fetch(stack.accord.salesforceOutboundUrl ?? '', { method: 'POST', body: `<x>${salesforcePerson.Email}</x>` });

    await waitFor(async () => ((await Promise.all(ids.map((id) => store.getLatestDecision(hubspotTenant, id)))).every(Boolean) ? true : undefined), 20_000, 'HubSpot leads decided');
    await waitFor(async () => (stack.sandbox.state.salesforce.leads.find(leadId)?.Accord_Stage__c ? true : undefined), 20_000, 'the Salesforce lead decided');

    const text = logs.text();
    expect(text).toMatch(/"msg"/);
    expect(text).toMatch(/webhook refused/);
    for (const secret of secrets) expect(text).not.toContain(secret);
    for (const value of personalData) expect(text.toLowerCase()).not.toContain(value.toLowerCase());
  });

  it('keeps OAuth tokens only as ciphertext in the store', async () => {
    const file = stack.databaseUrl.replace(/^file:/, '');
    // The raw database file, WAL included: no secret appears in any row, whatever table it is in.
    const raw = [file, `${file}-wal`].map((f) => { try { return readFileSync(f).toString('latin1'); } catch { return ''; } }).join('');
    expect(raw.length).toBeGreaterThan(0);
    for (const secret of secrets) expect(raw).not.toContain(secret);
    const salesforce = (await stack.accord.store.listTenants('salesforce'))[0];
    expect(salesforce?.credentials).toBeTruthy();
    expect(salesforce?.credentials).not.toContain(sandboxDefaults.salesforce.refreshToken);
  });
});
