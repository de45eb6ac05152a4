/**
 * What checking an OAuth installation's grant found: it stands, it is gone (the tenant is now
 * inactive), the CRM gave no usable answer (nothing changes; checked again later), or the tenant
 * is not an OAuth install (environment credentials: nothing to check).
 */
export type GrantCheck = 'active' | 'revoked' | 'unknown' | 'not-oauth';
