import type { CredentialsSealer } from '../../config/credentials-sealer';

/** What an OAuth install keeps for a portal, sealed with AES-256-GCM in the tenant row. */
export interface HubspotOauthCredentials {
  kind: 'hubspot-oauth';
  accessToken: string;
  refreshToken: string;
  /** Epoch ms when the access token expires (HubSpot: 30 minutes after issue). */
  expiresAt: number;
}

export function sealHubspotCredentials(sealer: CredentialsSealer, credentials: HubspotOauthCredentials): string {
  return sealer.seal(JSON.stringify(credentials));
}

/** Null when the tenant has no sealed OAuth credentials (a private-app token from the environment, or another key). */
export function openHubspotCredentials(sealer: CredentialsSealer, sealed: string): HubspotOauthCredentials | null {
  if (sealed === '') return null;
  const plain = sealer.open(sealed);
  if (plain === null) return null;
  try {
    const parsed = JSON.parse(plain) as Partial<HubspotOauthCredentials>;
    if (parsed.kind !== 'hubspot-oauth' || typeof parsed.accessToken !== 'string' || typeof parsed.refreshToken !== 'string' || typeof parsed.expiresAt !== 'number') return null;
    return parsed as HubspotOauthCredentials;
  } catch {
    return null;
  }
}
