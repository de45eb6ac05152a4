import type { CrmEventKind } from '../../src/core/crm-event';

/** The contact subscriptions Accord understands; any other subscription type is ignored. */
export const hubspotSubscriptionKinds: ReadonlyMap<string, CrmEventKind> = new Map<string, CrmEventKind>([
  ['contact.creation', 'created'],
  ['contact.propertyChange', 'changed'],
  // A restored contact and a merge winner both need re-deciding, like any change.
  ['contact.restore', 'changed'],
  ['contact.merge', 'changed'],
  ['contact.deletion', 'deleted'],
  ['contact.privacyDeletion', 'privacy_deletion'],
]);
