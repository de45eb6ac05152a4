import { withOneRefresh } from './refresh-scope';
import { translateSalesforceError } from './translate-salesforce-error';

/** Runs one adapter call (one or more HTTP requests) with at most one session refresh, translating its failures. */
export async function callSalesforce<T>(action: string, call: () => Promise<T>): Promise<T> {
  try {
    return await withOneRefresh(call);
  } catch (error) {
    throw translateSalesforceError(error, action);
  }
}
