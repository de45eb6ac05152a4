import { toSalesforceId18 } from '../../adapters/salesforce/salesforce-id';
import type { Clock } from './clock';
import { SalesforceApiUsage } from './salesforce-api-usage';
import type { SalesforceFieldSpec } from './salesforce-field-spec';
import { salesforceIdFactory } from './salesforce-id-factory';
import { accordLeadFieldSpecs, optionalActivityFieldSpecs, standardLeadFieldSpecs } from './salesforce-lead-schema';
import { defaultLeadStatuses, type SalesforceLeadStatus } from './salesforce-lead-statuses';
import { SalesforceLeadStore } from './salesforce-lead-store';
import type { SalesforceOpportunity } from './salesforce-opportunity';
import { SalesforceSessions } from './salesforce-sessions';
import { SalesforceUserDirectory, type SalesforceUser } from './salesforce-user-directory';
import type { SandboxCompany } from './sandbox-company';


export interface SalesforceStateOptions {
  orgId: string;
  clientId: string;
  clientSecret: string;
  /** The refresh token the integration user granted the app. */
  refreshToken: string;
  sessionTtlMs: number;
  dailyApiLimit: number;
  /** Start as if Accord's package (its custom fields) was deployed. */
  accordFields: boolean;
  /** Give Lead the optional marketing fields (page views, conversions). */
  activityFields: boolean;
  clock: Clock;
}

/** One Salesforce org with Accord's connected app: schema, users, lead statuses, leads, sessions, API usage. */
export interface SalesforceState {
  orgId: string;
  /** The user Accord's refresh token acts as: its API writes come back with it as LastModifiedById. */
  integrationUserId: string;
  /** The user the sandbox pretends is at the keyboard for UI edits and web-to-lead, unless one is named. */
  adminUserId: string;
  /** The "Web Leads" queue: web-to-lead's default lead owner and the assignment rule's target. */
  leadQueueId: string;
  users: SalesforceUserDirectory;
  leads: SalesforceLeadStore;
  /** Accounts, for the account match's SOQL on Website. */
  accounts: SandboxCompany[];
  newAccountId(): string;
  /** Opportunities made by converting leads, by id. */
  opportunities: Map<string, SalesforceOpportunity>;
  newOpportunityId(): string;
  statuses: SalesforceLeadStatus[];
  sessions: SalesforceSessions;
  apiUsage: SalesforceApiUsage;
  /** Lead fields by lower-case name. */
  leadFields(): ReadonlyMap<string, SalesforceFieldSpec>;
  newUserId(): string;
  newRoleId(): string;
  newNotificationId(): string;
}

export function createSalesforceState(options: SalesforceStateOptions): SalesforceState {
  const orgId = toSalesforceId18(options.orgId);
  if (orgId === null || !orgId.startsWith('00D')) throw new Error(`orgId must be a Salesforce organization id (00D…), got '${options.orgId}'`);
  const newUserId = salesforceIdFactory('005');
  const statusId = salesforceIdFactory('01J');
  const statuses = defaultLeadStatuses.map((status) => ({ ...status, Id: statusId() }));
  const specs = [
    ...standardLeadFieldSpecs(statuses.map((status) => status.ApiName)),
    ...(options.accordFields ? accordLeadFieldSpecs : []),
    ...(options.activityFields ? optionalActivityFieldSpecs : []),
  ];
  const fields = new Map(specs.map((spec) => [spec.name.toLowerCase(), spec]));
  const users = new SalesforceUserDirectory();
  const person = (firstName: string, lastName: string, username: string): SalesforceUser =>
    users.add({ Id: newUserId(), Username: username, FirstName: firstName, LastName: lastName, Email: username, IsActive: true, UserRoleId: null });
  const integration = person('Accord', 'Integration', 'accord.integration@sandbox-hardware.example');
  const admin = person('Sandbox', 'Admin', 'admin@sandbox-hardware.example');
  const leadQueueId = salesforceIdFactory('00G')();
  const sessions = new SalesforceSessions({ clientId: options.clientId, clientSecret: options.clientSecret, sessionTtlMs: options.sessionTtlMs, clock: options.clock });
  sessions.grant(options.refreshToken, integration.Id);
  return {
    orgId,
    integrationUserId: integration.Id,
    adminUserId: admin.Id,
    users,
    leadQueueId,
    leads: new SalesforceLeadStore({ fields: () => fields, users, queues: new Set([leadQueueId]), statuses: () => statuses, clock: options.clock, newId: salesforceIdFactory('00Q') }),
    accounts: [],
    newAccountId: salesforceIdFactory('001'),
    opportunities: new Map(),
    newOpportunityId: salesforceIdFactory('006'),
    statuses,
    sessions,
    apiUsage: new SalesforceApiUsage(options.dailyApiLimit),
    leadFields: () => fields,
    newUserId,
    newRoleId: salesforceIdFactory('00E'),
    newNotificationId: salesforceIdFactory('04l'),
  };
}
