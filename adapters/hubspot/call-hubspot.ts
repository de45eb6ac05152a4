import { translateHubspotError } from './translate-hubspot-error';
import { withTimeout } from './with-timeout';

/** Runs one SDK call under Accord's timeout and turns its failures into Accord's errors. */
export async function callHubspot<T>(action: string, timeoutMs: number, call: () => Promise<T>): Promise<T> {
  try {
    return await withTimeout(call(), timeoutMs, action);
  } catch (error) {
    throw translateHubspotError(error, action);
  }
}
