import { createHubspotState, type HubspotState, type HubspotStateOptions } from './hubspot-state';
import { createSalesforceState, type SalesforceState, type SalesforceStateOptions } from './salesforce-state';

/**
 * Everything the sandbox CRM holds, in memory. One key per emulated CRM: the HubSpot portal and the
 * Salesforce org share no records (the seeder puts the same people in both).
 */
export interface CrmState {
  hubspot: HubspotState;
  salesforce: SalesforceState;
}

export function createCrmState(options: { hubspot: HubspotStateOptions; salesforce: SalesforceStateOptions }): CrmState {
  return { hubspot: createHubspotState(options.hubspot), salesforce: createSalesforceState(options.salesforce) };
}
