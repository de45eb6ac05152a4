import type { GroupOutcomes, ShadowSide } from '../core/shadow/compare-shadow-run';
import { stageLabels, type Stage } from '../core/stage';
import type { ShadowReport } from '../pipeline/build-shadow-report';
import type { ShadowRunView } from '../pipeline/shadow-run-view';
import { formatTable } from './format-table';

const percent = (x: number | null) => (x === null ? '–' : `${(x * 100).toFixed(1)} %`);
/** A shadow call is never `sql`: sales' acceptance is an outcome, not a call. */
const calledStages: readonly Stage[] = ['disqualified', 'nurture', 'mql', 'sales_ready'];

/** The shadow comparison for a terminal: the verdict, both definitions side by side, then the leads they called differently. */
export function formatShadowReport({ run, comparison: c }: ShadowReport): string {
  const out: string[] = [];
  out.push(`Shadow run ${run.id}: draft ${run.draftId}${run.candidateName ? ` "${run.candidateName}"` : ''} against the live definition (${describeRun(run)})`);
  out.push(`${c.leads} leads scored; outcomes so far: ${c.outcomes.accepted + c.outcomes.won} accepted (${c.outcomes.won} won), ${c.outcomes.rejected} rejected, ${c.outcomes.awaiting} awaiting`);
  out.push('', c.verdict, '');
  const row = (label: string, of: (side: ShadowSide) => string) => [label, of(c.live), of(c.candidate)];
  const group = (label: string, pick: (side: ShadowSide) => GroupOutcomes) => [
    row(`${label}: leads`, (s) => String(pick(s).leads)),
    row(`${label}: accepted / rejected / awaiting`, (s) => `${pick(s).accepted} / ${pick(s).rejected} / ${pick(s).awaiting}`),
    row(`${label}: accepted rate`, (s) => percent(pick(s).acceptedRate)),
    row(`${label}: rejected rate`, (s) => percent(pick(s).rejectedRate)),
  ];
  out.push(
    formatTable(
      ['', 'live', 'candidate'],
      [
        ...calledStages.map((stage) => row(stageLabels[stage], (s) => String(s.stages[stage]))),
        ...group('sales-ready', (s) => s.salesReadyOutcomes),
        ...group('MQL or above', (s) => s.mqlOrAboveOutcomes),
        row('accepted leads kept below MQL', (s) => String(s.missed)),
        row('AUC, accepted vs rejected', (s) => (s.auc === null ? '–' : s.auc.toFixed(3))),
        row('mean probability vs observed', (s) => (s.calibration === null ? '–' : `${percent(s.calibration.meanProbability)} vs ${percent(s.calibration.observedRate)}`)),
      ],
    ),
  );
  out.push('', `${c.changed} leads called differently`);
  for (const move of c.moves) out.push(`  ${stageLabels[move.from]} → ${stageLabels[move.to]}: ${move.leads}`);
  for (const change of c.changes) {
    const outcome = change.outcome === null ? 'no outcome yet' : change.outcome;
    out.push('', `Lead ${change.recordId}: live ${stageLabels[change.live]} (${change.liveScore}), candidate ${stageLabels[change.candidate]} (${change.candidateScore}) — ${outcome}`);
    out.push(indent(`live:      ${change.liveWhy}`), indent(`candidate: ${change.candidateWhy}`));
  }
  return `${out.join('\n')}\n`;
}

function describeRun(run: ShadowRunView): string {
  const until = run.stoppedAt === null ? `until ${run.endsAt}` : `stopped ${run.stoppedAt}`;
  return `${run.status}, from ${run.startedAt} ${until}, started by ${run.startedBy}`;
}

function indent(text: string): string {
  return text
    .split('\n')
    .map((line) => `    ${line}`)
    .join('\n');
}
