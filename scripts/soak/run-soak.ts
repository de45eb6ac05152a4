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
import { simulatedWriteSource } from '../sandbox/sandbox-write-sources';
import { startSandbox } from '../sandbox/start-sandbox';

interface Sample {
  minute: number;
  rssMb: number;
  heapMb: number;
  loopDelayP50Ms: number;
  loopDelayP99Ms: number;
  created: number;
  decided: number;
  pending: number;
}

const titles = ['VP of Sales', 'CTO', 'Marketing Manager', 'Student', 'CEO', 'Software Engineer'];

/**
 * `npm run soak [-- --minutes N --rate R]`: bounded load on loopback (the sandbox CRM creating R leads a
 * second, Accord deciding and writing them back) for N minutes; prints RSS, heap and event-loop delay
 * per sample, error lines seen, and whether the queue drained. A benchmark, not a test: read the trend.
 */
async function main(): Promise<number> {
  const { values } = parseArgs({ options: { minutes: { type: 'string', default: '10' }, rate: { type: 'string', default: '20' } } });
  const minutes = Number(values.minutes);
  const rate = Number(values.rate);
  if (!(minutes > 0) || !(rate > 0)) throw new Error('--minutes and --rate must be positive numbers');

  let errorLines = 0;
  const logSink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString().split('\n')) if (/"level":(50|60)/.test(line)) errorLines += 1;
      done();
    },
  });
  const dir = mkdtempSync(join(tmpdir(), 'accord-soak-'));
  const sandbox = await startSandbox({ clientSecret: sandboxDefaults.clientSecret, appId: sandboxDefaults.appId, seed: { contacts: 0 }, subscribedProperties: ['jobtitle'], webhookBatchMs: 50 });
  const config = loadConfig({
    PORT: '0',
    DATABASE_URL: `file:${join(dir, 'accord.db')}`,
    LOG_LEVEL: 'warn',
    HUBSPOT_ACCESS_TOKEN: sandboxDefaults.accessToken,
    HUBSPOT_CLIENT_SECRET: sandboxDefaults.clientSecret,
    HUBSPOT_APP_ID: sandboxDefaults.appId,
    HUBSPOT_BASE_PATH: sandbox.url,
  });
  const accord = await startAccord({ config, logger: createLogger('warn', logSink), jobs: false });
  sandbox.setWebhookUrl(`${accord.url}/webhooks/hubspot`);

  const delay = monitorEventLoopDelay({ resolution: 1 });
  delay.enable();
  const samples: Sample[] = [];
  const startedAt = Date.now();
  const ids: string[] = [];
  let n = 0;
  const sample = async () => {
    const memory = process.memoryUsage();
    samples.push({
      minute: Math.round(((Date.now() - startedAt) / 60_000) * 10) / 10,
      rssMb: Math.round(memory.rss / 1e6),
      heapMb: Math.round(memory.heapUsed / 1e6),
      loopDelayP50Ms: Math.round(delay.percentile(50) / 1e5) / 10,
      loopDelayP99Ms: Math.round(delay.percentile(99) / 1e5) / 10,
      created: ids.length,
      decided: accord.stats.recordsDecided,
      pending: (await accord.store.inboxStats(new Date().toISOString())).pending,
    });
    delay.reset();
  };

  const tick = 100;
  const perTick = rate / (1000 / tick);
  let owed = 0;
  const sampleEveryMs = Math.max(5_000, Math.min(60_000, (minutes * 60_000) / 10));
  let nextSample = startedAt + sampleEveryMs;
  await sample();
  while (Date.now() - startedAt < minutes * 60_000) {
    owed += perTick;
    const count = Math.floor(owed);
    owed -= count;
    if (count > 0) {
      const inputs = Array.from({ length: count }, () => {
        n += 1;
        return { email: `soak.${n}@company${n % 89}.example`, firstname: `Soak${n}`, lastname: 'Load', jobtitle: titles[n % titles.length] as string, company: `Company ${n % 89}`, country: 'Germany' };
      });
      const created = sandbox.state.hubspot.contacts.createMany(inputs, simulatedWriteSource('FORM'));
      ids.push(...created.map((c) => c.id));
      // A rep edits an older lead now and then: changes, not only creations.
      const old = ids[Math.floor(Math.random() * ids.length)];
      if (old && n % 5 === 0) sandbox.state.hubspot.contacts.update(old, { jobtitle: titles[(n + 1) % titles.length] as string }, simulatedWriteSource('CRM_UI'));
    }
    if (Date.now() >= nextSample) {
      await sample();
      nextSample += sampleEveryMs;
    }
    await new Promise((r) => setTimeout(r, tick));
  }

  // Drain: webhooks delivered, inbox empty, every lead decided.
  const drainDeadline = Date.now() + 60_000;
  let drained = false;
  while (Date.now() < drainDeadline) {
    await sandbox.webhooks.idle();
    const pending = (await accord.store.inboxStats(new Date().toISOString())).pending;
    const undecided = ids.filter((id) => !sandbox.state.hubspot.contacts.get(id).properties.accord_stage).length;
    if (pending === 0 && undecided === 0) {
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
    leadsCreated: ids.length,
    recordsDecided: accord.stats.recordsDecided,
    rssStartMb: first?.rssMb,
    rssEndMb: last?.rssMb,
    loopDelayP99StartMs: first?.loopDelayP99Ms,
    loopDelayP99EndMs: last?.loopDelayP99Ms,
    errorLines,
    queueDrained: drained,
    deadLetters: (await accord.store.inboxStats(new Date().toISOString())).deadLetters,
  };
  console.log(JSON.stringify(summary, null, 2));
  await accord.stop();
  await sandbox.close();
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
