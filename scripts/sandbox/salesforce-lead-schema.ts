import { rejectionReasons } from '../../src/core/rejection-reasons';
import { stages } from '../../src/core/stage';
import type { SalesforceFieldSpec } from './salesforce-field-spec';

const readOnly = { createable: false, updateable: false, nillable: false, custom: false } as const;
const standard = { createable: true, updateable: true, nillable: true, custom: false } as const;
const custom = { createable: true, updateable: true, nillable: true, custom: true } as const;

/** The standard Lead fields the sandbox knows: what Accord reads plus the usual neighbours. */
export function standardLeadFieldSpecs(statusValues: readonly string[]): SalesforceFieldSpec[] {
  return [
    { name: 'Id', label: 'Lead ID', type: 'id', ...readOnly },
    { name: 'FirstName', label: 'First Name', type: 'string', length: 40, ...standard },
    { name: 'LastName', label: 'Last Name', type: 'string', length: 80, ...standard, nillable: false },
    { name: 'Name', label: 'Full Name', type: 'string', length: 121, ...readOnly },
    { name: 'Email', label: 'Email', type: 'email', length: 80, ...standard },
    { name: 'Title', label: 'Title', type: 'string', length: 128, ...standard },
    { name: 'Company', label: 'Company', type: 'string', length: 255, ...standard, nillable: false },
    { name: 'Website', label: 'Website', type: 'url', length: 255, ...standard },
    { name: 'NumberOfEmployees', label: 'Employees', type: 'int', integerDigits: 8, ...standard },
    { name: 'Industry', label: 'Industry', type: 'picklist', length: 255, ...standard },
    { name: 'AnnualRevenue', label: 'Annual Revenue', type: 'currency', integerDigits: 18, ...standard },
    { name: 'Country', label: 'Country', type: 'string', length: 80, ...standard },
    { name: 'State', label: 'State/Province', type: 'string', length: 80, ...standard },
    { name: 'City', label: 'City', type: 'string', length: 40, ...standard },
    { name: 'Phone', label: 'Phone', type: 'phone', length: 40, ...standard },
    { name: 'MobilePhone', label: 'Mobile Phone', type: 'phone', length: 40, ...standard },
    { name: 'LeadSource', label: 'Lead Source', type: 'picklist', length: 255, ...standard },
    { name: 'Status', label: 'Status', type: 'picklist', length: 255, picklistValues: statusValues, restrictedPicklist: true, ...standard, nillable: false },
    { name: 'Rating', label: 'Rating', type: 'picklist', length: 255, ...standard },
    { name: 'Description', label: 'Description', type: 'textarea', length: 32000, ...standard },
    { name: 'OwnerId', label: 'Owner ID', type: 'reference', referenceTo: ['Group', 'User'], ...standard, nillable: false },
    { name: 'IsConverted', label: 'Converted', type: 'boolean', ...readOnly },
    { name: 'ConvertedDate', label: 'Converted Date', type: 'datetime', ...readOnly, nillable: true },
    { name: 'ConvertedOpportunityId', label: 'Converted Opportunity ID', type: 'reference', referenceTo: ['Opportunity'], ...readOnly, nillable: true },
    { name: 'HasOptedOutOfEmail', label: 'Email Opt Out', type: 'boolean', ...standard, nillable: false },
    { name: 'DoNotCall', label: 'Do Not Call', type: 'boolean', ...standard, nillable: false },
    { name: 'IsDeleted', label: 'Deleted', type: 'boolean', ...readOnly },
    { name: 'CreatedDate', label: 'Created Date', type: 'datetime', ...readOnly },
    { name: 'CreatedById', label: 'Created By ID', type: 'reference', referenceTo: ['User'], ...readOnly },
    { name: 'LastModifiedDate', label: 'Last Modified Date', type: 'datetime', ...readOnly },
    { name: 'LastModifiedById', label: 'Last Modified By ID', type: 'reference', referenceTo: ['User'], ...readOnly },
    { name: 'SystemModstamp', label: 'System Modstamp', type: 'datetime', ...readOnly },
  ];
}

/** What Accord's package deploys: its output fields and the rep's rejection fields. */
export const accordLeadFieldSpecs: readonly SalesforceFieldSpec[] = [
  { name: 'Accord_Score__c', label: 'Accord score', type: 'double', integerDigits: 3, ...custom },
  { name: 'Accord_Stage__c', label: 'Accord stage', type: 'picklist', length: 255, picklistValues: stages, restrictedPicklist: true, ...custom },
  { name: 'Accord_Why__c', label: 'Accord why', type: 'textarea', length: 32768, ...custom },
  { name: 'Accord_Definition_Version__c', label: 'Accord definition version', type: 'double', integerDigits: 6, ...custom },
  { name: 'Accord_SLA_Due__c', label: 'Accord SLA due', type: 'datetime', ...custom },
  { name: 'Accord_SLA_State__c', label: 'Accord SLA state', type: 'picklist', length: 255, picklistValues: ['on_track', 'due_soon', 'breached'], restrictedPicklist: true, ...custom },
  {
    name: 'Accord_Rejection_Reason__c',
    label: 'Accord rejection reason',
    type: 'picklist',
    length: 255,
    picklistValues: rejectionReasons,
    restrictedPicklist: true,
    ...custom,
  },
  { name: 'Accord_Rejection_Note__c', label: 'Accord rejection note', type: 'textarea', length: 32768, ...custom },
];

/** Marketing fields some orgs add to Lead; Accord reads them when present. */
export const optionalActivityFieldSpecs: readonly SalesforceFieldSpec[] = [
  { name: 'Page_Views__c', label: 'Page views', type: 'double', integerDigits: 18, ...custom },
  { name: 'Form_Submissions__c', label: 'Form submissions', type: 'double', integerDigits: 18, ...custom },
  { name: 'Last_Conversion__c', label: 'Last conversion', type: 'string', length: 255, ...custom },
  { name: 'Last_Conversion_Date__c', label: 'Last conversion date', type: 'datetime', ...custom },
];
