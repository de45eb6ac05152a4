import { at, owner, tenantA } from '../fixtures';
import type { MakeStore } from './make-store';
import { useFreshStore } from './use-fresh-store';

export function describeOwnersContract(makeStore: MakeStore): void {
  describe('owners', () => {
    const store = useFreshStore(makeStore);

    it('lists owners in the order the CRM gave them', async () => {
      const owners = [
        owner('902', 'Sam Okafor'),
        owner('901', 'Maria Lopez', { teams: ['Americas', 'Mid-market'] }),
        owner('733', 'Jonas Berg', { email: null, teams: [], available: false }),
      ];
      await store().replaceOwners(tenantA, owners, at(0));

      expect(await store().listOwners(tenantA)).toEqual(owners);
    });

    it('replaces the whole list, dropping owners the CRM no longer returns', async () => {
      await store().replaceOwners(tenantA, [owner('901', 'Maria Lopez'), owner('902', 'Sam Okafor')], at(0));
      const now = [owner('902', 'Sam Okafor', { available: false }), owner('904', 'Ana Silva')];
      await store().replaceOwners(tenantA, now, at(60));

      expect(await store().listOwners(tenantA)).toEqual(now);
      await store().replaceOwners(tenantA, [], at(120));
      expect(await store().listOwners(tenantA)).toEqual([]);
    });

    it('keeps one entry for an owner listed twice (overlapping CRM pages), with the later details', async () => {
      await store().replaceOwners(
        tenantA,
        [owner('901', 'Maria Lopez'), owner('902', 'Sam Okafor'), owner('901', 'Maria Lopez', { available: false })],
        at(0),
      );

      expect(await store().listOwners(tenantA)).toEqual([
        owner('901', 'Maria Lopez', { available: false }),
        owner('902', 'Sam Okafor'),
      ]);
    });
  });
}
