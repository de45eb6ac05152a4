/** HubSpot refused a call for a reason retrying will not fix (4xx other than 401/429). */
export class HubspotRequestError extends Error {
  constructor(
    message: string,
    readonly status: number,
    /** HubSpot's error category, e.g. VALIDATION_ERROR, OBJECT_NOT_FOUND, CONFLICT. */
    readonly category: string | null,
    /** Record ids HubSpot named in the error's context, when it names any. */
    readonly ids: string[],
  ) {
    super(message);
    this.name = 'HubspotRequestError';
  }
}
