/** A calendar date with no zone: what "Monday 2 March" means wherever you are. */
export interface CivilDate {
  year: number;
  month: number;
  day: number;
}

const dayMs = 86_400_000;

/** The date `days` later (or earlier), across month and year ends. */
export function addCivilDays(date: CivilDate, days: number): CivilDate {
  const d = new Date(Date.UTC(date.year, date.month - 1, date.day) + days * dayMs);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/** ISO weekday of a date: 1 = Monday … 7 = Sunday. */
export function isoWeekday(date: CivilDate): number {
  const sundayZero = new Date(Date.UTC(date.year, date.month - 1, date.day)).getUTCDay();
  return sundayZero === 0 ? 7 : sundayZero;
}

/** "2026-03-02". */
export function civilDateText(date: CivilDate): string {
  return `${String(date.year).padStart(4, '0')}-${pad2(date.month)}-${pad2(date.day)}`;
}

export function pad2(n: number): string {
  return String(n).padStart(2, '0');
}
