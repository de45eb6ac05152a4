import { createHmac } from 'node:crypto';
import { dashboardLinkUrl, signDashboardLink } from '../../src/server/dashboard/sign-dashboard-link';
import { verifyDashboardLink } from '../../src/server/dashboard/verify-dashboard-link';

const key = 'k'.repeat(48);
const tenant = { crm: 'hubspot' as const, tenantId: '62515' };
const now = Date.parse('2026-03-02T09:00:00.000Z');
const inTenMinutes = now / 1000 + 600;

describe('dashboard links', () => {
  it('signs the tenant and expiry with HMAC-SHA256 under a purpose label, as hex', () => {
    const query = signDashboardLink(key, tenant, inTenMinutes);

    expect(query).toEqual({
      tenant: 'hubspot:62515',
      exp: String(inTenMinutes),
      sig: createHmac('sha256', key).update(`accord-dashboard-link:v1\nhubspot:62515\n${inTenMinutes}`).digest('hex'),
    });
    expect(verifyDashboardLink(query, key, now)).toEqual({ ok: true, tenant, expiresAt: inTenMinutes });
  });

  it('builds the URL the CRM opens', () => {
    const url = new URL(dashboardLinkUrl('https://accord.example.com/', key, { crm: 'salesforce', tenantId: '00D5g000004XyZaEAK' }, now));

    expect(url.origin + url.pathname).toBe('https://accord.example.com/dashboard');
    expect(url.searchParams.get('tenant')).toBe('salesforce:00D5g000004XyZaEAK');
    expect(Number(url.searchParams.get('exp'))).toBe(now / 1000 + 15 * 60);
    expect(verifyDashboardLink(Object.fromEntries(url.searchParams), key, now)).toMatchObject({ ok: true });
  });

  it('refuses another tenant, a changed expiry and another key', () => {
    const query = signDashboardLink(key, tenant, inTenMinutes);

    expect(verifyDashboardLink({ ...query, tenant: 'hubspot:77300559' }, key, now)).toEqual({ ok: false, reason: 'bad_signature' });
    expect(verifyDashboardLink({ ...query, tenant: 'salesforce:62515' }, key, now)).toEqual({ ok: false, reason: 'bad_signature' });
    expect(verifyDashboardLink({ ...query, exp: String(inTenMinutes + 1) }, key, now)).toEqual({ ok: false, reason: 'bad_signature' });
    expect(verifyDashboardLink(query, 'x'.repeat(48), now)).toEqual({ ok: false, reason: 'bad_signature' });
  });

  it('refuses an expired link, and one valid for longer than allowed', () => {
    expect(verifyDashboardLink(signDashboardLink(key, tenant, now / 1000), key, now)).toEqual({ ok: false, reason: 'expired' });
    expect(verifyDashboardLink(signDashboardLink(key, tenant, now / 1000 + 7200), key, now)).toEqual({ ok: false, reason: 'too_long' });
    expect(verifyDashboardLink(signDashboardLink(key, tenant, now / 1000 + 7200), key, now, 3 * 3600)).toMatchObject({ ok: true });
  });

  it.each([
    [{}],
    [{ tenant: 'hubspot:62515', exp: '1', sig: 'abc' }],
    [{ tenant: 'zoho:1', exp: '1772442600', sig: 'a'.repeat(64) }],
    [{ tenant: 'hubspot:62515', exp: '1e12', sig: 'a'.repeat(64) }],
    [{ tenant: ['hubspot:62515'], exp: '1772442600', sig: 'a'.repeat(64) }],
    [{ tenant: 'hubspot:62515', exp: '1772442600', sig: 'A'.repeat(64) }],
  ])('refuses a malformed query %j', (query) => {
    expect(verifyDashboardLink(query, key, now)).toEqual({ ok: false, reason: 'malformed' });
  });

  it('will not sign with an empty key or a nonsense expiry', () => {
    expect(() => signDashboardLink('', tenant, inTenMinutes)).toThrow(/empty/);
    expect(() => signDashboardLink(key, tenant, 1.5)).toThrow(/whole seconds/);
  });
});
