import type { TenantRecord } from '../../store/store';

/**
 * Where a lead opens in its CRM: HubSpot's contact record, Salesforce's Lightning lead page. A
 * HubSpot tenant with its own API base path (the sandbox CRM) gets that server's contact URL, since
 * there is no HubSpot app to open.
 */
export function recordUrl(tenant: Pick<TenantRecord, 'crm' | 'tenantId' | 'instanceUrl'>, recordId: string): string {
  const id = encodeURIComponent(recordId);
  const base = tenant.instanceUrl?.replace(/\/+$/, '') ?? null;
  if (tenant.crm === 'salesforce') return `${base ?? 'https://login.salesforce.com'}/lightning/r/Lead/${id}/view`;
  if (base !== null && !isHubspotApi(base)) return `${base}/crm/v3/objects/contacts/${id}`;
  return `https://app.hubspot.com/contacts/${encodeURIComponent(tenant.tenantId)}/record/0-1/${id}`;
}

function isHubspotApi(base: string): boolean {
  try {
    const host = new URL(base).hostname;
    return host === 'hubapi.com' || host.endsWith('.hubapi.com') || host.endsWith('.hubspot.com');
  } catch {
    return false;
  }
}
