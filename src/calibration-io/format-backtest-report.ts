import type { DefinitionComparison } from '../core/backtest/compare-definitions';
import { stageLabels, stages } from '../core/stage';
import { formatTable } from './format-table';

const percent = (x: number | null) => (x === null ? '–' : `${(x * 100).toFixed(1)} %`);

/** The backtest for a terminal: stage counts, sales-ready volume and load, then the leads that move. */
export function formatBacktestReport(result: DefinitionComparison, names: { current: string; draft: string }): string {
  const out: string[] = [];
  out.push(`Backtest over ${result.leads} historical leads: current "${names.current}" against draft "${names.draft}"`);
  out.push('');
  out.push(
    formatTable(
      ['', 'current', 'draft'],
      [
        ...stages.map((stage) => [stageLabels[stage], String(result.current.stages[stage]), String(result.draft.stages[stage])]),
        ['sales-ready volume', String(result.current.salesReady), String(result.draft.salesReady)],
        ['expected SQL rate', rate(result.current), rate(result.draft)],
        ['SLA load: hot', String(result.current.sla.hot), String(result.draft.sla.hot)],
        ['SLA load: standard', String(result.current.sla.standard), String(result.draft.sla.standard)],
      ],
    ),
  );
  out.push('', 'Sales-ready leads per owner');
  const owners = [...new Set([...result.current.ownerLoad, ...result.draft.ownerLoad].map((o) => o.ownerId))];
  out.push(
    formatTable(
      ['owner', 'current', 'hot', 'draft', 'hot'],
      owners.map((id) => {
        const c = result.current.ownerLoad.find((o) => o.ownerId === id);
        const d = result.draft.ownerLoad.find((o) => o.ownerId === id);
        return [id, String(c?.leads ?? 0), String(c?.hot ?? 0), String(d?.leads ?? 0), String(d?.hot ?? 0)];
      }),
    ),
  );
  out.push('', `${result.changed} leads would change stage`);
  for (const move of result.moves) out.push(`  ${stageLabels[move.from]} → ${stageLabels[move.to]}: ${move.leads}`);
  for (const change of result.changes) {
    out.push('', `Lead ${change.recordId}: ${stageLabels[change.from]} (${change.currentScore}) → ${stageLabels[change.to]} (${change.draftScore})`);
    out.push(indent(`now:   ${change.currentWhy}`), indent(`draft: ${change.draftWhy}`));
  }
  return `${out.join('\n')}\n`;
}

function rate(replay: DefinitionComparison['current']): string {
  if (replay.expectedSqlRate === null) return '–';
  return `${percent(replay.expectedSqlRate)} (${replay.expectedSqlRateSource === 'calibration' ? 'calibrated' : 'observed'})`;
}

function indent(text: string): string {
  return text
    .split('\n')
    .map((line) => `    ${line}`)
    .join('\n');
}
