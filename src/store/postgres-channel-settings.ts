import type { Pool, PoolClient } from 'pg';
import type { TenantRef } from '../core/lead';
import type { ChannelSettingsRecord } from './channel-settings-record';
import { isoInstant } from './iso-instant';
import { postgresTransaction, retryingConflicts } from './postgres-transaction';
import type { AuditEntry } from './store';

interface ChannelSettingsRow {
  slack_url: string | null;
  teams_url: string | null;
  updated_by: string;
  updated_at: Date;
}

const statements = {
  get: { name: 'accord_channel_settings_get', text: 'SELECT slack_url, teams_url, updated_by, updated_at FROM channel_settings WHERE crm = $1 AND tenant_id = $2' },
  save: {
    name: 'accord_channel_settings_save',
    text: `
      INSERT INTO channel_settings (crm, tenant_id, slack_url, teams_url, updated_by, updated_at) VALUES ($1, $2, $3, $4, $5, $6::timestamptz)
      ON CONFLICT (crm, tenant_id) DO UPDATE SET
        slack_url = excluded.slack_url, teams_url = excluded.teams_url, updated_by = excluded.updated_by, updated_at = excluded.updated_at`,
  },
};

/** The Postgres store's per-tenant channel settings, mirroring sqlite-channel-settings.ts. */
export class PostgresChannelSettings {
  constructor(
    private readonly pool: Pool,
    private readonly insertAudit: (client: PoolClient, entries: AuditEntry[]) => Promise<void>,
  ) {}

  async get(ref: TenantRef): Promise<ChannelSettingsRecord | null> {
    const { rows } = await retryingConflicts(() => this.pool.query<ChannelSettingsRow>({ ...statements.get, values: [ref.crm, ref.tenantId] }));
    const row = rows[0];
    return row ? { slackUrl: row.slack_url, teamsUrl: row.teams_url, updatedBy: row.updated_by, updatedAt: row.updated_at.toISOString() } : null;
  }

  async save(ref: TenantRef, settings: ChannelSettingsRecord, audit: AuditEntry): Promise<void> {
    await postgresTransaction(this.pool, async (client) => {
      await client.query({ ...statements.save, values: [ref.crm, ref.tenantId, settings.slackUrl, settings.teamsUrl, settings.updatedBy, isoInstant(settings.updatedAt, 'updatedAt')] });
      await this.insertAudit(client, [audit]);
    });
  }
}
