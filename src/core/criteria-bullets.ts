import type { Reason } from './decision';
import type { Criterion, Definition } from './definition';
import { predicateFields } from './predicate-fields';

/** Up to this many criteria, the why lists every one; learned definitions have dozens. */
const listAllUpTo = 8;
const shownMet = 4;
const shownMissed = 2;

export interface CriteriaBullets {
  bullets: string[];
  /** Criteria the bullets leave out without a line of their own (the why says "… N more"). */
  hidden: number;
  /** The label of the met criterion (or learned field) that carried the most points, if any did. */
  strongest: string | null;
}

/**
 * The why's lines for the definition's criteria (not intent or disqualifiers). A short definition
 * gets one line per criterion. A long one (a learned definition) gets the few that carried the
 * most points, one line for the rest of the points, and the biggest misses, so the "+" points still
 * add up to the score. A learned field's steps ("TotalVisits 4 or more", "… 6 or more") count as
 * one: the most specific step met names it, and it carries the steps' points together.
 */
export function criteriaBullets(reasons: readonly Reason[], definition: Definition, rawMaxPoints: number): CriteriaBullets {
  const criteria = reasons.filter((r) => r.kind !== 'intent' && r.kind !== 'disqualifier');
  if (criteria.length <= listAllUpTo) {
    const top = criteria.filter((r) => r.met && r.points > 0).sort((a, b) => b.points - a.points)[0];
    return { bullets: criteria.map(criterionBullet), hidden: 0, strongest: top?.label ?? null };
  }

  const byId = new Map(definition.criteria.map((c) => [c.id, c]));
  const groups = new Map<string, Reason[]>();
  for (const reason of criteria) {
    const key = groupKey(reason, byId.get(reason.criterionId));
    groups.set(key, [...(groups.get(key) ?? []), reason]);
  }
  const met = [...groups.values()]
    .filter((group) => group.some((r) => r.met))
    .map((group) => {
      const held = group.filter((r) => r.met);
      return { last: held[held.length - 1] as Reason, points: held.reduce((sum, r) => sum + r.points, 0), count: held.length };
    })
    .sort((a, b) => b.points - a.points);
  const worth = (r: Reason) => ((byId.get(r.criterionId)?.points ?? 0) * 100) / Math.max(rawMaxPoints, 1e-9);
  const missed = [...groups.values()]
    .filter((group) => group.some((r) => !r.met))
    .map((group) => {
      const open = group.filter((r) => !r.met);
      const biggest = open.reduce((best, r) => (worth(r) > worth(best) ? r : best));
      return { biggest, worth: open.reduce((sum, r) => sum + worth(r), 0), count: open.length };
    })
    .sort((a, b) => b.worth - a.worth);

  const bullets: string[] = [];
  const shown = met.slice(0, shownMet).filter((g) => g.points > 0);
  for (const group of shown) bullets.push(`+ ${group.last.label} (+${group.points}): ${evidenceWords(group.last.evidence)}`);
  const rest = met.filter((g) => !shown.includes(g));
  const restPoints = rest.reduce((sum, g) => sum + g.points, 0);
  const restCount = rest.reduce((sum, g) => sum + g.count, 0);
  if (restPoints > 0) bullets.push(`+ ${restCount} smaller ${restCount === 1 ? 'criterion' : 'criteria'} met (+${restPoints})`);
  const misses = missed.slice(0, shownMissed);
  for (const group of misses) bullets.push(criterionBullet(group.biggest));
  const hiddenMet = restPoints > 0 ? 0 : restCount;
  const hiddenMissed = missed.slice(shownMissed).reduce((sum, g) => sum + g.count, 0) + misses.reduce((sum, g) => sum + g.count - 1, 0);
  return { bullets, hidden: hiddenMet + hiddenMissed, strongest: shown[0]?.last.label ?? null };
}

/** "+ Title match (+30): title: VP Sales"; "- Company size 50–500 (0): employees: 12". */
export function criterionBullet(reason: Reason): string {
  return reason.met ? `+ ${reason.label} (+${reason.points}): ${evidenceWords(reason.evidence)}` : `- ${reason.label} (0): ${evidenceWords(reason.evidence)}`;
}

/** Steps learned for one field share an id stem ("totalvisits-1", "totalvisits-2") and the field they read. */
function groupKey(reason: Reason, criterion: Criterion | undefined): string {
  const stem = /^(.+)-\d+$/.exec(reason.criterionId)?.[1];
  if (stem === undefined || criterion === undefined) return `id:${reason.criterionId}`;
  return `step:${stem}:${predicateFields(criterion.when).join(',')}`;
}

/** A raw CRM property reads better without its path prefix: "Lead Source: Google", not "raw.Lead Source: Google". */
function evidenceWords(evidence: string): string {
  // Most evidence names no raw property: skip the regex, which costs more than a decision's scoring.
  return evidence.includes('raw.') ? evidence.replace(/(^|, )raw\./g, '$1') : evidence;
}
