import { validationError, type HubspotApiError } from './hubspot-api-error';

/** One rejected property value, with HubSpot's error code (PROPERTY_DOESNT_EXIST, INVALID_OPTION, …). */
export interface PropertyValueError {
  name: string;
  error: string;
  message: string;
}

/**
 * HubSpot's 400 for bad property values: the per-property errors are JSON-encoded inside `message`
 * (`Property values were not valid: [{"isValid":false,...}]`); `errors` repeats them structured.
 */
export function propertyValuesNotValid(errors: readonly PropertyValueError[], portalId: string): HubspotApiError {
  const encoded = errors.map((e) => ({
    isValid: false,
    message: e.message,
    error: e.error,
    name: e.name,
    localizedErrorMessage: e.message,
    portalId: Number(portalId),
  }));
  return validationError(`Property values were not valid: ${JSON.stringify(encoded)}`, {
    errors: errors.map((e) => ({ message: e.message, code: e.error, context: { propertyName: [e.name] } })),
  });
}
