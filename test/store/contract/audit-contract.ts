import { at, auditEntry, tenantA } from '../fixtures';
import type { MakeStore } from './make-store';
import { useFreshStore } from './use-fresh-store';

export function describeAuditContract(makeStore: MakeStore): void {
  describe('audit', () => {
    const store = useFreshStore(makeStore);

    const published = auditEntry({ at: at(0), actor: 'cro@acme.example', action: 'definition.published', recordId: null, detail: { version: 2 } });
    const decided = auditEntry({ at: at(5), action: 'decision.recorded' });
    const rejected = auditEntry({ at: at(9), actor: 'rep:901', action: 'lead.rejected', detail: { reason: 'no_budget' } });

    it('lists the newest entries first, up to the limit', async () => {
      await store().appendAudit([published, decided]);
      await store().appendAudit([rejected]);

      expect(await store().listAudit(tenantA, 10)).toEqual([rejected, decided, published]);
      expect(await store().listAudit(tenantA, 2)).toEqual([rejected, decided]);
      expect(await store().listAudit(tenantA, 0)).toEqual([]);
    });

    it('orders by when entries were appended, not by their timestamps', async () => {
      const backdated = auditEntry({ at: at(-60), action: 'backfill.decided' });
      await store().appendAudit([decided]);
      await store().appendAudit([backdated]);

      expect(await store().listAudit(tenantA, 10)).toEqual([backdated, decided]);
    });

    it('appends nothing for an empty list and refuses a negative limit', async () => {
      await store().appendAudit([]);
      expect(await store().listAudit(tenantA, 5)).toEqual([]);
      await expect(store().listAudit(tenantA, -1)).rejects.toThrow(/limit/);
    });
  });
}
