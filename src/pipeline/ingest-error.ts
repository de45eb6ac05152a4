/** A webhook we refuse, with the HTTP status and a message the sender can act on. Nothing was stored. */
export class IngestError extends Error {
  constructor(
    readonly status: 400 | 401 | 403 | 404 | 413 | 415,
    message: string,
  ) {
    super(message);
    this.name = 'IngestError';
  }
}
