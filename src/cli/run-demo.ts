import { rmSync, mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { Config } from '../config/config-schema';
import { startSandbox, type Sandbox } from '../../scripts/sandbox/start-sandbox';
import { sandboxDefaults } from '../../scripts/sandbox/sandbox-options';
import { loadSeedData, toCreateContactInputs } from '../../scripts/sandbox/seed-sandbox';
import { seedContactToSalesforceLead } from '../../scripts/sandbox/seed-contact-to-salesforce-lead';
import { createLogger } from '../logging/create-logger';
import { startAccord, type RunningAccord } from '../main';
import { channelTargetsOf } from '../notify/channel-target';
import { createNotifier } from '../notify/notifier';
import { runDemoStory } from './run-demo-story';
import { demoLeadsRoute } from '../server/demo-leads-route';
import type { Decision } from '../core/decision';
import type { CrmKind, TenantRef } from '../core/lead';
import { stageLabels, stages } from '../core/stage';
import { UsageError } from './usage-error';
import { waitForSignal } from './wait-for-signal';
import { streamDemoLeads, type DemoSummary } from './stream-demo-leads';

/** The demo's own key when none is configured: it only ever talks to the loopback sandbox. */
const demoSecretKey = 'accord-demo-secret-key-for-the-loopback-sandbox-only';

const crmNames: Record<CrmKind, string> = { hubspot: 'HubSpot', salesforce: 'Salesforce' };

/** Form fills arrive as new leads: unowned and unworked, whatever the seed gave the person. */
function asNewFormFills(inputs: Array<{ properties: Record<string, string> }>) {
  return inputs.map(({ properties }) => {
    const { hubspot_owner_id: _owner, ...rest } = properties;
    return { properties: { ...rest, hs_lead_status: 'NEW' } };
  });
}

function positiveInt(name: string, raw: string | undefined, fallback: number, min = 1): number {
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min) throw new UsageError(`demo: --${name} must be a whole number ≥ ${min}, got "${raw}"`);
  return value;
}

function crmsOf(raw: string | undefined): CrmKind[] {
  switch (raw ?? 'hubspot') {
    case 'hubspot':
      return ['hubspot'];
    case 'salesforce':
      return ['salesforce'];
    case 'both':
      return ['hubspot', 'salesforce'];
    default:
      throw new UsageError(`demo: --crm must be hubspot, salesforce or both, got "${raw}"`);
  }
}

/** The sandbox as each CRM Accord connects to: HubSpot by base path, Salesforce by login and instance URL. */
function crmConfig(crms: readonly CrmKind[], sandbox: Sandbox, config: Config): Partial<Config> {
  return {
    ...(crms.includes('hubspot')
      ? {
          HUBSPOT_ACCESS_TOKEN: sandboxDefaults.accessToken,
          HUBSPOT_CLIENT_SECRET: sandboxDefaults.clientSecret,
          HUBSPOT_APP_ID: sandboxDefaults.appId,
          HUBSPOT_PORTAL_ID: sandboxDefaults.portalId,
          HUBSPOT_BASE_PATH: sandbox.url,
        }
      : { HUBSPOT_ACCESS_TOKEN: undefined, HUBSPOT_CLIENT_SECRET: undefined, HUBSPOT_APP_ID: undefined, HUBSPOT_PORTAL_ID: undefined, HUBSPOT_BASE_PATH: undefined }),
    ...(crms.includes('salesforce')
      ? {
          ACCORD_SECRET_KEY: config.ACCORD_SECRET_KEY ?? demoSecretKey,
          SALESFORCE_LOGIN_URL: sandbox.url,
          SALESFORCE_INSTANCE_URL: sandbox.url,
          SALESFORCE_CLIENT_ID: sandboxDefaults.salesforce.clientId,
          SALESFORCE_CLIENT_SECRET: sandboxDefaults.salesforce.clientSecret,
          SALESFORCE_REFRESH_TOKEN: sandboxDefaults.salesforce.refreshToken,
          SALESFORCE_ORG_ID: undefined,
          SALESFORCE_INTEGRATION_USER_ID: undefined,
        }
      : { SALESFORCE_CLIENT_ID: undefined, SALESFORCE_CLIENT_SECRET: undefined, SALESFORCE_REFRESH_TOKEN: undefined }),
  };
}

/**
 * `accord demo`: the sandbox CRM seeded from the sample data, Accord against it (HubSpot, Salesforce or
 * both) on a fresh SQLite file, the seed's people streamed in as new leads (signed webhooks, outbound
 * messages), and a live summary.
 */
export async function runDemo(config: Config, argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      contacts: { type: 'string' },
      port: { type: 'string' },
      'sandbox-port': { type: 'string' },
      crm: { type: 'string' },
      'exit-when-done': { type: 'boolean' },
      story: { type: 'boolean', default: true },
      'no-story': { type: 'boolean' },
    },
    strict: true,
  });
  const contacts = positiveInt('contacts', values.contacts, 200);
  const port = positiveInt('port', values.port, config.PORT, 0);
  const sandboxPort = positiveInt('sandbox-port', values['sandbox-port'], 4100, 0);
  const crms = crmsOf(values.crm);
  const logger = createLogger(config.LOG_LEVEL === 'info' ? 'warn' : config.LOG_LEVEL);
  const out = (line: string) => process.stdout.write(`${line}\n`);

  // A fresh database each run: the sandbox's records are new every time, so old decisions would mislead.
  const databaseFile = resolve('data/demo.db');
  mkdirSync(resolve('data'), { recursive: true });
  for (const suffix of ['', '-wal', '-shm']) rmSync(databaseFile + suffix, { force: true });

  out(`Starting the sandbox CRM (${crms.map((crm) => `${crmNames[crm]} API`).join(' and ')} on loopback), seeded from shared/data/crm-sales-opportunities …`);
  const sandbox: Sandbox = await startSandbox({ port: sandboxPort, clientSecret: sandboxDefaults.clientSecret, appId: sandboxDefaults.appId, seed: { contacts: 0 } });
  let accord: RunningAccord | null = null;
  try {
    const tenants: Record<CrmKind, TenantRef> = {
      hubspot: { crm: 'hubspot', tenantId: sandboxDefaults.portalId },
      salesforce: { crm: 'salesforce', tenantId: sandbox.state.salesforce.orgId },
    };
    accord = await startAccord({
      // The demo's scoreboard opens without a signed link, to a browser on this machine only.
      dashboardAccess: { mode: 'loopback', tenant: tenants[crms[0] ?? 'hubspot'] },
      config: { ...config, PORT: port, HOST: '127.0.0.1', PUBLIC_URL: undefined, DATABASE_URL: `file:${databaseFile}`, ...crmConfig(crms, sandbox, config) },
      logger,
      extraRoutes: (app, { store }) => {
        app.get('/demo/leads', demoLeadsRoute(store, tenants[crms[0] ?? 'hubspot']));
        for (const crm of crms) app.get(`/demo/leads/${crm}`, demoLeadsRoute(store, tenants[crm]));
      },
    });
    if (crms.includes('hubspot')) sandbox.setWebhookUrl(`${accord.url}/webhooks/hubspot`);
    if (crms.includes('salesforce')) sandbox.setSalesforceOutboundUrl(accord.salesforceOutboundUrl);
    out(`Accord is running on ${accord.url} (SQLite: ${databaseFile}); the sandbox on ${sandbox.url}.`);
    if (accord.salesforceOutboundUrl) out(`Salesforce outbound message endpoint for org ${tenants.salesforce.tenantId}: ${accord.salesforceOutboundUrl}`);

    const seed = loadSeedData({ contacts });
    const formFills = asNewFormFills(toCreateContactInputs(seed.contacts));
    const summaries = new Map<CrmKind, DemoSummary>();
    for (const crm of crms) {
      const records =
        crm === 'hubspot'
          ? formFills
          : formFills.map(({ properties }) => seedContactToSalesforceLead(properties, { ownerIds: new Map(), activityFields: true }));
      const how = crm === 'hubspot' ? 'form fills; each creation reaches Accord as a signed webhook' : 'web-to-lead; each reaches Accord as an outbound message';
      out(`Streaming ${contacts} new leads into the sandbox ${crmNames[crm]} as ${how} …`);
      const summary = await streamDemoLeads({
        sandbox,
        accord,
        records,
        tenant: tenants[crm],
        onProgress: (decided, total) => out(`  ${decided}/${total} leads scored …`),
      });
      summaries.set(crm, summary);
      printSummary(out, crm, summary);
    }
    const hubspot = summaries.get('hubspot');
    const salesforce = summaries.get('salesforce');
    if (hubspot && salesforce) printComparison(out, sandbox, hubspot.decisions, salesforce.decisions);
    if (values.story && !values['no-story']) {
      const crm = crms[0] ?? 'hubspot';
      await runDemoStory({ sandbox, accord, crm, tenant: tenants[crm], notifier: createNotifier(channelTargetsOf(config), logger), logger, out });
    }

    out('');
    out('Look at:');
    out(`  ${accord.url}/dashboard            the shared funnel: MQL→SQL, speed, sources, cohorts (${crmNames[crms[0] ?? 'hubspot']})`);
    for (const crm of crms) out(`  ${accord.url}/demo/leads/${crm}${' '.repeat(Math.max(1, 12 - crm.length))}every ${crmNames[crm]} lead: score, stage, owner, SLA due time and why`);
    out(`  ${accord.url}/demo/leads          the same, ${crmNames[crms[0] ?? 'hubspot']}`);
    out(`  ${accord.url}/health              store and queue`);
    out(`  ${sandbox.url}/_sandbox/calls      every API call Accord made, by endpoint`);
    if (crms.includes('hubspot')) out(`  ${sandbox.url}/_sandbox/webhooks   webhook deliveries from the sandbox to Accord`);
    if (crms.includes('salesforce')) out(`  ${sandbox.url}/_sandbox/salesforce outbound messages, API usage and sessions of the sandbox org`);

    if (values['exit-when-done']) return 0;
    out('\nCtrl-C stops the demo.');
    await waitForSignal();
    return 0;
  } finally {
    await accord?.stop();
    await sandbox.close();
  }
}

function printSummary(out: (line: string) => void, crm: CrmKind, summary: DemoSummary): void {
  const perEvent = (summary.apiCalls / Math.max(summary.events, 1)).toFixed(3);
  const events = crm === 'hubspot' ? 'webhook events' : 'outbound notifications';
  out('');
  out(`All ${summary.decisions.length} leads scored in ${(summary.elapsedMs / 1000).toFixed(1)} s: ` +
    stages.map((s) => `${stageLabels[s]} ${summary.decisions.filter((d) => d.stage === s).length}`).join(', ') + '.');
  out(`${crmNames[crm]} API calls: ${summary.apiCalls} for ${summary.events} ${events} (${perEvent} per event).`);
  out('');
  for (const stage of ['sales_ready', 'mql', 'nurture', 'disqualified'] as const) {
    const example = summary.decisions.find((d) => d.stage === stage);
    if (!example) continue;
    out(`— ${crm === 'hubspot' ? 'contact' : 'lead'} ${example.recordId}, ${stageLabels[stage]}, score ${example.score}:`);
    out(example.why.split('\n').slice(0, 6).map((line) => `    ${line}`).join('\n'));
  }
}

/** The same people went into both CRMs: how many got the same verdict and the same why, matched by email. */
function printComparison(out: (line: string) => void, sandbox: Sandbox, hubspot: Decision[], salesforce: Decision[]): void {
  const emailOf = {
    hubspot: (id: string) => sandbox.state.hubspot.contacts.find(id)?.properties.email ?? null,
    salesforce: (id: string) => {
      const email = sandbox.state.salesforce.leads.find(id)?.Email;
      return typeof email === 'string' ? email : null;
    },
  };
  const salesforceByEmail = new Map(salesforce.map((d) => [emailOf.salesforce(d.recordId), d]));
  let pairs = 0;
  let sameVerdict = 0;
  let sameWhy = 0;
  for (const decision of hubspot) {
    const twin = salesforceByEmail.get(emailOf.hubspot(decision.recordId));
    if (!twin) continue;
    pairs += 1;
    if (twin.score === decision.score && twin.stage === decision.stage) sameVerdict += 1;
    if (twin.why === decision.why) sameWhy += 1;
  }
  out('');
  out(`Same people in both CRMs: ${sameVerdict} of ${pairs} got the same score and stage in HubSpot and Salesforce, ${sameWhy} the same why` +
    (sameWhy < sameVerdict ? ' (the rest differ in the rep the round robin picked, as leads arrived in another order).' : '.'));
}
