import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { configSchema } from '../../src/config/config-schema';
import { ConfigError, loadConfig } from '../../src/config/load-config';

describe('loadConfig', () => {
  it('applies documented defaults to an empty environment', () => {
    const config = loadConfig({});
    expect(config.PORT).toBe(3000);
    expect(config.DATABASE_URL).toBe('file:./data/accord.db');
    expect(config.HUBSPOT_RATE_LIMIT_REQUESTS).toBe(110);
    expect(config.HUBSPOT_ACCESS_TOKEN).toBeUndefined();
  });

  it('treats empty values as unset, as a copied .env.example leaves them', () => {
    const config = loadConfig({ HUBSPOT_ACCESS_TOKEN: '', HUBSPOT_PORTAL_ID: '', PUBLIC_URL: undefined });
    expect(config.HUBSPOT_ACCESS_TOKEN).toBeUndefined();
    expect(config.HUBSPOT_PORTAL_ID).toBeUndefined();
  });

  it.each([
    [{ PORT: 'eighty' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL'],
    [{ HUBSPOT_BASE_PATH: 'not a url' }, 'HUBSPOT_BASE_PATH'],
    [{ HUBSPOT_APP_ID: 'abc' }, 'HUBSPOT_APP_ID'],
    [{ WORKER_BATCH_SIZE: '0' }, 'WORKER_BATCH_SIZE'],
    [{ HUBSPOT_ACCESS_TOKEN: 'pat-123' }, 'HUBSPOT_CLIENT_SECRET'],
  ])('fails fast naming the bad variable: %j', (env, name) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(name);
  });

  it('documents every setting in .env.example, and nothing else', () => {
    const example = readFileSync(join(__dirname, '../../.env.example'), 'utf8');
    const documented = [...example.matchAll(/^([A-Z][A-Z0-9_]*)=/gm)].map((m) => m[1]).sort();
    expect(documented).toEqual(Object.keys(configSchema.shape).sort());
  });
});
