/** OAuth endpoints answer with their own body: `{ status: 'BAD_AUTH_CODE', message, correlationId }`. */
export class HubspotOauthError extends Error {
  constructor(
    readonly status: 'BAD_AUTH_CODE' | 'BAD_REFRESH_TOKEN' | 'BAD_CLIENT_ID' | 'BAD_CLIENT_SECRET' | 'BAD_GRANT_TYPE' | 'BAD_REDIRECT_URI' | 'NOT_FOUND',
    message: string,
    readonly httpStatus = 400,
  ) {
    super(message);
    this.name = 'HubspotOauthError';
  }
}
