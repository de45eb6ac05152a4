import type { BenchFigure } from './bench-figure';
import { summarise } from './bench-figure';
import type { BenchOptions } from './bench-options';
import { benchDatabase, loadPlan, runLoadChild, startAccordChild, startBenchSandbox } from './bench-stack';

/** Ack latency at an open-loop 1,000 events/s (10 batches of 100 per second), measured from when each request was due. */
export async function benchAckLatency(options: BenchOptions): Promise<BenchFigure[]> {
  const sandbox = await startBenchSandbox(1000);
  const database = benchDatabase();
  const accord = await startAccordChild(sandbox, database.url);
  const durationMs = options.quick ? 4000 : 8000;
  try {
    await runLoadChild(loadPlan(accord.url, { mode: 'open', batchesPerSecond: 10, durationMs: 1000 }));
    const p99s: number[] = [];
    const p50s: number[] = [];
    let failures = 0;
    for (let run = 0; run < options.runs; run += 1) {
      const result = await runLoadChild(loadPlan(accord.url, { mode: 'open', batchesPerSecond: 10, durationMs, concurrency: 32 }));
      failures += result.failed;
      p99s.push(result.latencyMs.p99);
      p50s.push(result.latencyMs.p50);
      options.log(`  ack latency run ${run + 1}: p50 ${result.latencyMs.p50.toFixed(1)} ms, p99 ${result.latencyMs.p99.toFixed(1)} ms, max ${result.latencyMs.max.toFixed(1)} ms`);
    }
    const p99 = summarise(p99s);
    const note = `open loop, ${durationMs / 1000} s per run, worker draining meanwhile (real 110 / 10 s limit); ${failures} non-200 answers`;
    return [
      { name: 'webhook ack latency p50 at 1,000 events/s', unit: 'ms', ...summarise(p50s), runs: options.runs, target: 'reported', met: null, note },
      { name: 'webhook ack latency p99 at 1,000 events/s', unit: 'ms', ...p99, runs: options.runs, target: '< 20 ms', met: p99.median < 20, note },
    ];
  } finally {
    await accord.stop();
    await sandbox.close();
    database.remove();
  }
}
