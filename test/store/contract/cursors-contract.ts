import { at, tenantA, tenantAOnSalesforce, tenantB } from '../fixtures';
import type { MakeStore } from './make-store';
import { useFreshStore } from './use-fresh-store';

export function describeCursorsContract(makeStore: MakeStore): void {
  describe('cursors', () => {
    const store = useFreshStore(makeStore);

    it('has no cursor until one is set, then returns the latest value', async () => {
      expect(await store().getCursor(tenantAOnSalesforce, 'salesforce.reconcile')).toBeNull();
      await store().setCursor(tenantAOnSalesforce, 'salesforce.reconcile', '2025-03-03T09:00:00.000Z', at(0));
      await store().setCursor(tenantAOnSalesforce, 'salesforce.reconcile', '2025-03-03T09:07:00.000Z', at(8));
      expect(await store().getCursor(tenantAOnSalesforce, 'salesforce.reconcile')).toBe('2025-03-03T09:07:00.000Z');
    });

    it('keeps cursors apart by tenant, by CRM and by name', async () => {
      await store().setCursor(tenantA, 'salesforce.reconcile', 'a', at(0));
      await store().setCursor(tenantAOnSalesforce, 'salesforce.reconcile', 'a-on-salesforce', at(0));
      await store().setCursor(tenantA, 'backfill', 'b', at(0));
      expect(await store().getCursor(tenantA, 'salesforce.reconcile')).toBe('a');
      expect(await store().getCursor(tenantAOnSalesforce, 'salesforce.reconcile')).toBe('a-on-salesforce');
      expect(await store().getCursor(tenantA, 'backfill')).toBe('b');
      expect(await store().getCursor(tenantB, 'salesforce.reconcile')).toBeNull();
    });
  });
}
