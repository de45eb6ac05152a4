import { toSalesforceId18 } from '../../../adapters/salesforce/salesforce-id';
import type { CrmKind } from '../../core/lead';
import { ApiError } from './api-error';

/** A HubSpot contact id, or a Salesforce Lead id (00Q…) in its 18-character form; anything else is a 400. */
export function parseRecordId(crm: CrmKind, raw: string): string {
  if (crm === 'hubspot') {
    if (/^[0-9]{1,20}$/.test(raw)) return raw;
  } else {
    const id = raw.startsWith('00Q') ? toSalesforceId18(raw) : null;
    if (id !== null) return id;
  }
  throw new ApiError(400, 'bad_request', `"${raw.slice(0, 40)}" is not a ${crm === 'hubspot' ? 'HubSpot contact' : 'Salesforce Lead'} id`);
}
