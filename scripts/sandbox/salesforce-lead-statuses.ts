/** A LeadStatus row: the picklist values of Lead.Status with their place in the lead's life. */
export interface SalesforceLeadStatus {
  Id: string;
  MasterLabel: string;
  ApiName: string;
  SortOrder: number;
  IsDefault: boolean;
  IsConverted: boolean;
}

/** A new org's lead process. */
export const defaultLeadStatuses: ReadonlyArray<Omit<SalesforceLeadStatus, 'Id'>> = [
  { MasterLabel: 'Open - Not Contacted', ApiName: 'Open - Not Contacted', SortOrder: 1, IsDefault: true, IsConverted: false },
  { MasterLabel: 'Working - Contacted', ApiName: 'Working - Contacted', SortOrder: 2, IsDefault: false, IsConverted: false },
  { MasterLabel: 'Closed - Converted', ApiName: 'Closed - Converted', SortOrder: 3, IsDefault: false, IsConverted: true },
  { MasterLabel: 'Closed - Not Converted', ApiName: 'Closed - Not Converted', SortOrder: 4, IsDefault: false, IsConverted: false },
];
