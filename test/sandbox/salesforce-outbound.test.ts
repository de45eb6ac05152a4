import type { Sandbox } from '../../scripts/sandbox/start-sandbox';
import { integrationSession, salesforceCall } from './support/salesforce-http';
import { ack, startSoapReceiver, type SoapReceiver } from './support/start-soap-receiver';
import { startTestSandbox } from './support/test-sandbox';
import { waitFor } from './support/wait-for';

describe('sandbox Salesforce outbound messages', () => {
  let sandbox: Sandbox | undefined;
  let receiver: SoapReceiver;
  beforeEach(async () => {
    receiver = await startSoapReceiver();
  });
  afterEach(async () => {
    await sandbox?.close();
    sandbox = undefined;
    await receiver.close();
  });
  const start = async (salesforce: Parameters<typeof startTestSandbox>[0] = {}) => {
    sandbox = await startTestSandbox({ seed: { contacts: 3 }, ...salesforce, salesforce: { outboundUrl: receiver.url, outboundBatchMs: 10, outboundRetryBaseMs: 20, ...salesforce.salesforce } });
    return sandbox;
  };
  const notifications = () => receiver.deliveries.flatMap((d) => d.message.notifications);

  it('sends a SOAP notification with the lead\'s values when a lead is created or changed, not for seeded leads', async () => {
    const s = await start();
    const org = s.state.salesforce;
    const web = await salesforceCall(s, 'POST', '/_sandbox/salesforce/leads', { body: { fields: { LastName: 'Reyes', Email: 'dana@acme.example', NumberOfEmployees: 300 } } });
    const id = (web.body as { Id: string }).Id;
    await waitFor('the creation message', () => notifications().length === 1);
    const [delivery] = receiver.deliveries;
    expect(delivery?.contentType).toMatch(/^text\/xml/);
    expect(delivery?.soapAction).toBe('""');
    expect(delivery?.message.organizationId).toBe(org.orgId);
    expect(notifications()[0]?.fields).toMatchObject({
      Id: id,
      LastName: 'Reyes',
      Company: '[not provided]',
      NumberOfEmployees: '300',
      IsConverted: 'false',
      OwnerId: org.leadQueueId,
      Status: 'Open - Not Contacted',
      LastModifiedById: org.adminUserId,
    });
    // Accord's outputs are not part of the message.
    expect(Object.keys(notifications()[0]?.fields ?? {}).some((name) => name.startsWith('Accord_Score'))).toBe(false);

    const rep = org.users.list().find((u) => u.UserRoleId !== null)?.Id;
    await salesforceCall(s, 'PATCH', `/_sandbox/salesforce/leads/${id}`, { body: { fields: { Title: 'CTO' }, userId: rep } });
    await waitFor('the edit message', () => notifications().length === 2);
    expect(notifications()[1]?.fields).toMatchObject({ Title: 'CTO', LastModifiedById: rep });
    expect(notifications()[1]?.id).not.toBe(notifications()[0]?.id);
  });

  it("names Accord's integration user as the last modifier of writes made with its session", async () => {
    const s = await start();
    const id = String(s.state.salesforce.leads.list()[0]?.Id);
    const token = await integrationSession(s);
    await salesforceCall(s, 'PATCH', `/services/data/v62.0/sobjects/Lead/${id}`, { token, body: { Accord_Score__c: 70 }, headers: { 'sforce-auto-assign': 'FALSE' } });
    await waitFor('the message', () => notifications().length === 1);
    expect(notifications()[0]?.fields.LastModifiedById).toBe(s.state.salesforce.integrationUserId);
    // No effective change, no message.
    await salesforceCall(s, 'PATCH', `/services/data/v62.0/sobjects/Lead/${id}`, { token, body: { Accord_Score__c: 70 }, headers: { 'sforce-auto-assign': 'FALSE' } });
    await s.salesforce.outbound.idle();
    expect(notifications()).toHaveLength(1);
  });

  it('batches at most 100 notifications per message', async () => {
    const s = await start();
    const records = Array.from({ length: 150 }, (_, i) => ({ fields: { LastName: `Lead ${i}`, Company: 'Acme' } }));
    await salesforceCall(s, 'POST', '/_sandbox/salesforce/leads/batch', { body: { records: records.slice(0, 100) } });
    await salesforceCall(s, 'POST', '/_sandbox/salesforce/leads/batch', { body: { records: records.slice(100) } });
    await waitFor('150 notifications', () => notifications().length === 150);
    expect(receiver.deliveries.length).toBeGreaterThanOrEqual(2);
    expect(Math.max(...receiver.deliveries.map((d) => d.message.notifications.length))).toBeLessThanOrEqual(100);
    await s.salesforce.outbound.idle();
    expect(s.salesforce.outbound.stats()).toMatchObject({ sent: 150, pending: 0 });
  });

  it('retries a message that was not acknowledged, then counts it delivered', async () => {
    const s = await start();
    receiver.respondWith((_d, index) => (index === 0 ? { status: 500, body: '<oops/>' } : index === 1 ? { status: 200, body: '<Ack>false</Ack>' } : { status: 200, body: ack }));
    await salesforceCall(s, 'POST', '/_sandbox/salesforce/leads', { body: { fields: { LastName: 'Retry', Company: 'Acme' } } });
    await waitFor('three deliveries', () => receiver.deliveries.length === 3);
    await s.salesforce.outbound.idle();
    expect(new Set(notifications().map((n) => n.id)).size).toBe(1);
    expect(s.salesforce.outbound.stats()).toMatchObject({ sent: 1, retried: 2, dropped: 0, pending: 0 });
  });

  it('drops a notification it could not deliver within the maximum age', async () => {
    const s = await start({ salesforce: { outboundMaxAgeMs: 150, outboundRetryBaseMs: 30, outboundMaxRetryDelayMs: 60 } });
    receiver.respondWith(() => ({ status: 503, body: 'down' }));
    await salesforceCall(s, 'POST', '/_sandbox/salesforce/leads', { body: { fields: { LastName: 'Lost', Company: 'Acme' } } });
    await waitFor('the notification to be dropped', () => s.salesforce.outbound.stats().dropped === 1, 5_000);
    expect(s.salesforce.outbound.stats()).toMatchObject({ sent: 0, pending: 0 });
    expect(receiver.deliveries.length).toBeGreaterThan(1);
  });

  it('sends nothing while no endpoint is set, and starts once one is', async () => {
    const s = await start({ salesforce: { outboundUrl: null } });
    await salesforceCall(s, 'POST', '/_sandbox/salesforce/leads', { body: { fields: { LastName: 'Nobody', Company: 'Acme' } } });
    expect(s.salesforce.outbound.stats().discarded).toBe(1);
    const set = await salesforceCall(s, 'PUT', '/_sandbox/salesforce/outbound', { body: { url: receiver.url } });
    expect(set.body).toMatchObject({ url: receiver.url });
    await salesforceCall(s, 'POST', `/_sandbox/salesforce/leads/${String(s.state.salesforce.leads.list()[0]?.Id)}/convert`, { body: {} });
    await waitFor('the conversion message', () => notifications().length === 1);
    expect(notifications()[0]?.fields).toMatchObject({ IsConverted: 'true', Status: 'Closed - Converted' });
  });
});
