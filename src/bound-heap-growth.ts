import { setFlagsFromString } from 'node:v8';

/**
 * How far V8 lets the heap grow past what survived the last full collection, in percent. Left to
 * itself V8 grows it up to fourfold: draining a backlog, the worker's short-lived passes (leads,
 * decisions, snapshots) then pile up as garbage, and a 32 MB live heap took the process to 230 MiB
 * or more. At 20 % it collects sooner and the peak stays below 200 MB, for a few percent more GC
 * work (docs/performance.md).
 */
const heapGrowingPercent = 20;

let bounded = false;

/** Applies the heap growth bound to this process once. A V8 flag, so it is process-wide by nature. */
export function boundHeapGrowth(): void {
  if (bounded) return;
  bounded = true;
  setFlagsFromString(`--heap-growing-percent=${heapGrowingPercent}`);
}
