import { randomUUID } from 'node:crypto';
import type { HubspotApiError, HubspotErrorDetails } from './hubspot-api-error';

export interface HubspotErrorBody extends HubspotErrorDetails {
  status: 'error';
  message: string;
  correlationId: string;
  category: string;
}

/** HubSpot's standard error body; every error gets a fresh correlation id, as in production. */
export function hubspotErrorBody(error: HubspotApiError): HubspotErrorBody {
  return {
    status: 'error',
    message: error.message,
    correlationId: randomUUID(),
    category: error.category,
    ...error.details,
  };
}
