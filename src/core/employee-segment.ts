import type { Definition } from './definition';

type Segment = Definition['routing']['segments'][number];

/** The first segment whose bounds (inclusive, null = open) hold the head count; none when it is unknown. */
export function employeeSegment(employees: number | null, segments: readonly Segment[]): Segment | null {
  if (employees === null) return null;
  return (
    segments.find(
      (s) => (s.minEmployees === null || employees >= s.minEmployees) && (s.maxEmployees === null || employees <= s.maxEmployees),
    ) ?? null
  );
}
