import pino from 'pino';
import { runJobSlot, scheduleJob, slotMarginMs, type JobSpec } from '../../src/jobs/schedule-job';
import { systemClock } from '../../src/pipeline/clock';
import { SqliteStore } from '../../src/store/sqlite-store';
import { ManualClock } from '../support/manual-clock';

const minute = 60_000;
const logger = pino({ level: 'silent' });

describe('scheduled job lease across instances', () => {
  let store: SqliteStore;
  beforeEach(async () => {
    store = new SqliteStore(':memory:');
    await store.migrate();
  });
  afterEach(async () => {
    await store.close();
  });

  function job(runs: string[], holderOf: () => string, takesMs = 0, clock?: ManualClock): JobSpec {
    return {
      name: 'sla-sweep',
      cron: '* * * * *',
      maxRunMs: 5 * minute,
      async run() {
        runs.push(holderOf());
        if (clock) clock.time += takesMs;
      },
    };
  }

  it('runs each slot once when two instances fire moments apart, and again at the next slot', async () => {
    const slot = Date.parse('2026-03-02T09:00:00.000Z');
    const clock = new ManualClock(slot);
    const runs: string[] = [];
    let current = '';
    const spec = job(runs, () => current, 300, clock);
    const a = { store, clock, logger, holder: 'instance-a' };
    const b = { store, clock, logger, holder: 'instance-b' };

    current = 'instance-a';
    expect(await runJobSlot(spec, a, slot + minute)).toBe(true);
    // B's timer fires 800 ms after A's finished: the slot is taken (the old code had released it).
    clock.time += 800;
    current = 'instance-b';
    expect(await runJobSlot(spec, b, slot + minute)).toBe(false);

    // The next slot: whichever fires first runs it, once.
    clock.time = slot + minute + 5;
    expect(await runJobSlot(spec, b, slot + 2 * minute)).toBe(true);
    current = 'instance-a';
    clock.time += 50;
    expect(await runJobSlot(spec, a, slot + 2 * minute)).toBe(false);
    expect(runs).toEqual(['instance-a', 'instance-b']);
  });

  it('keeps the lease until just before the next slot, and frees it at once after a run that overran it', async () => {
    const slot = Date.parse('2026-03-02T09:00:00.000Z');
    const clock = new ManualClock(slot);
    const runs: string[] = [];
    const a = { store, clock, logger, holder: 'a' };
    const b = { store, clock, logger, holder: 'b' };
    await runJobSlot(job(runs, () => 'a'), a, slot + minute);
    const justBefore = new Date(slot + minute - slotMarginMs - 1).toISOString();
    expect(await store.tryAcquireLease('sla-sweep', 'b', justBefore, new Date(slot + 2 * minute).toISOString())).toBe(false);
    expect(await store.tryAcquireLease('sla-sweep', 'b', new Date(slot + minute - slotMarginMs).toISOString(), new Date(slot + 2 * minute).toISOString())).toBe(true);

    // A run that takes longer than the gap to its next slot hands the lease back when it ends.
    await store.releaseLease('sla-sweep', 'b');
    clock.time = slot + 10 * minute;
    expect(await runJobSlot(job(runs, () => 'b', 2 * minute, clock), b, slot + 11 * minute)).toBe(true);
    expect(await runJobSlot(job(runs, () => 'a'), a, slot + 13 * minute)).toBe(true);
    expect(runs).toEqual(['a', 'b', 'a']);
  });

  it('a failing job still keeps its slot, so the other instance does not retry it in the same minute', async () => {
    const slot = Date.parse('2026-03-02T09:00:00.000Z');
    const clock = new ManualClock(slot);
    let calls = 0;
    const failing: JobSpec = { name: 'digest', cron: '* * * * *', maxRunMs: minute, run: async () => { calls += 1; throw new Error('CRM down'); } };
    expect(await runJobSlot(failing, { store, clock, logger, holder: 'a' }, slot + minute)).toBe(true);
    clock.time += 500;
    expect(await runJobSlot(failing, { store, clock, logger, holder: 'b' }, slot + minute)).toBe(false);
    expect(calls).toBe(1);
  });

  it('still runs a slot whose timer fired seconds late because the event loop was busy', async () => {
    const runs: number[] = [];
    const spec: JobSpec = {
      name: 'decay-rescore',
      cron: '*/5 * * * * *',
      maxRunMs: minute,
      async run() {
        runs.push(Date.now());
      },
    };
    // Just before a 5-second slot, hold the event loop for 3 s: the slot's timer fires about 2.8 s late
    // (node-cron reads the time in whole seconds, so under 2 s would still count as 1 s late).
    const untilSlot = 5_000 - (Date.now() % 5_000);
    if (untilSlot < 1_000) await new Promise((r) => setTimeout(r, untilSlot + 100));
    const slot = Date.now() + (5_000 - (Date.now() % 5_000));
    const task = scheduleJob(spec, { store, clock: systemClock, logger, holder: 'instance-a' });
    try {
      await new Promise((r) => setTimeout(r, slot - 200 - Date.now()));
      const busyUntil = Date.now() + 3_000;
      while (Date.now() < busyUntil) {
        // busy: a long synchronous pass, or a GC pause
      }
      await new Promise((r) => setTimeout(r, 1_000));
      expect(runs.filter((at) => at >= slot && at < slot + 5_000)).toHaveLength(1);
    } finally {
      await task.stop();
    }
  });
});
