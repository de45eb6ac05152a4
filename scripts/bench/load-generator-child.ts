import http from 'node:http';
import { percentile } from './bench-figure';
import { hubspotWebhookBatch, type WebhookBatchSpec } from './hubspot-webhook-batch';

export interface LoadPlan {
  url: string;
  clientSecret: string;
  spec: WebhookBatchSpec;
  /** closed: `concurrency` requests always in flight (throughput); open: a fixed rate whatever the answers (latency). */
  mode: 'closed' | 'open';
  concurrency: number;
  batchesPerSecond?: number;
  eventsPerBatch: number;
  /** Stops at whichever comes first. */
  durationMs: number;
  maxBatches: number;
  firstEventId: number;
  /** Each contact in turn (a backfill) rather than at random. */
  sequential?: boolean;
}

export interface LoadResult {
  ok: number;
  failed: number;
  statuses: Record<string, number>;
  elapsedMs: number;
  eventsAcked: number;
  latencyMs: { p50: number; p99: number; max: number; mean: number };
}

/** Sends signed webhook batches over keep-alive sockets to 127.0.0.1, in a process of its own so it never shares the server's event loop. */
export async function runLoad(plan: LoadPlan): Promise<LoadResult> {
  const target = new URL(plan.url);
  if (target.hostname !== '127.0.0.1') throw new Error('the load generator only talks to 127.0.0.1');
  const agent = new http.Agent({ keepAlive: true, maxSockets: plan.concurrency });
  const latencies: number[] = [];
  const statuses: Record<string, number> = {};
  let ok = 0;
  let failed = 0;
  let nextEventId = plan.firstEventId;
  let sent = 0;
  const started = performance.now();
  const deadline = started + plan.durationMs;

  const send = (scheduledAt: number) =>
    new Promise<void>((resolve) => {
      const objectIdOf = plan.sequential ? (eventId: number) => plan.spec.firstRecordId + ((eventId - plan.firstEventId) % plan.spec.records) : undefined;
      const batch = hubspotWebhookBatch(plan.spec, plan.url, plan.clientSecret, nextEventId, plan.eventsPerBatch, objectIdOf);
      nextEventId += plan.eventsPerBatch;
      const request = http.request(target, { method: 'POST', agent, headers: batch.headers }, (response) => {
        response.resume();
        response.on('end', () => {
          // From when the request was due, not when it left: a late send is latency too (no coordinated omission).
          latencies.push(performance.now() - scheduledAt);
          const status = String(response.statusCode);
          statuses[status] = (statuses[status] ?? 0) + 1;
          if (response.statusCode === 200) ok += 1;
          else failed += 1;
          resolve();
        });
      });
      request.on('error', () => {
        statuses.error = (statuses.error ?? 0) + 1;
        failed += 1;
        resolve();
      });
      request.end(batch.body);
    });

  if (plan.mode === 'closed') {
    const lane = async () => {
      while (performance.now() < deadline && sent < plan.maxBatches) {
        sent += 1;
        await send(performance.now());
      }
    };
    await Promise.all(Array.from({ length: plan.concurrency }, lane));
  } else {
    const intervalMs = 1000 / (plan.batchesPerSecond ?? 10);
    const inFlight: Array<Promise<void>> = [];
    while (sent < plan.maxBatches) {
      const due = started + sent * intervalMs;
      if (due >= deadline) break;
      const wait = due - performance.now();
      if (wait > 1) await new Promise((r) => setTimeout(r, wait - 0.5));
      while (performance.now() < due) {
        // The last half millisecond is spun: timers are too coarse for a 1 ms schedule.
      }
      sent += 1;
      inFlight.push(send(due));
    }
    await Promise.all(inFlight);
  }
  const elapsedMs = performance.now() - started;
  agent.destroy();
  latencies.sort((a, b) => a - b);
  const mean = latencies.reduce((s, l) => s + l, 0) / Math.max(1, latencies.length);
  return {
    ok,
    failed,
    statuses,
    elapsedMs,
    eventsAcked: ok * plan.eventsPerBatch,
    latencyMs: { p50: percentile(latencies, 50), p99: percentile(latencies, 99), max: latencies[latencies.length - 1] ?? 0, mean },
  };
}

if (require.main === module) {
  process.on('message', (plan: LoadPlan) => {
    runLoad(plan).then(
      (result) => process.send?.({ result }, () => process.exit(0)),
      (error: unknown) => process.send?.({ error: String(error) }, () => process.exit(1)),
    );
  });
}
