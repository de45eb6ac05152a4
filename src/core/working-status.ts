/**
 * CRM statuses that mean a rep is working the lead (HubSpot lead statuses and lifecycle stages,
 * Salesforce's default lead statuses), compared lower-case with spaces read as "_".
 */
const workingStatuses: ReadonlySet<string> = new Set([
  'in_progress',
  'open_deal',
  'connected',
  'working',
  'working_-_contacted',
  'qualified',
  'salesqualifiedlead',
  'sales_qualified_lead',
  'opportunity',
]);

export function isWorkingStatus(status: string | null): boolean {
  if (status === null) return false;
  return workingStatuses.has(status.trim().toLowerCase().replace(/ +/g, '_'));
}
