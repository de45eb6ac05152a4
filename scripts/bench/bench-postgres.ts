import { startTemporaryPostgres } from '../../test/support/start-postgres';
import type { BenchFigure } from './bench-figure';
import { summarise } from './bench-figure';
import type { BenchOptions } from './bench-options';
import { loadPlan, runLoadChild, startAccordChild, startBenchSandbox, type AccordChild } from './bench-stack';

/**
 * Ack throughput on the Postgres store with one Accord instance and with two on the same database,
 * alternating in the same run. A throwaway cluster (fsync on), or a new database on
 * ACCORD_TEST_DATABASE_URL's server. Each instance gets its own load generator (8 in flight).
 */
export async function benchPostgres(options: BenchOptions): Promise<BenchFigure[]> {
  const postgres = await startTemporaryPostgres();
  const sandbox = await startBenchSandbox(1000);
  const instances: AccordChild[] = [];
  const durationMs = options.quick ? 2000 : 3000;
  try {
    // One after the other: the first applies the migrations.
    instances.push(await startAccordChild(sandbox, postgres.url));
    instances.push(await startAccordChild(sandbox, postgres.url));
    const measure = async (count: number) => {
      const results = await Promise.all(instances.slice(0, count).map((instance) => runLoadChild(loadPlan(instance.url, { mode: 'closed', durationMs }))));
      const failed = results.reduce((s, r) => s + r.failed, 0);
      return { rate: results.reduce((s, r) => s + r.eventsAcked / (r.elapsedMs / 1000), 0), failed };
    };
    await measure(2);
    const one: number[] = [];
    const two: number[] = [];
    let failures = 0;
    for (let run = 0; run < options.runs; run += 1) {
      const a = await measure(1);
      const b = await measure(2);
      one.push(a.rate);
      two.push(b.rate);
      failures += a.failed + b.failed;
      options.log(`  postgres run ${run + 1}: one instance ${Math.round(a.rate)} events/s, two instances ${Math.round(b.rate)} events/s`);
    }
    const note =
      `closed loop, 8 in flight per instance, ${durationMs / 1000} s per run; ${failures} non-200 answers. On 2 cores the instances, their load generators, ` +
      'Postgres and the sandbox all share the same two CPUs, so a second instance adds processes, not CPU: it cannot double throughput here; each ack also waits for a Postgres commit (fsync on).';
    return [
      { name: 'Postgres store: ack throughput, one instance', unit: 'events/s', ...summarise(one), runs: options.runs, target: 'reported', met: null, note },
      { name: 'Postgres store: ack throughput, two instances', unit: 'events/s', ...summarise(two), runs: options.runs, target: 'reported', met: null, note: 'same run, alternating with one instance' },
    ];
  } finally {
    for (const instance of instances) await instance.stop();
    await sandbox.close();
    await postgres.stop();
  }
}
