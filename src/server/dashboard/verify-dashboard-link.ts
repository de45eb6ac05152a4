import { timingSafeEqual } from 'node:crypto';
import type { TenantRef } from '../../core/lead';
import { dashboardLinkSignature } from './sign-dashboard-link';
import { parseTenantParam } from './tenant-param';

export type DashboardLinkVerdict =
  | { ok: true; tenant: TenantRef; expiresAt: number }
  | { ok: false; reason: 'malformed' | 'bad_signature' | 'expired' | 'too_long' };

/** Links longer-lived than this are refused even when signed: a leaked one must die soon. */
export const defaultMaxLinkSeconds = 60 * 60;

/**
 * Checks a dashboard link's query: well formed, signed with `secretKey` (constant-time), not expired
 * at `nowMs`, and not valid for longer than `maxLinkSeconds` from now.
 */
export function verifyDashboardLink(
  query: { tenant?: unknown; exp?: unknown; sig?: unknown },
  secretKey: string,
  nowMs: number,
  maxLinkSeconds = defaultMaxLinkSeconds,
): DashboardLinkVerdict {
  const { tenant, exp, sig } = query;
  const ref = parseTenantParam(tenant);
  if (ref === null || typeof exp !== 'string' || !/^\d{1,12}$/.test(exp) || typeof sig !== 'string' || !/^[0-9a-f]{64}$/.test(sig)) {
    return { ok: false, reason: 'malformed' };
  }
  const expected = Buffer.from(dashboardLinkSignature(secretKey, tenant as string, exp), 'hex');
  if (!timingSafeEqual(expected, Buffer.from(sig, 'hex'))) return { ok: false, reason: 'bad_signature' };
  const expiresAt = Number(exp);
  if (expiresAt * 1000 <= nowMs) return { ok: false, reason: 'expired' };
  if (expiresAt * 1000 > nowMs + maxLinkSeconds * 1000) return { ok: false, reason: 'too_long' };
  return { ok: true, tenant: ref, expiresAt };
}
