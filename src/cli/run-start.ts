import { parseArgs } from 'node:util';
import type { Config } from '../config/config-schema';
import { ConfigError, hasHubspotCredentials } from '../config/load-config';
import { startAccord } from '../main';
import { waitForSignal } from './wait-for-signal';

/** `accord start`: serve webhooks, run the worker and jobs until a signal. */
export async function runStart(config: Config, argv: string[]): Promise<number> {
  parseArgs({ args: argv, options: {}, strict: true });
  if (!hasHubspotCredentials(config)) {
    throw new ConfigError(
      'no CRM is configured — set HUBSPOT_ACCESS_TOKEN, HUBSPOT_CLIENT_SECRET and HUBSPOT_APP_ID (see .env.example), or run `accord demo`',
    );
  }
  const accord = await startAccord({ config });
  process.stdout.write(`Accord is listening on ${accord.url} (webhooks: POST ${accord.url}/webhooks/hubspot). Ctrl-C stops it.\n`);
  await waitForSignal();
  await accord.stop();
  return 0;
}
