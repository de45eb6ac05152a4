import type { Lead } from '../../src/core/lead';
import { leadStatusForAccord, type LeadStatusCatalog } from './lead-status-catalog';
import { salesforceActivitySignals } from './salesforce-activity-signals';
import { salesforceFieldText } from './salesforce-field-text';
import { sameSalesforceId } from './salesforce-id';
import { salesforceInputDigest } from './salesforce-input-digest';
import { leadFieldTypes } from './salesforce-lead-fields';
import { salesforceBoolean, salesforceDatetime, salesforceNumber } from './salesforce-value';

export interface LeadMappingContext {
  tenantId: string;
  /** Leads owned by Accord's own user are unassigned as far as routing goes. */
  integrationUserId: string | null;
  statuses: LeadStatusCatalog | null;
}

const notProvided = '[not provided]';

/** Users have ids starting 005; a queue (00G) can hold a lead but is nobody routing could keep. */
const userIdPrefix = '005';

/** A Lead record (REST JSON or an outbound message's sObject) as the core's Lead. */
export function salesforceRecordToLead(values: Readonly<Record<string, unknown>>, context: LeadMappingContext): Lead {
  const raw: Record<string, string | null> = {};
  for (const [name, value] of Object.entries(values)) {
    if (name === 'attributes') continue;
    raw[name] = salesforceFieldText(leadFieldTypes[name] ?? 'text', value);
  }
  const text = (name: string): string | null => raw[name] ?? null;
  // Web-to-lead fills required fields left empty with "[not provided]": for Accord they are missing.
  const given = (name: string): string | null => (text(name)?.trim() === notProvided ? null : text(name));
  const email = text('Email');
  const owner = text('OwnerId');
  const ownerId = owner !== null && owner.startsWith(userIdPrefix) && !sameSalesforceId(owner, context.integrationUserId) ? owner : null;
  return {
    crm: 'salesforce',
    tenantId: context.tenantId,
    recordId: text('Id') ?? '',
    email,
    firstName: text('FirstName'),
    lastName: given('LastName'),
    title: text('Title'),
    company: given('Company'),
    domain: domainOf(email),
    industry: text('Industry'),
    employees: salesforceNumber(values.NumberOfEmployees),
    annualRevenue: salesforceNumber(values.AnnualRevenue),
    country: text('Country'),
    state: text('State'),
    phone: text('Phone'),
    source: text('LeadSource'),
    // Campaigns hang off CampaignMember, not the Lead: reading them would cost a query per batch.
    campaign: null,
    status: leadStatusForAccord(text('Status'), context.statuses),
    ownerId,
    doNotContact: salesforceBoolean(values.HasOptedOutOfEmail) || salesforceBoolean(values.DoNotCall),
    createdAt: salesforceDatetime(values.CreatedDate),
    activity: salesforceActivitySignals(values),
    rejectionReason: text('Accord_Rejection_Reason__c'),
    rejectionNote: text('Accord_Rejection_Note__c'),
    accord: {
      score: salesforceNumber(values.Accord_Score__c),
      stage: text('Accord_Stage__c'),
      why: text('Accord_Why__c'),
      definitionVersion: salesforceNumber(values.Accord_Definition_Version__c),
      slaDueAt: salesforceDatetime(values.Accord_SLA_Due__c),
      slaState: text('Accord_SLA_State__c'),
      ownerId,
    },
    raw,
    inputDigest: salesforceInputDigest(values),
  };
}

function domainOf(email: string | null): string | null {
  if (email === null) return null;
  const at = email.lastIndexOf('@');
  const domain = at < 0 ? '' : email.slice(at + 1).trim().toLowerCase();
  return domain === '' ? null : domain;
}
