/** The org lacks what Accord needs (its custom fields): an admin has to deploy Accord's package first. */
export class SalesforceSetupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SalesforceSetupError';
  }
}
