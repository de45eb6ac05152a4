import type { ShadowRunView } from '../pipeline/shadow-run-view';
import { formatTable } from './format-table';

/** The runs of a tenant, newest first, one line each. */
export function formatShadowRuns(runs: readonly ShadowRunView[]): string {
  if (runs.length === 0) return 'No shadow runs yet.\n';
  const rows = runs.map((r) => [String(r.id), String(r.draftId), r.candidateName ?? '–', r.status, r.startedAt, r.stoppedAt ?? r.endsAt, r.startedBy]);
  return `${formatTable(['run', 'draft', 'candidate', 'status', 'started', 'ends / stopped', 'by'], rows)}\n`;
}
