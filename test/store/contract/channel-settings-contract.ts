import type { ChannelSettingsRecord } from '../../../src/store/channel-settings-record';
import type { AuditEntry } from '../../../src/store/store';
import type { TenantRef } from '../../../src/core/lead';
import { at, tenantA, tenantAOnSalesforce, tenantB } from '../fixtures';
import type { MakeStore } from './make-store';
import { useFreshStore } from './use-fresh-store';

function settings(overrides: Partial<ChannelSettingsRecord> = {}): ChannelSettingsRecord {
  return { slackUrl: 'v1:gcm:sealed-slack', teamsUrl: null, updatedBy: '9001 <maria@example.com>', updatedAt: at(1), ...overrides };
}

function audit(tenant: TenantRef, minute: number): AuditEntry {
  return { tenant, at: at(minute), actor: '9001', action: 'settings.channels_updated', recordId: null, detail: { slack: 'set', teams: 'unchanged' } };
}

export function describeChannelSettingsContract(makeStore: MakeStore): void {
  describe('channel settings', () => {
    const store = useFreshStore(makeStore);

    it('has none until saved, then the latest, with its audit entry', async () => {
      expect(await store().getChannelSettings(tenantA)).toBeNull();
      await store().saveChannelSettings(tenantA, settings(), audit(tenantA, 1));
      await store().saveChannelSettings(tenantA, settings({ slackUrl: null, teamsUrl: 'v1:gcm:sealed-teams', updatedAt: '2025-03-03T09:05:00+00:00' }), audit(tenantA, 5));

      expect(await store().getChannelSettings(tenantA)).toEqual(settings({ slackUrl: null, teamsUrl: 'v1:gcm:sealed-teams', updatedAt: at(5) }));
      expect((await store().listAudit(tenantA, 10)).filter((e) => e.action === 'settings.channels_updated').map((e) => e.at)).toEqual([at(5), at(1)]);
    });

    it('keeps settings apart by tenant and by CRM', async () => {
      await store().saveChannelSettings(tenantA, settings(), audit(tenantA, 1));
      await store().saveChannelSettings(tenantAOnSalesforce, settings({ slackUrl: 'v1:gcm:other' }), audit(tenantAOnSalesforce, 1));

      expect(await store().getChannelSettings(tenantB)).toBeNull();
      expect(await store().getChannelSettings(tenantA)).toEqual(settings());
      expect(await store().getChannelSettings(tenantAOnSalesforce)).toEqual(settings({ slackUrl: 'v1:gcm:other' }));
    });
  });
}
