import type { Request } from 'express';
import type { TenantRef } from '../../core/lead';
import { verifyDashboardLink } from './verify-dashboard-link';

/**
 * How the dashboard learns whose numbers to show:
 * - signed: opened from the CRM with a short-lived link signed by ACCORD_SECRET_KEY; the link names
 *   the tenant, so no request can ask for another tenant's numbers;
 * - loopback: the demo's tenant, to a browser on the same machine only (no link to sign there).
 */
export type DashboardAccess =
  | { mode: 'signed'; secretKey: string; maxLinkSeconds?: number }
  | { mode: 'loopback'; tenant: TenantRef };

export type AccessVerdict =
  | { ok: true; tenant: TenantRef }
  | { ok: false; status: 401 | 403; error: string; message: string };

const reasons = {
  malformed: 'the dashboard link is incomplete; open the dashboard again from the CRM',
  bad_signature: 'the dashboard link is not valid; open the dashboard again from the CRM',
  expired: 'the dashboard link has expired; open the dashboard again from the CRM',
  too_long: 'the dashboard link is valid for too long to be trusted; open the dashboard again from the CRM',
} as const;

export function checkDashboardAccess(access: DashboardAccess, req: Request, nowMs: number): AccessVerdict {
  if (access.mode === 'loopback') {
    // The Host check stops a web page that rebinds its own name to 127.0.0.1 from reading the demo's numbers.
    if (!isLoopbackAddress(req.socket.remoteAddress) || !isLoopbackHost(req.get('host'))) {
      return { ok: false, status: 403, error: 'forbidden', message: 'this dashboard is only served to this machine' };
    }
    return { ok: true, tenant: access.tenant };
  }
  const verdict = verifyDashboardLink(req.query, access.secretKey, nowMs, access.maxLinkSeconds);
  if (verdict.ok) return { ok: true, tenant: verdict.tenant };
  return { ok: false, status: 401, error: verdict.reason === 'expired' ? 'link_expired' : 'link_invalid', message: reasons[verdict.reason] };
}

function isLoopbackAddress(address: string | undefined): boolean {
  if (address === undefined) return false;
  const v4 = address.startsWith('::ffff:') ? address.slice('::ffff:'.length) : address;
  return v4 === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(v4);
}

function isLoopbackHost(host: string | undefined): boolean {
  if (host === undefined) return false;
  const name = host.replace(/:\d+$/, '').toLowerCase();
  return name === 'localhost' || name === '[::1]' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(name);
}
