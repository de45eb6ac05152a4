/** HubSpot answered 401: the access token is invalid, expired or revoked. Retrying with the same token cannot help. */
export class HubspotTokenRejectedError extends Error {
  constructor(action: string) {
    super(`HubSpot rejected the access token while trying to ${action} (401): it is invalid, expired or revoked — refresh it or reinstall the app`);
    this.name = 'HubspotTokenRejectedError';
  }
}
