import { configSchema, type Config } from './config-schema';

export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

/** Reads the environment once, failing fast with one line per bad variable naming it and what to set. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = configSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join('.') || '(environment)'}: ${issue.message}`);
    throw new ConfigError(`Invalid configuration — fix these environment variables (see .env.example):\n${lines.join('\n')}`);
  }
  const config = parsed.data;
  const hubspotPartial = [config.HUBSPOT_ACCESS_TOKEN, config.HUBSPOT_CLIENT_SECRET, config.HUBSPOT_APP_ID];
  if (hubspotPartial.some(Boolean) && !hubspotPartial.every(Boolean)) {
    const missing = (['HUBSPOT_ACCESS_TOKEN', 'HUBSPOT_CLIENT_SECRET', 'HUBSPOT_APP_ID'] as const).filter((k) => !config[k]);
    throw new ConfigError(
      `Invalid configuration — HubSpot needs all of HUBSPOT_ACCESS_TOKEN, HUBSPOT_CLIENT_SECRET and HUBSPOT_APP_ID; missing: ${missing.join(', ')}`,
    );
  }
  return config;
}

export function hasHubspotCredentials(config: Config): boolean {
  return Boolean(config.HUBSPOT_ACCESS_TOKEN && config.HUBSPOT_CLIENT_SECRET && config.HUBSPOT_APP_ID);
}
