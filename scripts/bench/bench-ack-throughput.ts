import type { BenchFigure } from './bench-figure';
import { summarise } from './bench-figure';
import type { BenchOptions } from './bench-options';
import { scalingSizes } from './bench-options';
import { benchDatabase, loadPlan, runLoadChild, startAccordChild, startBenchSandbox } from './bench-stack';
import { forkChild } from './fork-child';

/**
 * Webhook acks per second, durable on SQLite, HubSpot batches of 100, closed loop (8 requests in
 * flight) from a separate process — against a bare express handler measured in the same run,
 * alternating, so both see the same machine state.
 */
export async function benchAckThroughput(options: BenchOptions): Promise<BenchFigure[]> {
  const sandbox = await startBenchSandbox(1000);
  const database = benchDatabase();
  // The worker gets one CRM call an hour: it claims once and then waits without using CPU, so the figure is
  // the ack path alone and the bare handler is never measured beside a busy worker. (Ack latency runs with it.)
  const accord = await startAccordChild(sandbox, database.url, { HUBSPOT_RATE_LIMIT_REQUESTS: '1', HUBSPOT_RATE_LIMIT_WINDOW_MS: '3600000' });
  const bare = await forkChild('bare-express-child');
  const durationMs = options.quick ? 2000 : 3000;
  try {
    const accordRates: number[] = [];
    const bareRates: number[] = [];
    const ratios: number[] = [];
    let failures = 0;
    // One short pass of each first: JIT, sockets and SQLite's page cache warm.
    await runLoadChild(loadPlan(bare.url, { mode: 'closed', durationMs: 500 }));
    await runLoadChild(loadPlan(accord.url, { mode: 'closed', durationMs: 500 }));
    for (let run = 0; run < options.runs; run += 1) {
      const b = await runLoadChild(loadPlan(bare.url, { mode: 'closed', durationMs }));
      const a = await runLoadChild(loadPlan(accord.url, { mode: 'closed', durationMs }));
      failures += a.failed + b.failed;
      const accordRate = a.eventsAcked / (a.elapsedMs / 1000);
      const bareRate = b.eventsAcked / (b.elapsedMs / 1000);
      accordRates.push(accordRate);
      bareRates.push(bareRate);
      ratios.push((100 * accordRate) / bareRate);
      options.log(`  ack throughput run ${run + 1}: accord ${Math.round(accordRate)} events/s, bare ${Math.round(bareRate)} events/s`);
    }

    // Growth with the work: the same closed loop, bounded by count instead of time.
    const scaling: NonNullable<BenchFigure['scaling']> = [];
    for (const size of scalingSizes(options)) {
      const result = await runLoadChild(loadPlan(accord.url, { mode: 'closed', durationMs: 120_000, maxBatches: size / 100 }));
      scaling.push({ size, value: Math.round((1000 * result.elapsedMs) / size) / 1000, unit: 'ms per event acked' });
    }
    const ratio = summarise(ratios);
    return [
      {
        name: 'webhook ack throughput, durable SQLite, batches of 100',
        unit: 'events/s',
        ...summarise(accordRates),
        runs: options.runs,
        target: 'reported (ratio below)',
        met: null,
        note: `closed loop, 8 requests in flight, ${durationMs / 1000} s per run, load generator in its own process; worker idle (paced to one CRM call an hour); ${failures} non-200 answers`,
        scaling,
      },
      { name: 'bare express handler answering 200 (same run)', unit: 'events/s', ...summarise(bareRates), runs: options.runs, target: 'baseline', met: null },
      {
        name: 'ack throughput: Accord as % of bare express',
        unit: '%',
        ...ratio,
        runs: options.runs,
        target: '≥ 50 %',
        met: ratio.median >= 50,
        note: 'median of per-run ratios (each run measures both side by side)',
      },
    ];
  } finally {
    await bare.stop();
    await accord.stop();
    await sandbox.close();
    database.remove();
  }
}
