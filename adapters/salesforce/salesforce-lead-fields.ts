/** How Accord reads a Lead field's value: REST answers typed JSON, outbound messages answer text. */
export type SalesforceFieldType = 'text' | 'number' | 'boolean' | 'datetime' | 'id';

/** Standard Lead fields Accord reads: the inputs of a decision, and who changed the record last. */
export const standardLeadFields = {
  FirstName: 'text',
  LastName: 'text',
  Email: 'text',
  Title: 'text',
  Company: 'text',
  NumberOfEmployees: 'number',
  Industry: 'text',
  AnnualRevenue: 'number',
  Country: 'text',
  State: 'text',
  Phone: 'text',
  LeadSource: 'text',
  Status: 'text',
  OwnerId: 'id',
  IsConverted: 'boolean',
  HasOptedOutOfEmail: 'boolean',
  DoNotCall: 'boolean',
  CreatedDate: 'datetime',
  LastModifiedDate: 'datetime',
  LastModifiedById: 'id',
} as const satisfies Record<string, SalesforceFieldType>;

/** Fields Accord writes on the Lead (its package creates the custom ones). */
export const accordOutputFields = {
  Accord_Score__c: 'number',
  Accord_Stage__c: 'text',
  Accord_Why__c: 'text',
  Accord_Definition_Version__c: 'number',
  Accord_SLA_Due__c: 'datetime',
  Accord_SLA_State__c: 'text',
} as const satisfies Record<string, SalesforceFieldType>;

/** Rep-entered fields Accord reads back: the rejection picklist and its note. */
export const accordFeedbackFields = {
  Accord_Rejection_Reason__c: 'text',
  Accord_Rejection_Note__c: 'text',
} as const satisfies Record<string, SalesforceFieldType>;

/**
 * Marketing fields a Lead has only when the org adds them (Salesforce has no page views or
 * conversions on Lead): read when the describe call shows them, else their signals stay unknown.
 */
export const optionalActivityFields = {
  Page_Views__c: 'number',
  Form_Submissions__c: 'number',
  Last_Conversion__c: 'text',
  Last_Conversion_Date__c: 'datetime',
} as const satisfies Record<string, SalesforceFieldType>;

export type OptionalActivityField = keyof typeof optionalActivityFields;

/** Every field Accord may read, with its type. */
export const leadFieldTypes: Readonly<Record<string, SalesforceFieldType>> = {
  Id: 'id',
  ...standardLeadFields,
  ...accordOutputFields,
  ...accordFeedbackFields,
  ...optionalActivityFields,
};

/** The Accord custom fields install checks for. */
export const accordCustomFields: readonly string[] = [...Object.keys(accordOutputFields), ...Object.keys(accordFeedbackFields)];

/** Fields that say who touched the record and when, not what it holds: never part of a decision's inputs. */
export const modificationFields: ReadonlySet<string> = new Set(['LastModifiedDate', 'LastModifiedById', 'SystemModstamp']);

/** The SELECT list of a Lead read: standard fields, Accord's fields, and the optional fields the org has. */
export function leadSelectFields(presentOptionalFields: readonly OptionalActivityField[]): string[] {
  return ['Id', ...Object.keys(standardLeadFields), ...accordCustomFields, ...presentOptionalFields];
}
