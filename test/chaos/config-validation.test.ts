import { configSchema } from '../../src/config/config-schema';
import { ConfigError, loadConfig } from '../../src/config/load-config';

/** Values wrong for most settings: blank, prose, negative, huge, fractional, malformed. */
const candidates = ['   ', 'not a valid value !', '-5', '99999999999', '1.5', 'every 5 minutes please', 'http//missing-colon', '00Dshort'];

/** Settings that take any text (secrets, tokens, names): nothing is invalid about them on their own. */
const freeText = new Set(['HUBSPOT_ACCESS_TOKEN', 'HUBSPOT_CLIENT_ID', 'HUBSPOT_OAUTH_SCOPES', 'HUBSPOT_CLIENT_SECRET', 'SALESFORCE_CLIENT_ID', 'SALESFORCE_CLIENT_SECRET', 'SALESFORCE_REFRESH_TOKEN', 'SALESFORCE_ROLE_TEAMS']);

function badValueFor(key: string): string | undefined {
  return candidates.find((value) => {
    try {
      loadConfig({ [key]: value });
      return false;
    } catch (error) {
      return error instanceof ConfigError && error.message.includes(`${key}: `);
    }
  });
}

describe('every invalid setting fails at start, naming the setting', () => {
  const keys = Object.keys(configSchema.shape);

  it('knows every setting of the schema', () => {
    expect(keys.length).toBeGreaterThan(20);
  });

  it.each(keys.filter((k) => !freeText.has(k)))('%s', (key) => {
    const bad = badValueFor(key);
    expect({ key, rejectsSomeBadValue: bad !== undefined }).toEqual({ key, rejectsSomeBadValue: true });
    expect(() => loadConfig({ [key]: bad })).toThrow(new RegExp(`${key}: `));
  });

  it('free-text settings are exactly the ones that accept anything', () => {
    // A renamed or removed setting must leave this list too, or its replacement would go unchecked.
    expect([...freeText].filter((key) => !keys.includes(key))).toEqual([]);
    for (const key of freeText) expect({ key, bad: badValueFor(key) }).toEqual({ key, bad: undefined });
  });
});
