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
  if (config.HUBSPOT_CLIENT_ID && !config.HUBSPOT_ACCESS_TOKEN) {
    // A public app installed through OAuth: portals bring their own tokens, sealed with ACCORD_SECRET_KEY.
    const missing = (['HUBSPOT_CLIENT_SECRET', 'HUBSPOT_APP_ID', 'ACCORD_SECRET_KEY'] as const).filter((k) => !config[k]);
    if (missing.length > 0) {
      throw new ConfigError(`Invalid configuration — HubSpot OAuth installs need HUBSPOT_CLIENT_ID, HUBSPOT_CLIENT_SECRET, HUBSPOT_APP_ID and ACCORD_SECRET_KEY; missing: ${missing.join(', ')}`);
    }
  } else if (hubspotPartial.some(Boolean) && !hubspotPartial.every(Boolean)) {
    const missing = (['HUBSPOT_ACCESS_TOKEN', 'HUBSPOT_CLIENT_SECRET', 'HUBSPOT_APP_ID'] as const).filter((k) => !config[k]);
    throw new ConfigError(
      `Invalid configuration — HubSpot needs all of HUBSPOT_ACCESS_TOKEN, HUBSPOT_CLIENT_SECRET and HUBSPOT_APP_ID; missing: ${missing.join(', ')}`,
    );
  }
  const salesforce = ['SALESFORCE_CLIENT_ID', 'SALESFORCE_CLIENT_SECRET', 'SALESFORCE_REFRESH_TOKEN'] as const;
  if (config.SALESFORCE_OAUTH_INSTALL) {
    // Orgs bring their own tokens through OAuth; a refresh token in the environment adds one more org.
    const missing = (['SALESFORCE_CLIENT_ID', 'SALESFORCE_CLIENT_SECRET', 'ACCORD_SECRET_KEY'] as const).filter((k) => !config[k]);
    if (missing.length > 0) {
      throw new ConfigError(`Invalid configuration — Salesforce OAuth installs need SALESFORCE_CLIENT_ID, SALESFORCE_CLIENT_SECRET and ACCORD_SECRET_KEY; missing: ${missing.join(', ')}`);
    }
  } else if (salesforce.some((k) => config[k])) {
    const missing = [...salesforce, 'ACCORD_SECRET_KEY' as const].filter((k) => !config[k]);
    if (missing.length > 0) {
      throw new ConfigError(
        `Invalid configuration — Salesforce needs all of SALESFORCE_CLIENT_ID, SALESFORCE_CLIENT_SECRET, SALESFORCE_REFRESH_TOKEN and ACCORD_SECRET_KEY; missing: ${missing.join(', ')}`,
      );
    }
  }
  return config;
}

export function hasSalesforceCredentials(config: Config): boolean {
  return Boolean(config.SALESFORCE_CLIENT_ID && config.SALESFORCE_CLIENT_SECRET && config.SALESFORCE_REFRESH_TOKEN && config.ACCORD_SECRET_KEY);
}

/** A HubSpot app that portals install through OAuth (marketplace), with no private-app token. */
export function hasHubspotOauthApp(config: Config): boolean {
  return Boolean(config.HUBSPOT_CLIENT_ID && config.HUBSPOT_CLIENT_SECRET && config.HUBSPOT_APP_ID && config.ACCORD_SECRET_KEY);
}

/** An External Client App that orgs install through OAuth (`SALESFORCE_OAUTH_INSTALL=true`). */
export function hasSalesforceOauthApp(config: Config): boolean {
  return Boolean(config.SALESFORCE_OAUTH_INSTALL && config.SALESFORCE_CLIENT_ID && config.SALESFORCE_CLIENT_SECRET && config.ACCORD_SECRET_KEY);
}

/** Some CRM is configured: `accord start` has something to serve. */
export function hasCrmCredentials(config: Config): boolean {
  return hasHubspotCredentials(config) || hasHubspotOauthApp(config) || hasSalesforceCredentials(config) || hasSalesforceOauthApp(config);
}

export function hasHubspotCredentials(config: Config): boolean {
  return Boolean(config.HUBSPOT_ACCESS_TOKEN && config.HUBSPOT_CLIENT_SECRET && config.HUBSPOT_APP_ID);
}
