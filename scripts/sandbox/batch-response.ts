/** The envelope of HubSpot's batch answers; `status` is COMPLETE because the sandbox works synchronously. */
export function batchResponse<T>(results: T[], startedAt: number, completedAt: number) {
  return {
    status: 'COMPLETE' as const,
    results,
    startedAt: new Date(startedAt).toISOString(),
    completedAt: new Date(completedAt).toISOString(),
  };
}
