import { accordCustomFields } from './salesforce-lead-fields';
import type { SalesforceOrgProfile } from './salesforce-org-profile';
import { SalesforceSetupError } from './salesforce-setup-error';

/**
 * Install for Salesforce: Accord's custom fields come with its package (metadata deploy, with the
 * permission set that makes them visible to the integration user), not from API calls at runtime.
 * This checks they are there — the describe shows only fields the integration user can see — and
 * names the missing ones. Read-only, so running it again changes nothing.
 */
export function checkAccordFields(profile: SalesforceOrgProfile): void {
  const missing = accordCustomFields.filter((name) => !profile.leadFields.has(name));
  if (missing.length === 0) return;
  throw new SalesforceSetupError(
    `the org's Lead object lacks Accord's fields ${missing.join(', ')} (or the integration user cannot see them): ` +
      'deploy Accord\'s package and assign its permission set to the integration user (docs/salesforce.md)',
  );
}
