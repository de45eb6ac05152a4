import { parseArgs } from 'node:util';
import { sandboxDefaults, type SandboxOptions } from './sandbox-options';
import { defaultSeedContactCount } from './seed-sandbox';

export const sandboxUsage = `Usage: sandbox [options]
  --port N                 port on 127.0.0.1 (default 0 = any free port)
  --webhook-url URL        where to send HubSpot webhooks (default: none)
  --client-secret S        app client secret, signs webhooks (default ${sandboxDefaults.clientSecret})
  --app-id A               numeric app id (default ${sandboxDefaults.appId})
  --access-token T         the app's access token (default ${sandboxDefaults.accessToken})
  --portal-id P            portal id (default ${sandboxDefaults.portalId})
  --seed-contacts N        contacts to seed from the sample data (default ${defaultSeedContactCount}; 0 = owners only)
  --data-dir DIR           folder with the crm-sales-opportunities CSVs (default: found upward)
  --preinstall-accord      start with Accord's properties already created
  --salesforce-outbound-url URL  where to send Salesforce outbound messages (default: none)
  --help                   show this help`;

function nonNegativeInteger(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  if (!/^\d+$/.test(value)) throw new Error(`--${name} must be a non-negative integer, got '${value}'`);
  return Number(value);
}

export type SandboxCliCommand = { help: true } | { help: false; options: SandboxOptions };

/** `--flag value` arguments to sandbox options, with the defaults `.env.example` documents. */
export function parseSandboxArgs(argv: readonly string[]): SandboxCliCommand {
  const { values } = parseArgs({
    args: [...argv],
    strict: true,
    options: {
      port: { type: 'string' },
      'webhook-url': { type: 'string' },
      'client-secret': { type: 'string' },
      'app-id': { type: 'string' },
      'access-token': { type: 'string' },
      'portal-id': { type: 'string' },
      'seed-contacts': { type: 'string' },
      'data-dir': { type: 'string' },
      'preinstall-accord': { type: 'boolean' },
      'salesforce-outbound-url': { type: 'string' },
      help: { type: 'boolean' },
    },
  });
  if (values.help) return { help: true };
  const webhookUrl = values['webhook-url'];
  if (webhookUrl !== undefined && !URL.canParse(webhookUrl)) throw new Error(`--webhook-url is not a URL: '${webhookUrl}'`);
  const outboundUrl = values['salesforce-outbound-url'];
  if (outboundUrl !== undefined && !URL.canParse(outboundUrl)) throw new Error(`--salesforce-outbound-url is not a URL: '${outboundUrl}'`);
  return {
    help: false,
    options: {
      port: nonNegativeInteger('port', values.port, 0),
      webhookUrl: webhookUrl ?? null,
      clientSecret: values['client-secret'] ?? sandboxDefaults.clientSecret,
      appId: values['app-id'] ?? sandboxDefaults.appId,
      accessToken: values['access-token'] ?? sandboxDefaults.accessToken,
      portalId: values['portal-id'] ?? sandboxDefaults.portalId,
      seed: {
        contacts: nonNegativeInteger('seed-contacts', values['seed-contacts'], defaultSeedContactCount),
        ...(values['data-dir'] ? { dataDir: values['data-dir'] } : {}),
      },
      preinstallAccordProperties: values['preinstall-accord'] ?? false,
      ...(outboundUrl === undefined ? {} : { salesforce: { outboundUrl } }),
    },
  };
}
