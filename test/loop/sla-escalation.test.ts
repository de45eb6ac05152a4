import { eventually } from '../e2e/start-e2e-stack';
import { startChannelReceiver, type ChannelReceiver } from './channel-receiver';
import { startLoopStack, type LoopStack } from './start-loop-stack';
import { hotLead } from '../e2e/hot-hubspot-lead';

describe('SLA sweep and escalation against the sandbox CRM', () => {
  let stack: LoopStack;
  let slack: ChannelReceiver;
  let teams: ChannelReceiver;

  beforeAll(async () => {
    slack = await startChannelReceiver('/services/T000/B000/secret-token');
    teams = await startChannelReceiver('/workflows/abc/triggers/manual/paths/invoke');
    stack = await startLoopStack('hubspot', { SLACK_WEBHOOK_URL: slack.url, TEAMS_WEBHOOK_URL: teams.url });
  }, 30_000);
  afterAll(async () => {
    await stack?.stop();
    await slack?.close();
    await teams?.close();
  });

  const contact = (id: string): Record<string, string | undefined> => stack.sandbox.state.hubspot.contacts.find(id)?.properties ?? {};

  it('stops the clock when sales first touches the lead: sql, time to first touch recorded, no escalation', async () => {
    const { id } = (await stack.control('POST', '/contacts', { source: 'FORM', properties: { ...hotLead, email: 'kim.ito@betasoloin.com', firstname: 'Kim' } })) as { id: string };
    const routed = await eventually(async () => {
      const d = await stack.accord.store.getLatestDecision(stack.tenant, id);
      return d?.stage === 'sales_ready' ? d : undefined;
    }, 10_000, 'the lead to be routed');
    // The rep logs a call a moment after the hand-over.
    const touchedAt = Date.parse(routed.routedAt as string) + 1;
    await stack.control('PATCH', `/contacts/${id}`, { userId: 7000001, properties: { notes_last_contacted: String(touchedAt) } });
    const accepted = await eventually(async () => {
      const d = await stack.accord.store.getLatestDecision(stack.tenant, id);
      return d?.stage === 'sql' ? d : undefined;
    }, 10_000, 'the lead to be accepted');
    expect(accepted.acceptedAt).toBe(new Date(touchedAt).toISOString());
    const audit = (await stack.accord.store.listAudit(stack.tenant, 100)).find((a) => a.action === 'lead.accepted' && a.recordId === id);
    expect(audit?.detail).toMatchObject({ timeToFirstTouchMs: 1, by: 'touch' });
    await stack.settled();
    expect(contact(id).accord_stage).toBe('sql');
    expect(contact(id).accord_sla_state ?? '').toBe('');

    // Long past its deadline, the accepted lead is not among the clocks the sweep watches.
    expect((await stack.accord.store.listOpenSlas(stack.tenant)).map((d) => d.recordId)).not.toContain(id);
  }, 30_000);

  it('writes the SLA state as the clock runs, then hands an unanswered hot lead to the next owner at its deadline', async () => {
    // Runs last in this file: it moves the clock ahead, and webhooks signed on the wall clock would then look stale.
    const { id } = (await stack.control('POST', '/contacts', { source: 'FORM', properties: hotLead })) as { id: string };
    const routed = await eventually(async () => {
      const d = await stack.accord.store.getLatestDecision(stack.tenant, id);
      return d?.stage === 'sales_ready' ? d : undefined;
    }, 10_000, 'the hot lead to be routed');
    await stack.settled();
    expect(routed.slaTier).toBe('hot');
    expect(contact(id).accord_sla_state).toBe('on_track');
    const firstOwner = contact(id).hubspot_owner_id;
    expect(firstOwner).toBe(routed.ownerId);

    // Nothing moved yet: a sweep writes nothing.
    expect((await stack.accord.loop.sweepSlas())[0]).toMatchObject({ written: 0, escalated: 0 });

    // 50 minutes into a 1-hour SLA: due soon on the record, nobody alerted yet.
    const dueMs = Date.parse(routed.slaDueAt as string);
    stack.clock.advance(dueMs - 10 * 60_000 - stack.clock.now());
    expect((await stack.accord.loop.sweepSlas())[0]).toMatchObject({ written: 1, escalated: 0 });
    expect(contact(id).accord_sla_state).toBe('due_soon');
    expect(slack.received).toHaveLength(0);

    // Past the deadline: reassigned in the same pool, on a fresh clock, said in the why and the audit log.
    stack.clock.advance(dueMs + 1_000 - stack.clock.now());
    const [result] = await stack.accord.loop.sweepSlas();
    expect(result).toMatchObject({ written: 1, escalated: 1 });
    const after = contact(id);
    expect(after.hubspot_owner_id).not.toBe(firstOwner);
    expect(after.hubspot_owner_id).toBeTruthy();
    expect(after.accord_why).toMatch(/Escalated: /);
    expect(after.accord_sla_state).toBe('on_track');
    const newDue = String(after.accord_sla_due_at);
    expect(/^\d+$/.test(newDue) ? Number(newDue) : Date.parse(newDue)).toBeGreaterThan(dueMs + 59 * 60_000);

    const latest = await stack.accord.store.getLatestDecision(stack.tenant, id);
    expect(latest?.ownerId).toBe(after.hubspot_owner_id);
    expect(latest?.escalations).toEqual([expect.objectContaining({ action: 'reassign_next', fromOwnerId: firstOwner, toOwnerId: after.hubspot_owner_id })]);
    const audit = (await stack.accord.store.listAudit(stack.tenant, 50)).find((a) => a.action === 'sla.escalated');
    expect(audit).toMatchObject({ recordId: id, detail: { action: 'reassign_next', fromOwnerId: firstOwner, toOwnerId: after.hubspot_owner_id } });

    // The team channels heard it, each in its own format, naming the lead.
    expect(slack.received).toHaveLength(1);
    expect(teams.received).toHaveLength(1);
    expect(JSON.stringify(slack.received[0])).toContain('Dana Reyes');
    expect(slack.received[0]).toMatchObject({ text: expect.any(String), blocks: expect.any(Array) });
    expect(teams.received[0]).toMatchObject({ type: 'message', attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive' }] });

    // The same breach is escalated once, however often the sweep runs.
    expect((await stack.accord.loop.sweepSlas())[0]).toMatchObject({ escalated: 0 });
    expect(slack.received).toHaveLength(1);

  }, 30_000);

});
