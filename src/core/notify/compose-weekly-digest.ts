import type { FeedbackRecord } from '../feedback-record';
import type { LeadSummary } from '../lead-summary';
import { rejectionReasonLabels, type RejectionReason } from '../rejection-reasons';
import { titleGroup } from './title-group';
import type { Commonality, DigestRejection, ReasonCount, RejectionGroup, WeeklyDigest } from './weekly-digest';
import { zonedDateLabel } from './zoned-date-label';

const weekMs = 7 * 86_400_000;
const shownRejections = 10;
const shownGroups = 5;
const shownCommonalities = 3;

export interface WeeklyDigestInput {
  /** Feedback recorded; only rejections in the week before `now` are counted. */
  rejections: readonly FeedbackRecord[];
  /** Leads that converted in that week. */
  conversions: readonly LeadSummary[];
  /** Every lead handed to sales in the week, the base rate for "in common"; else the converted and rejected leads. */
  handedOver?: readonly LeadSummary[];
  now: Date;
  timeZone: string;
}

/** The weekly digest for the week ending at `now`, for the Slack and Teams renderers. */
export function composeWeeklyDigest(input: WeeklyDigestInput): WeeklyDigest {
  const endMs = input.now.getTime();
  const startMs = endMs - weekMs;
  const rejections = input.rejections
    .filter((r) => {
      const at = Date.parse(r.rejectedAt);
      return at >= startMs && at < endMs;
    })
    .sort((a, b) => Date.parse(b.rejectedAt) - Date.parse(a.rejectedAt) || (a.recordId < b.recordId ? -1 : 1));
  const sourceFailures = rejections.filter((r) => r.classification.kind === 'source_failure').length;
  const base = unionByRecord(input.handedOver ?? rejections.map((r) => r.lead), input.conversions);
  return {
    periodStart: new Date(startMs).toISOString(),
    periodEnd: new Date(endMs).toISOString(),
    periodLabel: `${zonedDateLabel(startMs, input.timeZone).replace(/ \d{4}$/, '')} – ${zonedDateLabel(endMs, input.timeZone)}`,
    timeZone: input.timeZone,
    totals: {
      rejections: rejections.length,
      sourceFailures,
      definitionMisses: rejections.length - sourceFailures,
      conversions: input.conversions.length,
    },
    recentRejections: rejections.slice(0, shownRejections).map((r) => digestRejection(r, input.timeZone)),
    topReasons: reasonCounts(rejections),
    bySource: groupBy(rejections, (r) => r.source),
    byCampaign: groupBy(rejections, (r) => r.campaign),
    converted: {
      sources: commonalities(input.conversions, base, (l) => [l.source ?? '(none)']),
      signals: commonalities(input.conversions, base, (l) => l.signals),
      titles: commonalities(input.conversions, base, (l) => [titleGroup(l.title)]),
    },
  };
}

function digestRejection(r: FeedbackRecord, timeZone: string): DigestRejection {
  const about = [r.lead.title, r.lead.company].filter((part): part is string => part !== null && part.trim() !== '').join(', ');
  const name = r.lead.name ?? `Record ${r.recordId}`;
  return {
    recordId: r.recordId,
    who: about === '' ? name : `${name} (${about})`,
    reasonLabel: rejectionReasonLabels[r.reason],
    note: r.note,
    source: r.source,
    campaign: r.campaign,
    repName: r.repName,
    rejectedOn: zonedDateLabel(Date.parse(r.rejectedAt), timeZone),
    kind: r.classification.kind,
  };
}

function reasonCounts(rejections: readonly FeedbackRecord[]): ReasonCount[] {
  const counts = new Map<RejectionReason, number>();
  for (const r of rejections) counts.set(r.reason, (counts.get(r.reason) ?? 0) + 1);
  return [...counts]
    .map(([reason, count]) => ({ reason, label: rejectionReasonLabels[reason], count }))
    .sort((a, b) => b.count - a.count || (a.reason < b.reason ? -1 : 1));
}

/** The sources (or campaigns) with the most rejections, each with its reasons. */
function groupBy(rejections: readonly FeedbackRecord[], key: (r: FeedbackRecord) => string | null): RejectionGroup[] {
  const groups = new Map<string, FeedbackRecord[]>();
  for (const r of rejections) {
    const name = key(r)?.trim() || '(none)';
    const rows = groups.get(name);
    if (rows === undefined) groups.set(name, [r]);
    else rows.push(r);
  }
  return [...groups]
    .map(([name, rows]) => ({
      name,
      total: rows.length,
      sourceFailures: rows.filter((r) => r.classification.kind === 'source_failure').length,
      reasons: reasonCounts(rows),
    }))
    .sort((a, b) => b.total - a.total || (a.name < b.name ? -1 : 1))
    .slice(0, shownGroups);
}

/**
 * Values converted leads had more often than the base rate, strongest lift first. A value needs
 * two converted leads behind it (one when fewer than five converted), so one lucky lead is not a
 * pattern.
 */
function commonalities(conversions: readonly LeadSummary[], base: readonly LeadSummary[], values: (l: LeadSummary) => readonly string[]): Commonality[] {
  if (conversions.length === 0 || base.length === 0) return [];
  const converted = countValues(conversions, values);
  const everyone = countValues(base, values);
  const minCount = conversions.length < 5 ? 1 : 2;
  return [...converted]
    .filter(([, count]) => count >= minCount)
    .map(([value, count]) => {
      const share = count / conversions.length;
      const baseShare = (everyone.get(value) ?? count) / base.length;
      return { value, count, share, baseShare, lift: share / baseShare };
    })
    .sort((a, b) => b.lift - a.lift || b.count - a.count || (a.value < b.value ? -1 : 1))
    .slice(0, shownCommonalities);
}

function countValues(leads: readonly LeadSummary[], values: (l: LeadSummary) => readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const lead of leads) {
    for (const value of new Set(values(lead))) counts.set(value, (counts.get(value) ?? 0) + 1);
  }
  return counts;
}

/** The base population always holds the converted leads themselves. */
function unionByRecord(base: readonly LeadSummary[], conversions: readonly LeadSummary[]): LeadSummary[] {
  const seen = new Set(base.map((l) => l.recordId));
  return [...base, ...conversions.filter((l) => !seen.has(l.recordId))];
}
