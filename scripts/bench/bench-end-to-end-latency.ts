import { simulatedWriteSource } from '../sandbox/sandbox-write-sources';
import type { BenchFigure } from './bench-figure';
import { percentile, summarise } from './bench-figure';
import type { BenchOptions } from './bench-options';
import { benchAppId, benchDatabase, firstSeededId, startAccordChild, startBenchSandbox } from './bench-stack';

const contacts = 1000;
const eventsPerSecond = 200;
// Flipping between a buyer title and a disqualifying one changes every lead's decision, so every edit needs a write-back.
const titles = ['VP Sales', 'Student'] as const;

/**
 * Reps edit contacts at a steady 200 per second in the sandbox; the sandbox sends the signed webhooks
 * (its HubSpot-like 50 ms batching) to Accord in a child process, which reads, decides and writes back
 * under the real 110 / 10 s limit. Latency: the edit until Accord's write to that contact lands.
 */
export async function benchEndToEndLatency(options: BenchOptions): Promise<BenchFigure[]> {
  const sandbox = await startBenchSandbox(contacts);
  const database = benchDatabase();
  const accord = await startAccordChild(sandbox, database.url);
  sandbox.setWebhookUrl(`${accord.url}/webhooks/hubspot`);
  const contactsStore = sandbox.state.hubspot.contacts;
  const rep = simulatedWriteSource('CRM_UI', 7000001);
  const pending = new Map<string, number[]>();
  let latencies: number[] = [];
  contactsStore.onChange((change) => {
    if (change.kind !== 'propertyChanged' || change.source.changeSource !== 'INTEGRATION' || change.source.sourceId !== String(benchAppId)) return;
    const waiting = pending.get(change.objectId);
    if (!waiting) return;
    pending.delete(change.objectId);
    const now = performance.now();
    for (const editedAt of waiting) latencies.push(now - editedAt);
  });
  const durationMs = options.quick ? 10_000 : 20_000;
  let edits = 0;
  const edit = () => {
    const id = String(firstSeededId + (edits % contacts));
    contactsStore.update(id, { jobtitle: titles[Math.floor(edits / contacts) % 2] }, rep);
    const waiting = pending.get(id) ?? [];
    waiting.push(performance.now());
    pending.set(id, waiting);
    edits += 1;
  };
  const steady = async (ms: number) => {
    const started = performance.now();
    const intervalMs = 1000 / eventsPerSecond;
    let sent = 0;
    while (performance.now() - started < ms) {
      const due = started + sent * intervalMs;
      const wait = due - performance.now();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      edit();
      sent += 1;
    }
  };
  try {
    // Every contact's first decision is a full write; do those before measuring the steady state.
    await steady(contacts * (1000 / eventsPerSecond));
    await accord.drained(60_000);
    await new Promise((r) => setTimeout(r, 500));
    const p50s: number[] = [];
    const p99s: number[] = [];
    let unanswered = 0;
    for (let run = 0; run < options.runs; run += 1) {
      pending.clear();
      latencies = [];
      const callsBefore = sandbox.callLog.count();
      const rateLimitedBefore = sandbox.callLog.count(undefined, 429);
      await steady(durationMs);
      const deadline = Date.now() + 15_000;
      while (pending.size > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
      unanswered += [...pending.values()].reduce((s, w) => s + w.length, 0);
      const sorted = [...latencies].sort((a, b) => a - b);
      p50s.push(percentile(sorted, 50));
      p99s.push(percentile(sorted, 99));
      const calls = sandbox.callLog.count() - callsBefore;
      options.log(
        `  end-to-end run ${run + 1}: ${sorted.length} edits written back, p50 ${percentile(sorted, 50).toFixed(0)} ms, p99 ${percentile(sorted, 99).toFixed(0)} ms, max ${(sorted[sorted.length - 1] ?? 0).toFixed(0)} ms, ${calls} CRM calls (${((calls / (durationMs / 1000)) * 10).toFixed(0)} per 10 s), ${sandbox.callLog.count(undefined, 429) - rateLimitedBefore} × 429`,
      );
    }
    const p50 = summarise(p50s);
    const p99 = summarise(p99s);
    const note = `${eventsPerSecond} rep edits/s over ${contacts} contacts, ${durationMs / 1000} s per run, sandbox webhooks (50 ms batching) → Accord child → write-back, real 110 / 10 s limit; ${unanswered} edits not written back within 15 s`;
    return [
      { name: 'event → written back p50 at 200 events/s', unit: 'ms', ...p50, runs: options.runs, target: '< 500 ms', met: p50.median < 500, note },
      { name: 'event → written back p99 at 200 events/s', unit: 'ms', ...p99, runs: options.runs, target: '< 2,000 ms', met: p99.median < 2000 && unanswered === 0, note },
    ];
  } finally {
    sandbox.setWebhookUrl(null);
    await accord.stop();
    await sandbox.close();
    database.remove();
  }
}
