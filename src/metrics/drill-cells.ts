import type { Cell } from './dashboard-table';
import { drillKey, drillMembers, type Drill } from './drill';
import type { LeadTimeline } from './lead-timeline';
import { ratio } from './ratio';

/**
 * Counts and rates computed from the same predicate the leads list uses, so a number and the list
 * behind it can never disagree.
 */
export class DrillCells {
  constructor(
    private readonly timelines: readonly LeadTimeline[],
    private readonly now: number,
  ) {}

  members(drill: Drill): LeadTimeline[] {
    return drillMembers(this.timelines, drill, this.now);
  }

  count(drill: Drill): Cell {
    const members = this.members(drill);
    return { value: members.length, drill: drillKey(drill), versions: versionsOf(members) };
  }

  /** numerator ÷ denominator, linked to the numerator's leads; null (with `emptyNote`) over no leads. */
  rate(numerator: Drill, denominator: Drill, emptyNote = 'no leads'): Cell {
    const part = this.members(numerator);
    const value = ratio(part.length, this.members(denominator).length);
    return value === null
      ? { value: null, note: emptyNote }
      : { value, drill: drillKey(numerator), versions: versionsOf(part) };
  }

  /** A statistic over the numerator's leads (a median, a sum), linked to them. */
  statistic(drill: Drill, compute: (members: LeadTimeline[]) => number | null, note: string): Cell {
    const members = this.members(drill);
    const value = compute(members);
    return value === null ? { value: null, note, drill: drillKey(drill), versions: [] } : { value, drill: drillKey(drill), versions: versionsOf(members) };
  }
}

export function versionsOf(timelines: readonly LeadTimeline[]): number[] {
  return [...new Set(timelines.flatMap((t) => t.versions))].sort((a, b) => a - b);
}
