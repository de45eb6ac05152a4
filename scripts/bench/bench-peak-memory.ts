import type { BenchFigure } from './bench-figure';
import { summarise } from './bench-figure';
import type { BenchOptions } from './bench-options';
import { scalingSizes } from './bench-options';
import { benchDatabase, loadPlan, runLoadChild, startAccordChild, startBenchSandbox } from './bench-stack';

const mib = 2 ** 20;

/**
 * Peak RSS (VmHWM) of an Accord process that receives a backlog of `events` through the webhook
 * (batches of 100, as fast as it acks) and drains it. The sandbox's rate limit is off here so the
 * drain takes seconds, not minutes: memory, not pacing, is what this measures.
 */
async function peakFor(events: number): Promise<{ peakMiB: number; maxPending: number }> {
  const sandbox = await startBenchSandbox(1000, { rateLimit: null });
  const database = benchDatabase();
  const accord = await startAccordChild(sandbox, database.url, { HUBSPOT_RATE_LIMIT_REQUESTS: '1000000' });
  let maxPending = 0;
  let sampling = true;
  const sampler = (async () => {
    while (sampling) {
      const probe = await accord.probe();
      maxPending = Math.max(maxPending, probe.queue.pending);
      await new Promise((r) => setTimeout(r, 250));
    }
  })();
  try {
    await runLoadChild(loadPlan(accord.url, { mode: 'closed', durationMs: 600_000, maxBatches: events / 100 }));
    const last = await accord.drained(600_000);
    sampling = false;
    await sampler;
    return { peakMiB: last.peakRssBytes / mib, maxPending };
  } finally {
    sampling = false;
    await accord.stop();
    await sandbox.close();
    database.remove();
  }
}

export async function benchPeakMemory(options: BenchOptions): Promise<BenchFigure[]> {
  const sizes = scalingSizes(options);
  const largest = sizes[sizes.length - 1] ?? 10_000;
  const scaling: NonNullable<BenchFigure['scaling']> = [];
  const peaks: number[] = [];
  let maxPending = 0;
  for (const size of sizes) {
    const result = await peakFor(size);
    scaling.push({ size, value: Math.round(result.peakMiB), unit: 'MiB peak RSS' });
    if (size === largest) {
      peaks.push(result.peakMiB);
      maxPending = Math.max(maxPending, result.maxPending);
    }
    options.log(`  peak memory with ${size} events: ${result.peakMiB.toFixed(0)} MiB (inbox reached ${result.maxPending})`);
  }
  const repeats = options.quick ? 0 : 1;
  for (let i = 0; i < repeats; i += 1) {
    const result = await peakFor(largest);
    peaks.push(result.peakMiB);
    maxPending = Math.max(maxPending, result.maxPending);
    options.log(`  peak memory with ${largest} events (repeat): ${result.peakMiB.toFixed(0)} MiB (inbox reached ${result.maxPending})`);
  }
  const peak = summarise(peaks);
  return [
    {
      name: `peak RSS with a ${largest.toLocaleString('en-US')}-event backlog`,
      unit: 'MiB',
      ...peak,
      runs: peaks.length,
      target: '< 200 MB',
      met: peak.max * mib < 200e6,
      note: `Accord child process, VmHWM; inbox backlog reached ${maxPending} events; sandbox rate limit off for a quick drain`,
      scaling,
    },
  ];
}
