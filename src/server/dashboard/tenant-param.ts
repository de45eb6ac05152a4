import type { TenantRef } from '../../core/lead';

/** A tenant as the dashboard link spells it: `hubspot:62515`, `salesforce:00D5g000004XyZaEAK`. */
export function tenantParam(tenant: TenantRef): string {
  return `${tenant.crm}:${tenant.tenantId}`;
}

const shape = /^(hubspot|salesforce):([A-Za-z0-9_-]{1,64})$/;

export function parseTenantParam(value: unknown): TenantRef | null {
  if (typeof value !== 'string') return null;
  const match = shape.exec(value);
  return match ? { crm: match[1] as TenantRef['crm'], tenantId: match[2] as string } : null;
}
