import { at } from '../fixtures';
import type { MakeStore } from './make-store';
import { useFreshStore } from './use-fresh-store';

export function describeLeasesContract(makeStore: MakeStore): void {
  describe('leases', () => {
    const store = useFreshStore(makeStore);

    it('grants a free lease and refuses it to another holder until it expires', async () => {
      expect(await store().tryAcquireLease('sla-sweep', 'instance-a', at(0), at(5))).toBe(true);
      expect(await store().tryAcquireLease('sla-sweep', 'instance-b', at(4), at(9))).toBe(false);
      expect(await store().tryAcquireLease('sla-sweep', 'instance-b', at(5), at(10))).toBe(true);
      expect(await store().tryAcquireLease('sla-sweep', 'instance-a', at(6), at(11))).toBe(false);
    });

    it('lets the holder renew, which pushes the expiry out', async () => {
      await store().tryAcquireLease('decay-rescore', 'instance-a', at(0), at(5));
      expect(await store().tryAcquireLease('decay-rescore', 'instance-a', at(4), at(20))).toBe(true);

      expect(await store().tryAcquireLease('decay-rescore', 'instance-b', at(6), at(11))).toBe(false);
      expect(await store().tryAcquireLease('decay-rescore', 'instance-b', at(20), at(25))).toBe(true);
    });

    it('frees a lease on release by its holder, not by anyone else', async () => {
      await store().tryAcquireLease('weekly-digest', 'instance-a', at(0), at(30));

      await store().releaseLease('weekly-digest', 'instance-b');
      expect(await store().tryAcquireLease('weekly-digest', 'instance-b', at(1), at(31))).toBe(false);

      await store().releaseLease('weekly-digest', 'instance-a');
      expect(await store().tryAcquireLease('weekly-digest', 'instance-b', at(2), at(32))).toBe(true);
    });

    it('keeps leases of different names independent', async () => {
      expect(await store().tryAcquireLease('sla-sweep', 'instance-a', at(0), at(5))).toBe(true);
      expect(await store().tryAcquireLease('token-refresh', 'instance-b', at(0), at(5))).toBe(true);
    });
  });
}
