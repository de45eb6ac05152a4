/** HubSpot's OAuth endpoints Accord calls; `apiBase` is https://api.hubapi.com or the sandbox. */

export interface HubspotTokenAnswer {
  accessToken: string;
  refreshToken: string;
  expiresInSeconds: number;
}

/** HubSpot refused the grant (a bad code, a revoked refresh token): retrying will not help. */
export class HubspotGrantRefusedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'HubspotGrantRefusedError';
  }
}

const timeoutMs = 15_000;

export async function requestHubspotTokens(apiBase: string, form: Record<string, string>): Promise<HubspotTokenAnswer> {
  // POST /oauth/v1/token (form-encoded; authorization_code or refresh_token grant)
  const response = await fetch(`${apiBase.replace(/\/+$/, '')}/oauth/v1/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
    body: new URLSearchParams(form).toString(),
    signal: AbortSignal.timeout(timeoutMs),
  });
  const body = (await response.json().catch(() => ({}))) as Record<string, unknown>;
  if (response.status >= 400 && response.status < 500) {
    throw new HubspotGrantRefusedError(`HubSpot refused the ${form.grant_type} grant: ${String(body.message ?? body.status ?? response.status)}`);
  }
  if (!response.ok || typeof body.access_token !== 'string' || typeof body.refresh_token !== 'string') {
    throw new Error(`HubSpot's token endpoint answered ${response.status}`);
  }
  return { accessToken: body.access_token, refreshToken: body.refresh_token, expiresInSeconds: Number(body.expires_in ?? 1800) };
}

/** The portal (hub) id an access token was issued for. */
export async function readHubspotTokenPortal(apiBase: string, accessToken: string): Promise<string> {
  // GET /oauth/v1/access-tokens/{token}
  const response = await fetch(`${apiBase.replace(/\/+$/, '')}/oauth/v1/access-tokens/${encodeURIComponent(accessToken)}`, {
    headers: { accept: 'application/json' },
    signal: AbortSignal.timeout(timeoutMs),
  });
  const body = (await response.json().catch(() => ({}))) as Record<string, unknown>;
  if (!response.ok || (typeof body.hub_id !== 'number' && typeof body.hub_id !== 'string')) {
    throw new Error(`HubSpot did not say which portal the token belongs to (${response.status})`);
  }
  return String(body.hub_id);
}

/**
 * Whether a refresh token still stands: HubSpot forgets it when the portal uninstalls the app or
 * revokes it. `gone` on a 4xx; a 5xx or no answer throws (unknown, not gone).
 */
export async function hubspotRefreshTokenStands(apiBase: string, refreshToken: string): Promise<boolean> {
  // GET /oauth/v1/refresh-tokens/{token}
  const response = await fetch(`${apiBase.replace(/\/+$/, '')}/oauth/v1/refresh-tokens/${encodeURIComponent(refreshToken)}`, {
    headers: { accept: 'application/json' },
    signal: AbortSignal.timeout(timeoutMs),
  });
  await response.body?.cancel();
  if (response.ok) return true;
  if (response.status >= 400 && response.status < 500 && response.status !== 429) return false;
  throw new Error(`HubSpot's refresh-token endpoint answered ${response.status}`);
}
