import { hubspotTenant, startChaosStack, waitFor, type ChaosStack } from './support/start-chaos-stack';

const lead = {
  email: 'morgan.vale@betasoloin.com',
  firstname: 'Morgan',
  lastname: 'Vale',
  jobtitle: 'VP of Sales',
  company: 'Betasoloin',
  numemployees: '100-500',
  country: 'United States',
  state: 'CA',
  phone: '+1 415 555 0199',
};

describe('privacy deletion (HubSpot contact.privacyDeletion)', () => {
  let stack: ChaosStack;
  beforeAll(async () => {
    stack = await startChaosStack();
  });
  afterAll(async () => {
    await stack.stop();
  });

  it('purges what Accord stored about the person and keeps an audit entry without personal data', async () => {
    const { store } = stack.accord;
    const id = await stack.createLead(lead);
    const keep = await stack.createLead({ ...lead, email: 'other.person@betasoloin.com', firstname: 'Other' });
    await waitFor(async () => ((await store.decisionHistory(hubspotTenant, id)).length > 0 && (await store.decisionHistory(hubspotTenant, keep)).length > 0 ? true : undefined), 10_000, 'both leads decided');

    await stack.control('POST', `/contacts/${id}/privacy-delete`, {});

    const purge = await waitFor(async () => (await store.listAudit(hubspotTenant, 50)).find((a) => a.action === 'record.purged' && a.recordId === id), 10_000, 'the purge');
    expect(purge.detail).toMatchObject({ decisions: 1 });
    expect(await store.decisionHistory(hubspotTenant, id)).toEqual([]);
    expect((await store.listLeadFacts(hubspotTenant)).map((f) => f.recordId)).not.toContain(id);
    expect((await store.listLeadSnapshots(hubspotTenant)).map((l) => l.recordId)).not.toContain(id);
    expect(await store.decisionHistory(hubspotTenant, keep)).toHaveLength(1);

    const audit = JSON.stringify(await store.listAudit(hubspotTenant, 1000));
    expect(audit).toContain('record.privacy_deletion');
    for (const personal of [lead.email, lead.firstname, lead.lastname, lead.phone, '555 0199', 'morgan']) expect(audit.toLowerCase()).not.toContain(personal.toLowerCase());
  });
});
