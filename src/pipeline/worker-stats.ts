/** Running totals the worker keeps; API calls per event is a first-class figure. */
export interface WorkerStats {
  eventsProcessed: number;
  recordsDecided: number;
  recordsWritten: number;
  fieldsWritten: number;
  crmCalls: number;
  rateLimited: number;
  retried: number;
  deadLettered: number;
  lastDecidedAt: string | null;
}

export function emptyWorkerStats(): WorkerStats {
  return {
    eventsProcessed: 0,
    recordsDecided: 0,
    recordsWritten: 0,
    fieldsWritten: 0,
    crmCalls: 0,
    rateLimited: 0,
    retried: 0,
    deadLettered: 0,
    lastDecidedAt: null,
  };
}
