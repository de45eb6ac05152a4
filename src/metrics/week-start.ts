const dayMs = 24 * 60 * 60 * 1000;

/** The Monday (UTC) of the ISO week an instant falls in, as YYYY-MM-DD: the cohort a lead belongs to. */
export function weekStart(instant: string): string {
  const date = new Date(instant);
  if (Number.isNaN(date.getTime())) throw new Error(`not an ISO time: "${instant}"`);
  const day = Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate());
  const sinceMonday = (date.getUTCDay() + 6) % 7;
  return new Date(day - sinceMonday * dayMs).toISOString().slice(0, 10);
}
