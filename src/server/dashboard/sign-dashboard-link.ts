import { createHmac } from 'node:crypto';
import type { TenantRef } from '../../core/lead';
import { tenantParam } from './tenant-param';

/** The query a dashboard link carries: which tenant, until when (seconds since the epoch), and the proof. */
export interface DashboardLinkQuery {
  tenant: string;
  exp: string;
  sig: string;
}

/**
 * Signs a dashboard link for `tenant`, valid until `expiresAt` (seconds since the epoch): hex
 * HMAC-SHA256 under ACCORD_SECRET_KEY over a purpose label, the tenant and the expiry, so the key's
 * other uses can never produce a valid link. The CRM side (record card, settings page) asks Accord
 * for this link and opens it.
 */
export function signDashboardLink(secretKey: string, tenant: TenantRef, expiresAt: number): DashboardLinkQuery {
  if (!Number.isSafeInteger(expiresAt) || expiresAt <= 0) throw new Error(`expiresAt must be whole seconds since the epoch, got ${expiresAt}`);
  const query = { tenant: tenantParam(tenant), exp: String(expiresAt) };
  return { ...query, sig: dashboardLinkSignature(secretKey, query.tenant, query.exp) };
}

export function dashboardLinkSignature(secretKey: string, tenant: string, exp: string): string {
  if (secretKey.length === 0) throw new Error('the dashboard link key is empty');
  return createHmac('sha256', secretKey).update(`accord-dashboard-link:v1\n${tenant}\n${exp}`).digest('hex');
}

/** `${baseUrl}/dashboard?tenant=…&exp=…&sig=…`, valid for `ttlSeconds` from `nowMs`. */
export function dashboardLinkUrl(baseUrl: string, secretKey: string, tenant: TenantRef, nowMs: number, ttlSeconds = 15 * 60): string {
  const query = signDashboardLink(secretKey, tenant, Math.floor(nowMs / 1000) + ttlSeconds);
  return `${baseUrl.replace(/\/+$/, '')}/dashboard?${new URLSearchParams({ ...query }).toString()}`;
}
