import { describeAuditContract } from './contract/audit-contract';
import { describeCalibrationJobsContract } from './contract/calibration-jobs-contract';
import { describeChannelSettingsContract } from './contract/channel-settings-contract';
import { describeCrmApiContract } from './contract/crm-api-contract';
import { describeCursorsContract } from './contract/cursors-contract';
import { describeDecisionsContract } from './contract/decisions-contract';
import { describeDefinitionsContract } from './contract/definitions-contract';
import { describeInboxContract } from './contract/inbox-contract';
import { describeLeadFactsContract } from './contract/lead-facts-contract';
import { describeLeasesContract } from './contract/leases-contract';
import { describeLoopContract } from './contract/loop-contract';
import type { MakeStore } from './contract/make-store';
import { describeOwnersContract } from './contract/owners-contract';
import { describePublishBackfillContract } from './contract/publish-backfill-contract';
import { describePurgeContract } from './contract/purge-contract';
import { describeShadowContract } from './contract/shadow-contract';
import { describeTenantIsolationContract } from './contract/tenant-isolation-contract';
import { describeTenantsContract } from './contract/tenants-contract';

/**
 * The behaviour every Store must show, whatever its database. Each test gets a new, empty,
 * migrated store from `makeStore`; the suite closes it.
 */
export function describeStoreContract(name: string, makeStore: MakeStore): void {
  describe(`${name} store contract`, () => {
    describeTenantsContract(makeStore);
    describeDefinitionsContract(makeStore);
    describeInboxContract(makeStore);
    describeDecisionsContract(makeStore);
    describeOwnersContract(makeStore);
    describeAuditContract(makeStore);
    describeLeasesContract(makeStore);
    describeCursorsContract(makeStore);
    describeLeadFactsContract(makeStore);
    describeLoopContract(makeStore);
    describeTenantIsolationContract(makeStore);
    describePurgeContract(makeStore);
    describeCrmApiContract(makeStore);
    describePublishBackfillContract(makeStore);
    describeShadowContract(makeStore);
    describeCalibrationJobsContract(makeStore);
    describeChannelSettingsContract(makeStore);
  });
}
