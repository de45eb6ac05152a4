import type { BenchFigure } from './bench-figure';
import type { BenchMachine } from './bench-machine';

function format(n: number): string {
  if (Math.abs(n) >= 100) return Math.round(n).toLocaleString('en-US');
  if (Math.abs(n) >= 1) return n.toFixed(1);
  return n.toFixed(4);
}

/** The figures as a markdown table (what docs/performance.md shows), then how each grows with the work. */
export function formatFigureTable(machine: BenchMachine, figures: readonly BenchFigure[], run: { quick: boolean; runs: number; totalSeconds: number }): string {
  const lines = [
    `Machine: ${machine.cores} cores (${machine.cpu}), ${machine.memoryGiB} GiB, Node ${machine.node}, ${machine.platform}`,
    `Mode: ${run.quick ? 'quick' : 'full'}, ${run.runs} runs per figure unless noted; took ${Math.round(run.totalSeconds)} s`,
    '',
    '| figure | median | spread (min–max) | runs | target | met |',
    '|---|---|---|---|---|---|',
    ...figures.map((f) => {
      const unit = f.unit ? ` ${f.unit}` : '';
      const met = f.met === null ? '—' : f.met ? 'yes' : '**NO**';
      return `| ${f.name} | ${format(f.median)}${unit} | ${format(f.min)}–${format(f.max)} | ${f.runs} | ${f.target} | ${met} |`;
    }),
    '',
  ];
  const scaled = figures.filter((f) => f.scaling && f.scaling.length > 0);
  if (scaled.length > 0) {
    lines.push('Growth with the work:', '', '| figure | ' + 'size → value |'.repeat(1), '|---|---|');
    for (const f of scaled) {
      const cells = (f.scaling ?? []).map((s) => `${s.size.toLocaleString('en-US')}: ${format(s.value)} ${s.unit}`).join('; ');
      lines.push(`| ${f.name} | ${cells} |`);
    }
    lines.push('');
  }
  const notes = figures.filter((f) => f.note);
  if (notes.length > 0) {
    lines.push('Notes:', '', ...notes.map((f) => `- ${f.name}: ${f.note}`), '');
  }
  return `${lines.join('\n')}\n`;
}
