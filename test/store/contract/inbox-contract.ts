import { at, crmEvent, crmEvents, tenantA, tenantAOnSalesforce, tenantB } from '../fixtures';
import type { MakeStore } from './make-store';
import { useFreshStore } from './use-fresh-store';

export function describeInboxContract(makeStore: MakeStore): void {
  describe('inbox', () => {
    const store = useFreshStore(makeStore);

    describe('dedupe', () => {
      it('counts a repeated key as a duplicate, within one batch and across batches', async () => {
        const event = crmEvent();
        expect(await store().enqueueEvents([event, event, crmEvent({ dedupeKey: 'other' })], at(0))).toEqual({
          inserted: 2,
          duplicates: 1,
        });
        expect(await store().enqueueEvents([event], at(1))).toEqual({ inserted: 0, duplicates: 1 });
        expect((await store().inboxStats(at(1))).pending).toBe(2);
      });

      it('keeps a key a duplicate after its row was acked and removed', async () => {
        const event = crmEvent();
        await store().enqueueEvents([event], at(0));
        const [row] = await store().claimEvents('worker-1', 10, at(1), at(6));
        await store().ackEvents([row!.id]);

        // HubSpot redelivers the same change hours later.
        expect(await store().enqueueEvents([event], at(6 * 60))).toEqual({ inserted: 0, duplicates: 1 });
        expect(await store().claimEvents('worker-1', 10, at(6 * 60), at(6 * 60 + 5))).toEqual([]);
      });

      it('keeps a key a duplicate while its event is dead-lettered', async () => {
        const event = crmEvent();
        await store().enqueueEvents([event], at(0));
        const [row] = await store().claimEvents('worker-1', 10, at(1), at(6));
        await store().deadLetterEvents([row!.id], 'CRM answered 404 for the record', at(2));

        expect(await store().enqueueEvents([event], at(30))).toEqual({ inserted: 0, duplicates: 1 });
      });

      it('forgets processed keys only once they are older than the cutoff', async () => {
        const event = crmEvent();
        await store().enqueueEvents([event], at(0));
        const [row] = await store().claimEvents('worker-1', 10, at(1), at(6));
        await store().ackEvents([row!.id]);

        expect(await store().pruneProcessedKeys(at(1))).toBe(0);
        expect(await store().enqueueEvents([event], at(2))).toEqual({ inserted: 0, duplicates: 1 });

        const eightDaysLater = at(8 * 24 * 60);
        expect(await store().pruneProcessedKeys(at(7 * 24 * 60))).toBe(1);
        expect(await store().enqueueEvents([event], eightDaysLater)).toEqual({ inserted: 1, duplicates: 0 });
      });
    });

    describe('claims', () => {
      it('hands out the oldest rows first, up to the limit, with the event as enqueued', async () => {
        const [first, second, third] = crmEvents(3);
        await store().enqueueEvents([first!], at(0));
        await store().enqueueEvents([second!, third!], at(1));

        const claimed = await store().claimEvents('worker-1', 2, at(2), at(7));
        expect(claimed.map((row) => row.event)).toEqual([first, second]);
        expect(claimed[0]).toEqual({ id: expect.any(Number), event: first, attempts: 0, receivedAt: at(0), lastError: null });
        expect((await store().claimEvents('worker-1', 2, at(2), at(7))).map((row) => row.event)).toEqual([third]);
      });

      it('claims nothing for a limit of 0', async () => {
        await store().enqueueEvents(crmEvents(2), at(0));
        expect(await store().claimEvents('worker-1', 0, at(1), at(6))).toEqual([]);
        expect(await store().claimEvents('worker-1', 5, at(1), at(6))).toHaveLength(2);
      });

      it('never gives one row to two workers while its lease holds', async () => {
        // Three tenants: a tenant's rows go to one worker at a time, so each worker gets its own tenant.
        await store().enqueueEvents([...crmEvents(4, tenantA, 'a'), ...crmEvents(4, tenantB, 'b'), ...crmEvents(2, tenantAOnSalesforce, 'c')], at(0));

        const a = await store().claimEvents('worker-a', 4, at(1), at(6));
        const b = await store().claimEvents('worker-b', 4, at(2), at(7));
        const c = await store().claimEvents('worker-c', 4, at(3), at(8));

        const ids = [...a, ...b, ...c].map((row) => row.id);
        expect([a.length, b.length, c.length]).toEqual([4, 4, 2]);
        expect(new Set(ids).size).toBe(10);
        expect(await store().claimEvents('worker-d', 10, at(5), at(10))).toEqual([]);
      });

      it('gives one tenant\'s rows to one worker at a time while its lease holds', async () => {
        // Processing reads the tenant's routing state, calls the CRM and writes the state back:
        // a second instance on the same tenant meanwhile would lose round-robin updates.
        await store().enqueueEvents(crmEvents(6), at(0));
        const first = await store().claimEvents('worker-a', 2, at(1), at(6));

        expect(await store().claimEvents('worker-b', 10, at(2), at(7))).toEqual([]);
        const more = await store().claimEvents('worker-a', 2, at(3), at(8));
        expect([...first, ...more].map((row) => row.event)).toEqual(crmEvents(4));
        // worker-a's first lease ran out; its second still holds, so the tenant stays with it.
        expect(await store().claimEvents('worker-b', 10, at(7), at(12))).toEqual([]);
        expect((await store().claimEvents('worker-b', 10, at(8), at(13))).map((row) => row.event)).toEqual(crmEvents(6));
      });

      it('reclaims rows whose lease expired (a crashed worker), counting the abandoned attempt', async () => {
        await store().enqueueEvents([...crmEvents(1), ...crmEvents(1, tenantB, 'b')], at(0));
        const crashed = await store().claimEvents('worker-a', 1, at(1), at(6));

        expect(await store().claimEvents('worker-b', 1, at(5), at(10))).toEqual([
          expect.objectContaining({ event: crmEvents(1, tenantB, 'b')[0] }),
        ]);
        const reclaimed = await store().claimEvents('worker-b', 1, at(6), at(11));
        expect(reclaimed).toEqual([
          { ...crashed[0], attempts: 1, lastError: expect.stringContaining('worker-a') },
        ]);
      });

      it('compares times as instants, whatever ISO shape the caller used', async () => {
        // As text "…09:00:00Z" sorts after "…09:00:00.500Z"; as times it is half a second earlier.
        await store().enqueueEvents([crmEvent()], '2025-03-03T09:00:00Z');
        const claimed = await store().claimEvents('worker-1', 1, '2025-03-03T09:00:00.500Z', '2025-03-03T09:05:00Z');
        expect(claimed).toHaveLength(1);
        expect(claimed[0]?.receivedAt).toBe('2025-03-03T09:00:00.000Z');
      });

      it('refuses a negative or fractional limit rather than claiming everything', async () => {
        await expect(store().claimEvents('worker-1', -1, at(1), at(6))).rejects.toThrow(/limit/);
        await expect(store().claimEvents('worker-1', 1.5, at(1), at(6))).rejects.toThrow(/limit/);
      });
    });

    describe('retry, dead letters and requeue', () => {
      it('puts a retried row back with its attempt and error, due at the given time', async () => {
        await store().enqueueEvents([crmEvent()], at(0));
        const [row] = await store().claimEvents('worker-1', 10, at(1), at(6));
        await store().retryEvents([row!.id], at(10), 'HubSpot 429 TEN_SECONDLY_ROLLING');

        expect(await store().claimEvents('worker-2', 10, at(9), at(14))).toEqual([]);
        expect(await store().claimEvents('worker-2', 10, at(10), at(15))).toEqual([
          { ...row, attempts: 1, lastError: 'HubSpot 429 TEN_SECONDLY_ROLLING' },
        ]);
      });

      it('round-trips an event through the dead letters and back to a fresh start', async () => {
        const event = crmEvent();
        await store().enqueueEvents([event], at(0));
        const [first] = await store().claimEvents('worker-1', 10, at(1), at(6));
        await store().retryEvents([first!.id], at(2), 'timeout');
        const [second] = await store().claimEvents('worker-1', 10, at(2), at(7));
        await store().deadLetterEvents([second!.id], 'record read failed 2 times', at(3));

        expect(await store().claimEvents('worker-1', 10, at(60), at(65))).toEqual([]);
        expect(await store().listDeadLetters()).toEqual([
          { id: expect.any(Number), event, attempts: 2, reason: 'record read failed 2 times', deadAt: at(3) },
        ]);
        expect(await store().inboxStats(at(3))).toEqual({ pending: 0, oldestReceivedAt: null, deadLetters: 1 });

        expect(await store().requeueDeadLetters('all', at(90))).toBe(1);
        expect(await store().listDeadLetters()).toEqual([]);
        const [requeued] = await store().claimEvents('worker-1', 10, at(90), at(95));
        expect(requeued).toMatchObject({ event, attempts: 0, receivedAt: at(90) });

        await store().ackEvents([requeued!.id]);
        expect(await store().enqueueEvents([event], at(100))).toEqual({ inserted: 0, duplicates: 1 });
      });

      it('requeues only the dead letters asked for', async () => {
        await store().enqueueEvents(crmEvents(3), at(0));
        const rows = await store().claimEvents('worker-1', 10, at(1), at(6));
        await store().deadLetterEvents(rows.map((row) => row.id), 'CRM rejected the write', at(2));
        const dead = await store().listDeadLetters();

        expect(await store().requeueDeadLetters([dead[1]!.id, 424242], at(5))).toBe(1);
        expect((await store().listDeadLetters()).map((d) => d.event)).toEqual([dead[0]?.event, dead[2]?.event]);
        expect((await store().claimEvents('worker-1', 10, at(5), at(10))).map((row) => row.event)).toEqual([
          dead[1]?.event,
        ]);
        expect(await store().requeueDeadLetters([], at(6))).toBe(0);
      });

      it('treats empty id lists as no-ops', async () => {
        await store().enqueueEvents([crmEvent()], at(0));
        await store().ackEvents([]);
        await store().retryEvents([], at(1), 'nothing');
        await store().deadLetterEvents([], 'nothing', at(1));
        expect(await store().inboxStats(at(1))).toEqual({ pending: 1, oldestReceivedAt: at(0), deadLetters: 0 });
      });
    });

    describe('stats', () => {
      it('counts the whole backlog (waiting and claimed), its oldest receipt and the dead letters', async () => {
        expect(await store().inboxStats(at(0))).toEqual({ pending: 0, oldestReceivedAt: null, deadLetters: 0 });

        await store().enqueueEvents(crmEvents(2, tenantA, 'early'), at(0));
        await store().enqueueEvents(crmEvents(3, tenantA, 'late'), at(4));
        const [claimed, doomed] = await store().claimEvents('worker-1', 2, at(5), at(10));
        await store().deadLetterEvents([doomed!.id], 'bad payload', at(6));

        expect(claimed?.receivedAt).toBe(at(0));
        expect(await store().inboxStats(at(6))).toEqual({ pending: 4, oldestReceivedAt: at(0), deadLetters: 1 });
        await store().ackEvents([claimed!.id]);
        expect(await store().inboxStats(at(7))).toEqual({ pending: 3, oldestReceivedAt: at(4), deadLetters: 1 });
      });
    });
  });
}
