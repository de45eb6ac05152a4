import { emailDomainOf } from './email-address';
import type { Lead } from './lead';
import type { Owner } from './owner';
import { isOwnerAvailable } from './owner-availability';
import { listContains, type PredicateLists } from './predicate-lists';

export interface AccountMatch {
  /** The account domain that matched ("acme.com" for a lead at eu.acme.com). */
  domain: string;
  owner: Owner | null;
  ownerId: string;
  /** Whether the account's owner can take the lead now. */
  available: boolean;
}

/**
 * The owner of the company the lead works for, when the CRM already has that account: matched on
 * the lead's email domain or a parent domain. Free-mail domains never match, since a "gmail.com"
 * company in the CRM says nothing about who the person works for. `accountOwners` is keyed by
 * lower-case domain.
 */
export function accountOwnerOf(
  lead: Pick<Lead, 'domain' | 'email'>,
  accountOwners: ReadonlyMap<string, string> | undefined,
  owners: readonly Owner[],
  nowMs: number,
  lists: PredicateLists,
): AccountMatch | null {
  if (accountOwners === undefined || accountOwners.size === 0) return null;
  let domain = (lead.domain ?? (lead.email === null ? null : emailDomainOf(lead.email)))?.trim().toLowerCase() ?? '';
  if (domain === '' || listContains(lists, 'freeMailDomains', domain)) return null;
  while (domain.includes('.')) {
    const ownerId = accountOwners.get(domain);
    if (ownerId !== undefined) {
      const owner = owners.find((o) => o.id === ownerId) ?? null;
      return { domain, owner, ownerId, available: owner !== null && isOwnerAvailable(owner, nowMs) };
    }
    domain = domain.slice(domain.indexOf('.') + 1);
  }
  return null;
}
