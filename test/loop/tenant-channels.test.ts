import Database from 'better-sqlite3';
import type { TenantRef } from '../../src/core/lead';
import { teamsMessage } from '../../src/core/notify/teams-message';
import { channelUrlProblem } from '../../src/notify/channel-webhook-url';
import { createTenantNotifier } from '../../src/notify/tenant-notifier';
import { eventually, e2eSecretKey } from '../e2e/start-e2e-stack';
import { hotLead } from '../e2e/hot-hubspot-lead';
import { hubspotFetch } from '../crm-api/signed-api';
import { startChannelReceiver, type ChannelReceiver } from './channel-receiver';
import { startLoopStack, type LoopStack } from './start-loop-stack';

const otherPortal: TenantRef = { crm: 'hubspot', tenantId: '99887766' };

describe('per-tenant Slack / Teams channels (settings API, sealed at rest, used by the SLA sweep)', () => {
  let stack: LoopStack;
  let envSlack: ChannelReceiver;
  let tenantSlack: ChannelReceiver;
  const settings = (method: 'GET' | 'PUT', body?: unknown, portalId = stack.tenant.tenantId) =>
    hubspotFetch(stack.accord.url, method, '/settings/channels', body, { portalId, userId: '9001', userEmail: 'maria@example.com', timestamp: String(stack.clock.now()) });

  beforeAll(async () => {
    envSlack = await startChannelReceiver('/services/T0ENV/B0ENV/env-token-0001');
    tenantSlack = await startChannelReceiver('/services/T0OWN/B0OWN/own-token-9xYz');
    stack = await startLoopStack('hubspot', { ACCORD_SECRET_KEY: e2eSecretKey, CHANNELS_ALLOW_LOOPBACK: 'true', SLACK_WEBHOOK_URL: envSlack.url });
    const now = new Date(stack.clock.now()).toISOString();
    await stack.accord.store.upsertTenant({ ...otherPortal, name: 'Other portal', active: true, credentials: '', instanceUrl: stack.sandbox.url, installedAt: now, updatedAt: now });
  }, 30_000);
  afterAll(async () => {
    await stack?.stop();
    await envSlack?.close();
    await tenantSlack?.close();
  });

  it('starts with no channels of its own', async () => {
    expect(await settings('GET')).toEqual({ status: 200, body: { slack: null, teams: null, updatedBy: null, updatedAt: null } });
  });

  it('refuses URLs that are not Slack or Teams webhooks, and stores nothing', async () => {
    for (const body of [
      { slackWebhookUrl: 'https://hooks.slack.com.evil.example/services/T/B/x' },
      { slackWebhookUrl: 'http://hooks.slack.com/services/T/B/x' },
      { slackWebhookUrl: 'https://user:pw@hooks.slack.com/services/T/B/x' },
      { teamsWebhookUrl: 'https://169.254.169.254/latest/meta-data' },
      { teamsWebhookUrl: 'https://webhook.office.com.attacker.example/x' },
      { teamsWebhookUrl: 'http://10.0.0.5/hook' },
      { slackWebhookUrl: 'https://hooks.slack.com/services/T/B/x', extra: true },
      {},
    ]) {
      const answer = await settings('PUT', body);
      expect({ body, status: answer.status, error: answer.body.error }).toEqual({ body, status: 422, error: 'invalid_channels' });
      // The refusal names the rule, never the URL.
      for (const url of Object.values(body)) if (typeof url === 'string') expect(JSON.stringify(answer.body)).not.toContain(url);
    }
    expect(await stack.accord.store.getChannelSettings(stack.tenant)).toBeNull();
  });

  it('saves the tenant\'s Slack URL sealed, answers host and last 4 characters only, and audits it', async () => {
    const saved = await settings('PUT', { slackWebhookUrl: tenantSlack.url });
    expect(saved).toEqual({
      status: 200,
      body: { slack: { host: new URL(tenantSlack.url).host, last4: '9xYz' }, teams: null, updatedBy: { id: '9001', email: 'maria@example.com' }, updatedAt: expect.any(String) },
    });
    expect(JSON.stringify(saved.body)).not.toContain('own-token');
    expect((await settings('GET')).body).toEqual(saved.body);

    // The row as the database holds it: ciphertext, not the URL.
    const db = new Database((stack.accord.store as unknown as { db: Database.Database }).db.name, { readonly: true });
    try {
      const rows = db.prepare('SELECT crm, tenant_id, slack_url, teams_url FROM channel_settings').all() as Array<Record<string, string | null>>;
      expect(rows).toEqual([{ crm: 'hubspot', tenant_id: stack.tenant.tenantId, slack_url: expect.stringMatching(/^v1:gcm:/), teams_url: null }]);
      expect(JSON.stringify(rows)).not.toMatch(/own-token|services|127\.0\.0\.1/);
    } finally {
      db.close();
    }
    const audit = (await stack.accord.store.listAudit(stack.tenant, 20)).find((e) => e.action === 'settings.channels_updated');
    expect(audit).toMatchObject({ actor: '9001', detail: { slack: { change: 'set', host: new URL(tenantSlack.url).host }, teams: { change: 'unchanged' } } });
    expect(JSON.stringify(audit)).not.toContain('own-token');

    // Another portal's settings are its own: it still has none.
    expect(await stack.accord.store.getChannelSettings(otherPortal)).toBeNull();
  });

  it('sends the tenant\'s escalation to its own channel and the other tenant\'s to the environment\'s', async () => {
    const { store } = stack.accord;
    // Portal A's hot lead, decided by Accord as usual.
    const { id: ownLead } = (await stack.control('POST', '/contacts', { source: 'FORM', properties: hotLead })) as { id: string };
    const routed = await eventually(async () => {
      const d = await store.getLatestDecision(stack.tenant, ownLead);
      return d?.stage === 'sales_ready' ? d : undefined;
    }, 10_000, 'the hot lead to be routed');
    await stack.settled();
    // The other portal's hot lead, waiting for sales under the same deadline.
    const otherLead = stack.sandbox.state.hubspot.contacts.create(
      { ...hotLead, email: 'bo.lindqvist@betasoloin.com', firstname: 'Bo', lastname: 'Lindqvist' },
      { changeSource: 'FORM', sourceId: null },
      { silent: true },
    ).id;
    await store.commitDecisions(otherPortal, [{ decision: { ...routed, tenantId: otherPortal.tenantId, recordId: otherLead }, writtenFields: [] }], {}, []);

    stack.clock.advance(Date.parse(routed.slaDueAt as string) + 1_000 - stack.clock.now());
    const results = await stack.accord.loop.sweepSlas();
    expect(results.map((r) => [r.tenant.tenantId, r.escalated]).sort()).toEqual([[otherPortal.tenantId, 1], [stack.tenant.tenantId, 1]].sort());

    expect(tenantSlack.received).toHaveLength(1);
    expect(JSON.stringify(tenantSlack.received[0])).toContain('Dana Reyes');
    expect(envSlack.received).toHaveLength(1);
    expect(JSON.stringify(envSlack.received[0])).toContain('Bo Lindqvist');
  }, 30_000);

  it('clears the tenant\'s channel with null: its messages go back to the environment\'s', async () => {
    const cleared = await settings('PUT', { slackWebhookUrl: null });
    expect(cleared).toMatchObject({ status: 200, body: { slack: null, teams: null } });
    const notifier = await createTenantNotifier({
      store: stack.accord.store,
      sealer: null,
      fallback: [{ kind: 'slack', url: envSlack.url }],
      logger: stack.accord.logger,
    }).forTenant(stack.tenant);
    expect(await notifier.send({ slack: { text: 'back to the fallback', blocks: [] }, teams: teamsMessage([]) })).toBe(1);
    expect(envSlack.received.at(-1)).toMatchObject({ text: 'back to the fallback' });
  });
});

describe('channelUrlProblem', () => {
  it.each([
    ['slack', 'https://hooks.slack.com/services/T000/B000/XXXX', false, null],
    ['slack', 'https://hooks.slack.com/triggers/E0/1/abc', false, null],
    ['slack', 'https://hooks.slack.com/', false, 'is missing the webhook path'],
    ['slack', 'https://hooks.slack.com:8443/services/x', false, 'must not name a port'],
    ['teams', 'https://contoso.webhook.office.com/webhookb2/abc/IncomingWebhook/def/ghi', false, null],
    ['teams', 'https://prod-12.westus.logic.azure.com:443/workflows/abc/triggers/manual/paths/invoke?sig=x', false, null],
    ['teams', 'https://default1234.environment.api.powerplatform.com/powerautomate/automations/direct/workflows/abc', false, null],
    ['teams', 'https://webhook.office.com/x', false, expect.stringMatching(/Teams/)],
    ['teams', 'https://hooks.slack.com/services/x', false, expect.stringMatching(/Teams/)],
    ['slack', 'http://127.0.0.1:4100/services/x', false, 'must start with https://'],
    ['slack', 'http://127.0.0.1:4100/services/x', true, null],
    ['teams', 'http://localhost:4100/workflows/x', true, null],
    ['slack', 'http://10.1.2.3/services/x', true, 'must start with https://'],
  ] as const)('%s %s (loopback %s)', (kind, url, loopback, problem) => {
    expect(channelUrlProblem(kind, url, loopback)).toEqual(problem);
  });
});
