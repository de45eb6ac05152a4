import { at, tenantA, tenantAOnSalesforce, tenantB, tenantRecord } from '../fixtures';
import type { MakeStore } from './make-store';
import { useFreshStore } from './use-fresh-store';

export function describeTenantsContract(makeStore: MakeStore): void {
  describe('tenants', () => {
    const store = useFreshStore(makeStore);

    it('returns a tenant as it was stored, and null for one never installed', async () => {
      const record = tenantRecord(tenantAOnSalesforce);
      await store().upsertTenant(record);

      expect(await store().getTenant(tenantAOnSalesforce)).toEqual(record);
      expect(await store().getTenant(tenantB)).toBeNull();
    });

    it('overwrites a tenant on a second upsert (reinstall, refreshed credentials)', async () => {
      await store().upsertTenant(tenantRecord(tenantA));
      const reinstalled = tenantRecord(tenantA, { name: 'Acme EU', credentials: 'v1:gcm:bmV3:dG9rZW4=', updatedAt: at(60) });
      await store().upsertTenant(reinstalled);

      expect(await store().getTenant(tenantA)).toEqual(reinstalled);
      expect(await store().listTenants()).toHaveLength(1);
    });

    it('lists tenants ordered by CRM then id, optionally of one CRM only', async () => {
      await store().upsertTenant(tenantRecord(tenantB));
      await store().upsertTenant(tenantRecord(tenantAOnSalesforce));
      await store().upsertTenant(tenantRecord(tenantA));

      const all = await store().listTenants();
      expect(all.map((t) => `${t.crm}/${t.tenantId}`)).toEqual([
        `hubspot/${tenantA.tenantId}`,
        `hubspot/${tenantB.tenantId}`,
        `salesforce/${tenantAOnSalesforce.tenantId}`,
      ]);
      const salesforce = await store().listTenants('salesforce');
      expect(salesforce.map((t) => t.crm)).toEqual(['salesforce']);
    });

    it('deactivates and reactivates a tenant, stamping the change', async () => {
      await store().upsertTenant(tenantRecord(tenantA));

      await store().setTenantActive(tenantA, false, at(5));
      expect(await store().getTenant(tenantA)).toMatchObject({ active: false, updatedAt: at(5), installedAt: at(0) });

      await store().setTenantActive(tenantA, true, at(9));
      expect(await store().getTenant(tenantA)).toMatchObject({ active: true, updatedAt: at(9) });
    });

    it('refuses to change a tenant that is not installed', async () => {
      await expect(store().setTenantActive(tenantB, false, at(1))).rejects.toThrow(/not installed/);
    });
  });
}
