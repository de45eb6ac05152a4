import type { Cell } from './dashboard-table';
import { drillKey, groupOf, hasMetric, scopeGroup, type Drill, type DrillScope } from './drill';
import type { LeadTimeline } from './lead-timeline';
import { ratio } from './ratio';

/**
 * Counts and rates computed from the same predicate the leads list uses, so a number and the list
 * behind it can never disagree.
 */
export class DrillCells {
  private readonly groups = new Map<DrillScope['kind'], Map<string, LeadTimeline[]>>();
  private readonly memo = new Map<string, LeadTimeline[]>();

  constructor(
    private readonly timelines: readonly LeadTimeline[],
    private readonly now: number,
  ) {}

  /**
   * drillMembers, computed faster for a whole page: each kind of group is indexed in one pass and
   * each drill answered once, so a page of hundreds of numbers stays one pass per kind over the leads.
   */
  members(drill: Drill): LeadTimeline[] {
    const key = drillKey(drill);
    let members = this.memo.get(key);
    if (members === undefined) {
      const inGroup = this.group(drill.scope.kind).get(scopeGroup(drill.scope)) ?? [];
      members = inGroup.filter((t) => hasMetric(t, drill.metric, this.now));
      this.memo.set(key, members);
    }
    return members;
  }

  private group(kind: DrillScope['kind']): Map<string, LeadTimeline[]> {
    let index = this.groups.get(kind);
    if (index === undefined) {
      index = new Map();
      for (const t of this.timelines) {
        const group = groupOf(t, kind);
        if (group === null) continue;
        const list = index.get(group);
        if (list) list.push(t);
        else index.set(group, [t]);
      }
      this.groups.set(kind, index);
    }
    return index;
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
