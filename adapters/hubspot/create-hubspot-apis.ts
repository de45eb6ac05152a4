import { Client } from '@hubspot/api-client';

/** The parts of the SDK Accord uses, bound to one access token. */
export interface HubspotApis {
  contactsBatch: Client['crm']['contacts']['batchApi'];
  companiesSearch: Client['crm']['companies']['searchApi'];
  contactsBasic: Client['crm']['contacts']['basicApi'];
  contactsSearch: Client['crm']['contacts']['searchApi'];
  owners: Client['crm']['owners']['ownersApi'];
  properties: Client['crm']['properties']['coreApi'];
  propertyGroups: Client['crm']['properties']['groupsApi'];
}

/**
 * Builds a Client without the SDK's retry and limiter: those live in a process-wide singleton
 * (the last Client constructed wins), so per-tenant limits and retries are Accord's job.
 * The API objects are taken right away because the SDK applies that singleton's decorators when an
 * API object is first touched; taking them now pins them to this client's "no decorators".
 */
export function createHubspotApis(accessToken: string, basePath: string | undefined): HubspotApis {
  const client = createHubspotClient(accessToken, basePath);
  return {
    contactsBatch: client.crm.contacts.batchApi,
    companiesSearch: client.crm.companies.searchApi,
    contactsBasic: client.crm.contacts.basicApi,
    contactsSearch: client.crm.contacts.searchApi,
    owners: client.crm.owners.ownersApi,
    properties: client.crm.properties.coreApi,
    propertyGroups: client.crm.properties.groupsApi,
  };
}

export function createHubspotClient(accessToken: string, basePath: string | undefined): Client {
  return new Client({ accessToken, numberOfApiCallRetries: 0, ...(basePath ? { basePath: basePath.replace(/\/+$/, '') } : {}) });
}
