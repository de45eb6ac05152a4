/**
 * The org's daily API allocation: every REST call counts; past the maximum Salesforce answers
 * 403 REQUEST_LIMIT_EXCEEDED until usage falls back (here: until reset).
 */
export class SalesforceApiUsage {
  used = 0;

  constructor(readonly max: number) {}

  take(): boolean {
    if (this.used >= this.max) return false;
    this.used += 1;
    return true;
  }

  reset(): void {
    this.used = 0;
  }
}
