import { rejectionReasonLabels, type RejectionReason } from '../core/rejection-reasons';
import { stageLabels } from '../core/stage';
import { noValue } from './dashboard-filters';
import { tableVersions, textCell, type Cell, type DashboardTable, type TableRow } from './dashboard-table';
import type { LeadTimeline } from './lead-timeline';
import { slaStatus } from './sla-status';

export interface LeadsTableContext {
  title: string;
  now: number;
  ownerName(ownerId: string): string;
  recordUrl(recordId: string): string;
}

/**
 * The leads behind a number, one row each, linking to the CRM record. Ids, stages and groupings
 * only: the dashboard shows no names, emails or phones (the CRM record has them for whoever may see them).
 */
export function leadsTable(members: readonly LeadTimeline[], context: LeadsTableContext): DashboardTable {
  const rows = members.map((t): TableRow => {
    const versions = { versions: t.versions };
    const sla = slaStatus(t, context.now);
    return {
      record: { value: t.recordId, ...versions },
      url: textCell(context.recordUrl(t.recordId)),
      stage: textCell(stageLabels[t.stage]),
      score: { value: t.score, ...versions },
      owner: textCell(t.ownerId === null ? 'Unassigned' : context.ownerName(t.ownerId)),
      source: textCell(t.source ?? noValue),
      campaign: textCell(t.campaign ?? noValue),
      region: textCell(t.region ?? noValue),
      created: textCell(minute(t.createdAt)),
      sql: optional(t.reachedAt.sql === null ? null : minute(t.reachedAt.sql)),
      sla: optional(sla),
      rejection: optional(t.rejection === null ? null : reasonLabel(t.rejection.reason)),
      outcome: optional(t.outcome),
      definition: textCell(t.versions.map((v) => `v${v}`).join(', ')),
    };
  });
  return {
    id: 'leads',
    title: context.title,
    description: 'Each lead behind the number, newest first; the record opens in the CRM.',
    columns: [
      { key: 'record', label: 'Record', format: 'text' },
      { key: 'url', label: 'CRM link', format: 'text' },
      { key: 'stage', label: 'Stage now', format: 'text' },
      { key: 'score', label: 'Score', format: 'count' },
      { key: 'owner', label: 'Owner', format: 'text' },
      { key: 'source', label: 'Source', format: 'text' },
      { key: 'campaign', label: 'Campaign', format: 'text' },
      { key: 'region', label: 'Region', format: 'text' },
      { key: 'created', label: 'Created (UTC)', format: 'text' },
      { key: 'sql', label: 'Accepted by sales (UTC)', format: 'text' },
      { key: 'sla', label: 'SLA', format: 'text' },
      { key: 'rejection', label: 'Rejection reason', format: 'text' },
      { key: 'outcome', label: 'Outcome', format: 'text' },
      { key: 'definition', label: 'Definition', format: 'text' },
    ],
    rows,
    versions: tableVersions(rows),
  };
}

/** An instant to the minute, as people read it: 2026-11-18 18:40. */
function minute(iso: string): string {
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)}`;
}

function optional(value: string | null): Cell {
  return { value: value ?? '' };
}

function reasonLabel(reason: string): string {
  return rejectionReasonLabels[reason as RejectionReason] ?? reason;
}
