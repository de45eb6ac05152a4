import { createHubspotState, type HubspotState, type HubspotStateOptions } from './hubspot-state';

/**
 * Everything the sandbox CRM holds, in memory. One key per emulated CRM, so the Salesforce half
 * can be added next to HubSpot without the two sharing records.
 */
export interface CrmState {
  hubspot: HubspotState;
}

export function createCrmState(options: { hubspot: HubspotStateOptions }): CrmState {
  return { hubspot: createHubspotState(options.hubspot) };
}
