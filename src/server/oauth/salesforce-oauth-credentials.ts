import { z } from 'zod';
import type { CredentialsSealer } from '../../config/credentials-sealer';

const credentialsSchema = z.object({
  kind: z.literal('salesforce-oauth'),
  /** 18-character ids: the org (the tenant) and the user who authorized Accord, whose writes are Accord's own. */
  organizationId: z.string(),
  userId: z.string(),
  accessToken: z.string(),
  refreshToken: z.string(),
  instanceUrl: z.string(),
});

/** What an OAuth install keeps for an org, sealed with AES-256-GCM in the tenant row. */
export type SalesforceOauthCredentials = z.infer<typeof credentialsSchema>;

export function sealSalesforceCredentials(sealer: CredentialsSealer, credentials: SalesforceOauthCredentials): string {
  return sealer.seal(JSON.stringify(credentials));
}

/** Null when the tenant holds no OAuth credentials (the org from the environment keeps another shape). */
export function openSalesforceCredentials(sealer: CredentialsSealer, sealed: string): SalesforceOauthCredentials | null {
  if (sealed === '') return null;
  const plain = sealer.open(sealed);
  if (plain === null) return null;
  try {
    const parsed = credentialsSchema.safeParse(JSON.parse(plain));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
