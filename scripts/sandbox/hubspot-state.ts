import { accordContactPropertySpecs, accordPropertyGroup } from './accord-contact-property-specs';
import type { Clock } from './clock';
import type { SandboxCompany } from './sandbox-company';
import { HubspotContactStore } from './hubspot-contact-store';
import { HubspotOauthTokens } from './hubspot-oauth-tokens';
import { HubspotOwnerDirectory } from './hubspot-owner-directory';
import { HubspotPropertyCatalog } from './hubspot-property-catalog';
import { standardContactProperties, standardContactPropertyGroups } from './hubspot-standard-contact-properties';

export interface HubspotStateOptions {
  portalId: string;
  appId: string;
  accessToken: string;
  clientSecret: string;
  clientId?: string;
  preinstallAccordProperties: boolean;
  clock: Clock;
}

/** One HubSpot portal with the app installed: schema, owners, contacts and the app's OAuth grants. */
export interface HubspotState {
  portalId: string;
  appId: string;
  properties: HubspotPropertyCatalog;
  owners: HubspotOwnerDirectory;
  contacts: HubspotContactStore;
  oauth: HubspotOauthTokens;
  /** Companies, for the account match's search by domain. */
  companies: SandboxCompany[];
}

export const defaultOauthScopes = ['oauth', 'crm.objects.contacts.read', 'crm.objects.contacts.write', 'crm.schemas.contacts.read', 'crm.schemas.contacts.write', 'crm.objects.owners.read'];

export function createHubspotState(options: HubspotStateOptions): HubspotState {
  const { clock, portalId } = options;
  const properties = new HubspotPropertyCatalog(clock);
  for (const group of standardContactPropertyGroups) properties.createGroup(group);
  for (const spec of standardContactProperties) properties.create({ hubspotDefined: true, ...spec });
  if (options.preinstallAccordProperties) {
    properties.createGroup(accordPropertyGroup);
    for (const spec of accordContactPropertySpecs) properties.create(spec);
  }
  const owners = new HubspotOwnerDirectory(clock);
  const contacts = new HubspotContactStore({ catalog: properties, owners, clock, portalId });
  const oauth = new HubspotOauthTokens(
    { clientId: options.clientId, clientSecret: options.clientSecret, appId: options.appId, portalId, scopes: defaultOauthScopes },
    options.accessToken,
    clock,
  );
  return { portalId, appId: options.appId, properties, owners, contacts, oauth, companies: [] };
}
