import { CrmUnavailableError } from '../../src/core/crm-adapter';

/**
 * Gives up on a HubSpot call after `timeoutMs`. The SDK offers no abort signal, so the request itself
 * runs on in the background; its late result or error is dropped (the handlers below still observe it,
 * so a late failure is never an unhandled rejection).
 */
export function withTimeout<T>(work: Promise<T>, timeoutMs: number, action: string): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => {
      reject(new CrmUnavailableError(`HubSpot did not answer within ${timeoutMs} ms while trying to ${action}`, null));
    }, timeoutMs);
    work.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error);
      },
    );
  });
}
