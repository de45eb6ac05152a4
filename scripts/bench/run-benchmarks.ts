import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { benchAckLatency } from './bench-ack-latency';
import { benchAckThroughput } from './bench-ack-throughput';
import { benchApiCalls } from './bench-api-calls';
import { benchBackfill } from './bench-backfill';
import { benchCalibrationFigures } from './bench-calibration-figures';
import { benchCore } from './bench-core';
import { benchEndToEndLatency } from './bench-end-to-end-latency';
import type { BenchFigure } from './bench-figure';
import { benchMachine } from './bench-machine';
import type { BenchOptions } from './bench-options';
import { benchPeakMemory } from './bench-peak-memory';
import { benchPostgres } from './bench-postgres';
import { formatFigureTable } from './format-figure-table';

/** Every benchmark by the name `--only` takes, in the order the suite runs them. */
const benchmarks: Record<string, (options: BenchOptions) => BenchFigure[] | Promise<BenchFigure[]>> = {
  core: benchCore,
  'ack-throughput': benchAckThroughput,
  'ack-latency': benchAckLatency,
  'end-to-end': benchEndToEndLatency,
  'api-calls': benchApiCalls,
  backfill: benchBackfill,
  memory: benchPeakMemory,
  postgres: benchPostgres,
  calibration: () => benchCalibrationFigures(),
};

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { json: { type: 'string' }, runs: { type: 'string' }, quick: { type: 'boolean', default: false }, only: { type: 'string' } },
    strict: true,
  });
  const quick = values.quick ?? false;
  const runs = values.runs ? Number(values.runs) : quick ? 2 : 5;
  const only = values.only ? values.only.split(',').map((n) => n.trim()) : Object.keys(benchmarks);
  const unknown = only.filter((n) => !(n in benchmarks));
  if (unknown.length > 0) throw new Error(`unknown benchmark ${unknown.join(', ')}; known: ${Object.keys(benchmarks).join(', ')}`);
  const options: BenchOptions = { quick, runs, log: (line) => process.stderr.write(`${line}\n`) };
  const machine = benchMachine();
  const figures: BenchFigure[] = [];
  const timings: Record<string, number> = {};
  const failures: Record<string, string> = {};
  const started = Date.now();
  for (const name of only) {
    const run = benchmarks[name];
    if (!run) continue;
    options.log(`${name}…`);
    const at = Date.now();
    try {
      figures.push(...(await run(options)));
    } catch (error) {
      // One broken benchmark must not lose the others' figures.
      failures[name] = error instanceof Error ? (error.stack ?? error.message) : String(error);
      options.log(`  ${name} failed: ${failures[name]}`);
    }
    timings[name] = (Date.now() - at) / 1000;
    options.log(`  ${name} took ${timings[name]?.toFixed(0)} s`);
  }
  const totalSeconds = (Date.now() - started) / 1000;
  process.stdout.write(formatFigureTable(machine, figures, { quick, runs, totalSeconds }));
  if (Object.keys(failures).length > 0) process.stdout.write(`\nFailed: ${Object.keys(failures).join(', ')}\n`);
  if (values.json) {
    writeFileSync(values.json, `${JSON.stringify({ machine, quick, runs, totalSeconds, timings, figures, failures }, null, 2)}\n`);
  }
  process.exitCode = Object.keys(failures).length > 0 ? 1 : 0;
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
