/**
 * CRM statuses that mean a rep is working the lead (HubSpot lead statuses and lifecycle stages,
 * Salesforce's default lead statuses): the default for a definition's acceptance settings.
 */
export const defaultWorkingStatuses: readonly string[] = [
  'in_progress',
  'open_deal',
  'connected',
  'working',
  'working_-_contacted',
  'qualified',
  'salesqualifiedlead',
  'sales_qualified_lead',
  'opportunity',
];

/** Compared lower-case with spaces read as "_", as admins type labels and CRMs store values. */
export function statusKey(status: string): string {
  const key = status.trim().toLowerCase();
  // Most statuses are single words; decide() reads one per lead.
  return key.includes(' ') ? key.replace(/ +/g, '_') : key;
}

const defaultSet: ReadonlySet<string> = new Set(defaultWorkingStatuses.map(statusKey));

export function isWorkingStatus(status: string | null, workingStatuses: ReadonlySet<string> = defaultSet): boolean {
  if (status === null) return false;
  return workingStatuses.has(statusKey(status));
}
