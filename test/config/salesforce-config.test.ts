import { credentialsSealer } from '../../src/config/credentials-sealer';
import { ConfigError, hasCrmCredentials, hasSalesforceCredentials, loadConfig } from '../../src/config/load-config';
import { parseRoleTeams } from '../../src/config/parse-role-teams';

const salesforce = {
  SALESFORCE_CLIENT_ID: '3MVG9-client',
  SALESFORCE_CLIENT_SECRET: 'secret',
  SALESFORCE_REFRESH_TOKEN: '5Aep861-refresh',
  ACCORD_SECRET_KEY: 'k'.repeat(32),
};

describe('Salesforce configuration', () => {
  it('defaults to the production login host and API 62.0, and needs nothing else to be unset', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ SALESFORCE_LOGIN_URL: 'https://login.salesforce.com', SALESFORCE_API_VERSION: '62.0', SALESFORCE_RECONCILE_CRON: '*/10 * * * *' });
    expect(hasSalesforceCredentials(config)).toBe(false);
    expect(hasCrmCredentials(config)).toBe(false);
  });

  it('connects with client id, secret, refresh token and a secret key', () => {
    const config = loadConfig({ ...salesforce, SALESFORCE_ORG_ID: '00D5e0000000Acc', SALESFORCE_INSTANCE_URL: '' });
    expect(hasSalesforceCredentials(config)).toBe(true);
    expect(hasCrmCredentials(config)).toBe(true);
    expect(config.SALESFORCE_INSTANCE_URL).toBeUndefined();
  });

  it.each([
    [{ SALESFORCE_CLIENT_ID: 'x' }, /SALESFORCE_CLIENT_SECRET, SALESFORCE_REFRESH_TOKEN, ACCORD_SECRET_KEY/],
    [{ ...salesforce, ACCORD_SECRET_KEY: '' }, /missing: ACCORD_SECRET_KEY/],
    [{ ACCORD_SECRET_KEY: 'short' }, /ACCORD_SECRET_KEY: must be at least 32 characters/],
    [{ SALESFORCE_ORG_ID: '005000000000001' }, /SALESFORCE_ORG_ID: must be the organization id \(00D/],
    [{ SALESFORCE_INTEGRATION_USER_ID: '00D5e0000000Acc' }, /SALESFORCE_INTEGRATION_USER_ID/],
    [{ SALESFORCE_API_VERSION: 'v62' }, /SALESFORCE_API_VERSION/],
    [{ SALESFORCE_LOGIN_URL: 'login.salesforce.com' }, /SALESFORCE_LOGIN_URL/],
  ])('fails fast on %j', (env, message) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(message);
  });

  it('reads role → team mappings, ignoring blanks', () => {
    expect([...parseRoleTeams(' West Reps = West ; AE East=East;;=x; y= ')]).toEqual([
      ['West Reps', 'West'],
      ['AE East', 'East'],
    ]);
    expect(parseRoleTeams(undefined).size).toBe(0);
  });
});

describe('credentialsSealer', () => {
  const sealer = credentialsSealer('s'.repeat(40));

  it('round-trips, with a fresh IV each time and no plaintext in the sealed text', () => {
    const first = sealer.seal('{"refreshToken":"5Aep861-secret"}');
    const second = sealer.seal('{"refreshToken":"5Aep861-secret"}');
    expect(first).toMatch(/^v1:gcm:[\w-]+:[\w-]+$/);
    expect(first).not.toBe(second);
    expect(first).not.toContain('5Aep861');
    expect(sealer.open(first)).toBe('{"refreshToken":"5Aep861-secret"}');
  });

  it('opens nothing sealed under another key, tampered with, or in another format', () => {
    const sealed = sealer.seal('secret');
    expect(credentialsSealer('t'.repeat(40)).open(sealed)).toBeNull();
    const parts = sealed.split(':');
    const body = Buffer.from(parts[3] ?? '', 'base64url');
    body[0] = (body[0] ?? 0) ^ 1;
    expect(sealer.open([parts[0], parts[1], parts[2], body.toString('base64url')].join(':'))).toBeNull();
    expect(sealer.open('')).toBeNull();
    expect(sealer.open('plain text')).toBeNull();
  });
});
