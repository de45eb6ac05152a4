/**
 * Resolves after the event loop has polled for I/O once. The worker shares the loop with webhook
 * acks, and the SQLite store's methods finish synchronously: without a yield, a whole pass of
 * store writes and decisions runs as one stretch while every webhook request waits behind it.
 */
export function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
