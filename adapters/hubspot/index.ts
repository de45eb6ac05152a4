export { createHubspotAdapter, type HubspotAdapterOptions } from './create-hubspot-adapter';
export { readAccountPortalId } from './read-account-portal-id';
export { accordContactProperties, accordPropertyGroup, type AccordPropertyDefinition } from './accord-contact-properties';
export { hubspotContactProperties } from './hubspot-contact-to-lead';
export { HubspotTokenRejectedError } from './hubspot-token-rejected-error';
export { HubspotRequestError } from './hubspot-request-error';
