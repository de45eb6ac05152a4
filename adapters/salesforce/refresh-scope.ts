import { AsyncLocalStorage } from 'node:async_hooks';

interface RefreshState {
  refreshed: boolean;
  /** Why the refresh failed, as thrown: jsforce replaces it with a plain "Unable to refresh session" error. */
  failure: unknown;
}

/**
 * jsforce refreshes an expired session and resends the request, and does so again for as long as the
 * resent request also answers 401. Accord allows one refresh per call: the call runs in a scope, the
 * refresh function marks it, and a second refresh in the same call is refused.
 */
const scope = new AsyncLocalStorage<RefreshState>();

export async function withOneRefresh<T>(work: () => Promise<T>): Promise<T> {
  const state: RefreshState = { refreshed: false, failure: undefined };
  try {
    return await scope.run(state, work);
  } catch (error) {
    if (state.failure !== undefined && error instanceof Error && error.message.startsWith('Unable to refresh session')) throw state.failure;
    throw error;
  }
}

/** True the first time in a call (the refresh may go ahead), false after that. */
export function takeRefresh(): boolean {
  const current = scope.getStore();
  if (!current) return true;
  if (current.refreshed) return false;
  current.refreshed = true;
  return true;
}

export function recordRefreshFailure(error: unknown): void {
  const current = scope.getStore();
  if (current) current.failure = error;
}
