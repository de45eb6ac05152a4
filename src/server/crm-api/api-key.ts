import { createHash, randomBytes } from 'node:crypto';
import type { TenantRef } from '../../core/lead';
import type { Store } from '../../store/store';

/** Only SHA-256 of a key is stored: a leaked database holds no usable key. */
export function apiKeyHash(key: string): string {
  return createHash('sha256').update(key).digest('hex');
}

/** Issues a tenant's API key (32 random bytes, base64url), replacing any previous one at once. Shown once. */
export async function issueApiKey(store: Store, tenant: TenantRef, now: string): Promise<string> {
  const key = randomBytes(32).toString('base64url');
  await store.setApiKeyHash(tenant, apiKeyHash(key), now);
  return key;
}
