import { benchmarkLeads, runCoreDecisionPass } from './bench-core-decisions';
import type { BenchFigure } from './bench-figure';
import { summarise } from './bench-figure';
import type { BenchOptions } from './bench-options';
import { scalingSizes } from './bench-options';

/** Decisions per second in the pure core, on this one process's core, over 100,000 leads. */
export function benchCore(options: BenchOptions): BenchFigure[] {
  const leads = benchmarkLeads(100_000);
  runCoreDecisionPass(leads.slice(0, 20_000)); // warm-up: let the JIT settle before measuring
  const rates = Array.from({ length: options.runs }, () => runCoreDecisionPass(options.quick ? leads.slice(0, 20_000) : leads));
  const scaling = scalingSizes(options).map((size) => ({ size, value: Math.round(runCoreDecisionPass(benchmarkLeads(size))), unit: 'decisions/s' }));
  const rate = summarise(rates);
  return [
    { name: 'core decisions per second (one core)', unit: 'decisions/s', ...rate, runs: options.runs, target: '≥ 100,000', met: rate.median >= 100_000, note: `decideWithRouting over ${options.quick ? '20,000' : '100,000'} leads per run`, scaling },
  ];
}
