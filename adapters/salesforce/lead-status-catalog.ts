import { isWorkingStatus } from '../../src/core/working-status';

/** One row of `SELECT MasterLabel, ApiName, SortOrder, IsDefault, IsConverted FROM LeadStatus`. */
export interface LeadStatusRow {
  MasterLabel: string;
  ApiName?: string | null;
  SortOrder?: number | null;
  IsDefault?: boolean | null;
  IsConverted?: boolean | null;
}

/** The org's own lead statuses: Lead.Status values differ per org, and so does what "working" means. */
export interface LeadStatusCatalog {
  isWorking(status: string): boolean;
  isConverted(status: string): boolean;
  /** Statuses that close a lead without converting it ("Closed - Not Converted", "Unqualified"), as the org names them. */
  closedStatuses: readonly string[];
}

const key = (status: string) => status.trim().toLowerCase();

/** Orgs that sort a closed status before the converted one still name it so. */
const closedWords = /\b(closed|unqualified|disqualified|not converted|rejected|junk)\b/i;

/**
 * Salesforce orders statuses along the lead's life: the default (new) status first, converted ones
 * later, closed ones last. A status after the default and before the first converted one is a rep
 * working the lead ("Working - Contacted" in a new org, "Contacted" or "Nurturing" in others).
 */
export function leadStatusCatalog(rows: readonly LeadStatusRow[]): LeadStatusCatalog {
  const sorted = [...rows].sort((a, b) => (a.SortOrder ?? 0) - (b.SortOrder ?? 0));
  const defaultAt = sorted.findIndex((row) => row.IsDefault === true);
  const firstConverted = sorted.findIndex((row) => row.IsConverted === true);
  const working = new Set<string>();
  const converted = new Set<string>();
  const closed: string[] = [];
  sorted.forEach((row, index) => {
    // Lead.Status holds the API name; orgs created before API names existed store the label.
    const names = [row.MasterLabel, row.ApiName].filter((name): name is string => typeof name === 'string' && name.trim() !== '');
    if (row.IsConverted === true) names.forEach((name) => converted.add(key(name)));
    else if ((firstConverted >= 0 && index > firstConverted) || names.some((name) => closedWords.test(name))) closed.push(...names);
    else if (index > defaultAt && (firstConverted < 0 || index < firstConverted)) names.forEach((name) => working.add(key(name)));
  });
  return {
    isWorking: (status) => working.has(key(status)),
    isConverted: (status) => converted.has(key(status)),
    closedStatuses: [...new Set(closed)],
  };
}

/**
 * Lead.status as the core reads it: the org's status, or "Working" when the org says a rep is working
 * the lead under a label the core's list of working statuses would not recognise.
 */
export function leadStatusForAccord(status: string | null, catalog: LeadStatusCatalog | null): string | null {
  if (status === null || catalog === null) return status;
  return catalog.isWorking(status) && !isWorkingStatus(status) ? 'Working' : status;
}
