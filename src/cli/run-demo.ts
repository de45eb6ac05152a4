import { rmSync, mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { Config } from '../config/config-schema';
import { startSandbox, type Sandbox } from '../../scripts/sandbox/start-sandbox';
import { sandboxDefaults } from '../../scripts/sandbox/sandbox-options';
import { loadSeedData, toCreateContactInputs } from '../../scripts/sandbox/seed-sandbox';
import { createLogger } from '../logging/create-logger';
import { startAccord, type RunningAccord } from '../main';
import { demoLeadsRoute } from '../server/demo-leads-route';
import { stageLabels, stages } from '../core/stage';
import { UsageError } from './usage-error';
import { waitForSignal } from './wait-for-signal';
import { streamDemoLeads } from './stream-demo-leads';

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

/**
 * `accord demo`: the sandbox CRM seeded from the sample data, Accord against it on a fresh SQLite file,
 * the seed's contacts streamed in as form fills (each a signed webhook), and a live summary.
 */
export async function runDemo(config: Config, argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      contacts: { type: 'string' },
      port: { type: 'string' },
      'sandbox-port': { type: 'string' },
      'exit-when-done': { type: 'boolean' },
    },
    strict: true,
  });
  const contacts = positiveInt('contacts', values.contacts, 200);
  const port = positiveInt('port', values.port, config.PORT, 0);
  const sandboxPort = positiveInt('sandbox-port', values['sandbox-port'], 4100, 0);
  const logger = createLogger(config.LOG_LEVEL === 'info' ? 'warn' : config.LOG_LEVEL);
  const out = (line: string) => process.stdout.write(`${line}\n`);

  // A fresh database each run: the sandbox's records are new every time, so old decisions would mislead.
  const databaseFile = resolve('data/demo.db');
  mkdirSync(resolve('data'), { recursive: true });
  for (const suffix of ['', '-wal', '-shm']) rmSync(databaseFile + suffix, { force: true });

  out('Starting the sandbox CRM (HubSpot API on loopback), seeded from shared/data/crm-sales-opportunities …');
  const sandbox: Sandbox = await startSandbox({ port: sandboxPort, clientSecret: sandboxDefaults.clientSecret, appId: sandboxDefaults.appId, seed: { contacts: 0 } });
  let accord: RunningAccord | null = null;
  try {
    accord = await startAccord({
      config: {
        ...config,
        PORT: port,
        HOST: '127.0.0.1',
        PUBLIC_URL: undefined,
        DATABASE_URL: `file:${databaseFile}`,
        HUBSPOT_ACCESS_TOKEN: sandboxDefaults.accessToken,
        HUBSPOT_CLIENT_SECRET: sandboxDefaults.clientSecret,
        HUBSPOT_APP_ID: sandboxDefaults.appId,
        HUBSPOT_PORTAL_ID: sandboxDefaults.portalId,
        HUBSPOT_BASE_PATH: sandbox.url,
      },
      logger,
      extraRoutes: (app, { store }) => app.get('/demo/leads', demoLeadsRoute(store, { crm: 'hubspot', tenantId: sandboxDefaults.portalId })),
    });
    sandbox.setWebhookUrl(`${accord.url}/webhooks/hubspot`);
    out(`Accord is running on ${accord.url} (SQLite: ${databaseFile}); the sandbox on ${sandbox.url}.`);

    const seed = loadSeedData({ contacts });
    out(`Streaming ${contacts} new leads into the sandbox as form fills; each creation reaches Accord as a signed webhook …`);
    const tenant = { crm: 'hubspot' as const, tenantId: sandboxDefaults.portalId };
    const summary = await streamDemoLeads({
      sandbox,
      accord,
      inputs: asNewFormFills(toCreateContactInputs(seed.contacts)),
      tenant,
      onProgress: (decided, total) => out(`  ${decided}/${total} leads scored …`),
    });

    out('');
    out(`All ${summary.decisions.length} leads scored in ${(summary.elapsedMs / 1000).toFixed(1)} s: ` +
      stages.map((s) => `${stageLabels[s]} ${summary.decisions.filter((d) => d.stage === s).length}`).join(', ') + '.');
    out(`HubSpot API calls: ${summary.apiCalls} for ${summary.events} webhook events (${(summary.apiCalls / Math.max(summary.events, 1)).toFixed(3)} per event).`);
    out('');
    for (const stage of ['sales_ready', 'mql', 'nurture', 'disqualified'] as const) {
      const example = summary.decisions.find((d) => d.stage === stage);
      if (!example) continue;
      out(`— contact ${example.recordId}, ${stageLabels[stage]}, score ${example.score}:`);
      out(example.why.split('\n').slice(0, 6).map((line) => `    ${line}`).join('\n'));
    }
    out('');
    out('Look at:');
    out(`  ${accord.url}/demo/leads          every lead: score, stage, owner, SLA due time and why`);
    out(`  ${accord.url}/health              store and queue`);
    out(`  ${sandbox.url}/_sandbox/calls      every HubSpot API call Accord made, by endpoint`);
    out(`  ${sandbox.url}/_sandbox/webhooks   webhook deliveries from the sandbox to Accord`);

    if (values['exit-when-done']) return 0;
    out('\nCtrl-C stops the demo.');
    await waitForSignal();
    return 0;
  } finally {
    await accord?.stop();
    await sandbox.close();
  }
}
