import { parseArgs } from 'node:util';
import type { Config } from '../config/config-schema';
import { ConfigError, hasCrmCredentials } from '../config/load-config';
import { startAccord } from '../main';
import { waitForSignal } from './wait-for-signal';

/** `accord start`: serve webhooks, run the worker and jobs until a signal. */
export async function runStart(config: Config, argv: string[]): Promise<number> {
  parseArgs({ args: argv, options: {}, strict: true });
  if (!hasCrmCredentials(config)) {
    throw new ConfigError(
      'no CRM is configured — set HUBSPOT_ACCESS_TOKEN, HUBSPOT_CLIENT_SECRET and HUBSPOT_APP_ID, or the SALESFORCE_* settings (see .env.example), or run `accord demo`',
    );
  }
  const accord = await startAccord({ config });
  process.stdout.write(`Accord is listening on ${accord.url}. Ctrl-C stops it.\n`);
  if (accord.tenants.some((t) => t.crm === 'hubspot')) process.stdout.write(`  HubSpot webhooks: POST ${accord.url}/webhooks/hubspot\n`);
  if (accord.salesforceOutboundUrl) process.stdout.write(`  Salesforce outbound message endpoint for the org: ${accord.salesforceOutboundUrl}\n`);
  await waitForSignal();
  await accord.stop();
  return 0;
}
