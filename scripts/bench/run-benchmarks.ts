import { writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { parseArgs } from 'node:util';
import { benchmarkLeads, runCoreDecisionPass } from './bench-core-decisions';

interface Figure {
  name: string;
  unit: string;
  median: number;
  min: number;
  max: number;
  runs: number;
  target: string;
  met: boolean;
}

function summarise(values: number[]): { median: number; min: number; max: number } {
  const sorted = [...values].sort((a, b) => a - b);
  return { median: sorted[Math.floor(sorted.length / 2)] ?? 0, min: sorted[0] ?? 0, max: sorted[sorted.length - 1] ?? 0 };
}

function main(): void {
  const { values } = parseArgs({ options: { json: { type: 'string' }, runs: { type: 'string', default: '7' } }, strict: true });
  const runs = Number(values.runs);
  const machine = { cores: cpus().length, cpu: cpus()[0]?.model ?? 'unknown', memoryGiB: Math.round(totalmem() / 2 ** 30), node: process.version };
  const figures: Figure[] = [];

  const leads = benchmarkLeads(100_000);
  runCoreDecisionPass(leads.slice(0, 20_000)); // warm-up: let the JIT settle before measuring
  const rates = Array.from({ length: runs }, () => runCoreDecisionPass(leads));
  const rate = summarise(rates);
  figures.push({ name: 'core decisions per second (one core, 100k leads)', unit: 'decisions/s', ...rate, runs, target: '≥ 100,000', met: rate.median >= 100_000 });

  process.stdout.write(`Machine: ${machine.cores} cores (${machine.cpu}), ${machine.memoryGiB} GiB, Node ${machine.node}\n\n`);
  process.stdout.write('| figure | median | spread (min–max) | runs | target | met |\n|---|---|---|---|---|---|\n');
  for (const f of figures) {
    const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
    process.stdout.write(`| ${f.name} | ${fmt(f.median)} ${f.unit} | ${fmt(f.min)}–${fmt(f.max)} | ${f.runs} | ${f.target} | ${f.met ? 'yes' : 'NO'} |\n`);
  }
  if (values.json) writeFileSync(values.json, JSON.stringify({ machine, figures }, null, 2));
}

main();
