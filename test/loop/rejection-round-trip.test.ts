import { hotLead } from '../e2e/hot-hubspot-lead';
import { hotSalesforceLead } from '../e2e/hot-salesforce-lead';
import { eventually } from '../e2e/start-e2e-stack';
import { startLoopStack, type LoopStack } from './start-loop-stack';


async function stageOf(stack: LoopStack, id: string, stage: string) {
  return eventually(async () => {
    const d = await stack.accord.store.getLatestDecision(stack.tenant, id);
    return d?.stage === stage ? d : undefined;
  }, 10_000, `record ${id} to reach ${stage}`);
}

describe.each(['hubspot', 'salesforce'] as const)('rejection round trip on %s', (crm) => {
  let stack: LoopStack;
  let marketingOwnerId: string;

  beforeAll(async () => {
    stack = await startLoopStack(crm);
    const owners = await stack.accord.store.listOwners(stack.tenant);
    // Marketing's owner is someone outside the sales pools' rotation for this lead: the last owner listed.
    marketingOwnerId = owners[owners.length - 1]?.id as string;
    await stack.publish((d) => ({ ...d, feedback: { marketingOwnerId } }));
  }, 30_000);
  afterAll(async () => {
    await stack?.stop();
  });

  it('a rep setting the reason sends the lead back to marketing with it, and records the feedback once', async () => {
    const id =
      crm === 'hubspot'
        ? ((await stack.control('POST', '/contacts', { source: 'FORM', properties: hotLead })) as { id: string }).id
        : await stack.salesforce.createLead(hotSalesforceLead);
    const routed = await stageOf(stack, id, 'sales_ready');
    expect(routed.ownerId).not.toBeNull();
    expect(routed.ownerId).not.toBe(marketingOwnerId);

    if (crm === 'hubspot') {
      await stack.control('PATCH', `/contacts/${id}`, { userId: 7000001, properties: { accord_rejection_reason: 'no_budget', accord_rejection_note: 'Budget frozen until Q3' } });
    } else {
      await stack.salesforce.editAsRep(id, { Accord_Rejection_Reason__c: 'no_budget', Accord_Rejection_Note__c: 'Budget frozen until Q3' });
    }
    const back = await stageOf(stack, id, 'nurture');
    expect(back.ownerId).toBe(marketingOwnerId);
    expect(back.why).toMatch(/rejected by sales as /);
    expect(back.why).toMatch(/Handed back to marketing: /);

    // The record shows it: nurture, marketing's owner, the why with the reason.
    const record = await eventually(async () => {
      if (crm === 'hubspot') {
        const c = stack.sandbox.state.hubspot.contacts.find(id);
        const p: Record<string, string | undefined> | undefined = c?.properties;
        return p?.accord_stage === 'nurture' ? { stage: p.accord_stage, owner: p.hubspot_owner_id, why: p.accord_why, sla: p.accord_sla_state || null } : undefined;
      }
      const lead = await stack.salesforce.readLead(id);
      return lead.Accord_Stage__c === 'nurture' ? { stage: lead.Accord_Stage__c, owner: lead.OwnerId, why: lead.Accord_Why__c, sla: lead.Accord_SLA_State__c ?? null } : undefined;
    }, 10_000, 'the record to show nurture');
    expect(record.owner).toBe(marketingOwnerId);
    expect(String(record.why)).toMatch(/rejected by sales as /);
    // No response clock runs in marketing: the SLA state is cleared.
    expect(record.sla).toBeNull();

    const feedback = await eventually(async () => {
      const rows = await stack.accord.store.listFeedback(stack.tenant);
      return rows.length > 0 ? rows : undefined;
    }, 5_000, 'feedback to be recorded');
    expect(feedback).toHaveLength(1);
    expect(feedback[0]).toMatchObject({
      recordId: id,
      reason: 'no_budget',
      note: 'Budget frozen until Q3',
      repOwnerId: routed.ownerId,
      scoreAtRouting: routed.score,
      definitionVersion: routed.definitionVersion,
      routedAt: routed.routedAt,
    });
    expect(feedback[0]?.repName).toBeTruthy();
    const audit = await stack.accord.store.listAudit(stack.tenant, 50);
    expect(audit.find((a) => a.action === 'lead.rejected' && a.recordId === id)?.detail).toMatchObject({ reason: 'no_budget', previousOwnerId: routed.ownerId, ownerId: marketingOwnerId });

    // A later edit (a note tweak) re-scores the lead but records no second rejection.
    if (crm === 'hubspot') await stack.control('PATCH', `/contacts/${id}`, { userId: 7000001, properties: { accord_rejection_note: 'Budget frozen until Q4' } });
    else await stack.salesforce.editAsRep(id, { Accord_Rejection_Note__c: 'Budget frozen until Q4' });
    await eventually(async () => {
      const d = await stack.accord.store.getLatestDecision(stack.tenant, id);
      return d?.rejection?.note === 'Budget frozen until Q4' ? true : undefined;
    }, 10_000, 'the note change to be decided');
    expect(await stack.accord.store.listFeedback(stack.tenant)).toHaveLength(1);
  }, 30_000);
});
