/** Extra fields HubSpot puts on some error bodies (batch and validation errors). */
export interface HubspotErrorDetails {
  subCategory?: string;
  context?: Record<string, string[]>;
  errors?: Array<{ message: string; code?: string; context?: Record<string, string[]> }>;
}

/**
 * A request HubSpot would refuse, carried from the state or a route to the error handler,
 * which renders it as HubSpot's `{ status: 'error', message, correlationId, category }` body.
 */
export class HubspotApiError extends Error {
  constructor(
    readonly httpStatus: number,
    readonly category: string,
    message: string,
    readonly details: HubspotErrorDetails = {},
  ) {
    super(message);
    this.name = 'HubspotApiError';
  }
}

export function objectNotFound(message = 'resource not found'): HubspotApiError {
  return new HubspotApiError(404, 'OBJECT_NOT_FOUND', message);
}

export function validationError(message: string, details: HubspotErrorDetails = {}): HubspotApiError {
  return new HubspotApiError(400, 'VALIDATION_ERROR', message, details);
}
