import { fork, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { parseArgs } from 'node:util';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { loadConfig } from '../../src/config/load-config';
import { createLogger } from '../../src/logging/create-logger';
import { startAccord } from '../../src/main';
import { sandboxDefaults } from '../sandbox/sandbox-options';
import type { SoakCrmReply, SoakCrmRequest } from './soak-crm';

interface Sample {
  minute: number;
  rssMb: number;
  /** Heap still in use after a full collection: what Accord keeps, not what the collector has yet to free. */
  heapAfterGcMb: number | null;
  loopDelayP50Ms: number;
  loopDelayP99Ms: number;
  created: number;
  decided: number;
  pending: number;
  crmRssMb: number;
}

/** Sends a request (if any) to the CRM process and waits for its next reply of the given type. */
function ask<T extends SoakCrmReply['type']>(crm: ChildProcess, request: SoakCrmRequest | null, type: T): Promise<Extract<SoakCrmReply, { type: T }>> {
  return new Promise((resolve) => {
    const onMessage = (reply: SoakCrmReply) => {
      if (reply.type !== type) return;
      crm.off('message', onMessage);
      resolve(reply as Extract<SoakCrmReply, { type: T }>);
    };
    crm.on('message', onMessage);
    if (request) crm.send(request);
  });
}

/**
 * `npm run soak [-- --minutes N --rate R]`: bounded load on loopback (the sandbox CRM, in a child
 * process, creating R leads a second; Accord, in this process, deciding and writing them back) for N
 * minutes; prints Accord's RSS, heap after a full GC and event-loop delay per sample, error lines
 * seen, and whether the queue drained. A benchmark, not a test: read the trend.
 */
async function main(): Promise<number> {
  const { values } = parseArgs({ options: { minutes: { type: 'string', default: '10' }, rate: { type: 'string', default: '20' } } });
  const minutes = Number(values.minutes);
  const rate = Number(values.rate);
  if (!(minutes > 0) || !(rate > 0)) throw new Error('--minutes and --rate must be positive numbers');
  const collect = (globalThis as { gc?: () => void }).gc;

  let errorLines = 0;
  const logSink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString().split('\n')) if (/"level":(50|60)/.test(line)) errorLines += 1;
      done();
    },
  });
  const dir = mkdtempSync(join(tmpdir(), 'accord-soak-'));
  const crm = fork(join(__dirname, 'soak-crm.js'), [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const { url: crmUrl } = await ask(crm, null, 'ready');
  const config = loadConfig({
    PORT: '0',
    DATABASE_URL: `file:${join(dir, 'accord.db')}`,
    LOG_LEVEL: 'warn',
    HUBSPOT_ACCESS_TOKEN: sandboxDefaults.accessToken,
    HUBSPOT_CLIENT_SECRET: sandboxDefaults.clientSecret,
    HUBSPOT_APP_ID: sandboxDefaults.appId,
    HUBSPOT_BASE_PATH: crmUrl,
  });
  const accord = await startAccord({ config, logger: createLogger('warn', logSink), jobs: false });

  const delay = monitorEventLoopDelay({ resolution: 1 });
  delay.enable();
  const samples: Sample[] = [];
  const startedAt = Date.now();
  const sample = async () => {
    const progress = await ask(crm, { type: 'progress' }, 'progress');
    collect?.();
    const memory = process.memoryUsage();
    samples.push({
      minute: Math.round(((Date.now() - startedAt) / 60_000) * 10) / 10,
      rssMb: Math.round(memory.rss / 1e6),
      heapAfterGcMb: collect ? Math.round(memory.heapUsed / 1e6) : null,
      loopDelayP50Ms: Math.round(delay.percentile(50) / 1e5) / 10,
      loopDelayP99Ms: Math.round(delay.percentile(99) / 1e5) / 10,
      created: progress.created,
      decided: accord.stats.recordsDecided,
      pending: (await accord.store.inboxStats(new Date().toISOString())).pending,
      crmRssMb: progress.rssMb,
    });
    delay.reset();
  };

  const sampleEveryMs = Math.max(5_000, Math.min(60_000, (minutes * 60_000) / 10));
  await sample();
  const loadDone = ask(crm, { type: 'start', webhookUrl: `${accord.url}/webhooks/hubspot`, minutes, rate }, 'load-done');
  let loading = true;
  void loadDone.then(() => {
    loading = false;
  });
  let nextSample = startedAt + sampleEveryMs;
  while (loading) {
    if (Date.now() >= nextSample) {
      await sample();
      nextSample += sampleEveryMs;
    }
    await new Promise((r) => setTimeout(r, 100));
  }

  // Drain: webhooks delivered, inbox empty, every lead decided.
  const drainDeadline = Date.now() + 60_000;
  let drained = false;
  let created = 0;
  while (Date.now() < drainDeadline) {
    const status = await ask(crm, { type: 'drain-status' }, 'drain-status');
    created = status.created;
    const pending = (await accord.store.inboxStats(new Date().toISOString())).pending;
    if (pending === 0 && status.undecided === 0) {
      drained = true;
      break;
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  await sample();
  delay.disable();

  console.table(samples);
  const [first, last] = [samples[1] ?? samples[0], samples[samples.length - 1]];
  const summary = {
    minutes,
    ratePerSecond: rate,
    leadsCreated: created,
    recordsDecided: accord.stats.recordsDecided,
    rssStartMb: first?.rssMb,
    rssEndMb: last?.rssMb,
    heapAfterGcStartMb: first?.heapAfterGcMb,
    heapAfterGcEndMb: last?.heapAfterGcMb,
    loopDelayP99StartMs: first?.loopDelayP99Ms,
    loopDelayP99EndMs: last?.loopDelayP99Ms,
    errorLines,
    queueDrained: drained,
    deadLetters: (await accord.store.inboxStats(new Date().toISOString())).deadLetters,
  };
  console.log(JSON.stringify(summary, null, 2));
  await accord.stop();
  crm.disconnect();
  rmSync(dir, { recursive: true, force: true });
  return drained && errorLines === 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
