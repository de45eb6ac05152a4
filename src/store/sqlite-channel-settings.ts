import type { Database } from 'better-sqlite3';
import type { TenantRef } from '../core/lead';
import type { ChannelSettingsRecord } from './channel-settings-record';
import { isoInstant } from './iso-instant';
import type { AuditEntry } from './store';

type Transaction = <T>(work: () => T) => T;

interface ChannelSettingsRow {
  slack_url: string | null;
  teams_url: string | null;
  updated_by: string;
  updated_at: string;
}

function prepare(db: Database) {
  return {
    get: db.prepare<[string, string], ChannelSettingsRow>('SELECT slack_url, teams_url, updated_by, updated_at FROM channel_settings WHERE crm = ? AND tenant_id = ?'),
    save: db.prepare(`
      INSERT INTO channel_settings (crm, tenant_id, slack_url, teams_url, updated_by, updated_at) VALUES (?, ?, ?, ?, ?, ?)
      ON CONFLICT (crm, tenant_id) DO UPDATE SET
        slack_url = excluded.slack_url, teams_url = excluded.teams_url, updated_by = excluded.updated_by, updated_at = excluded.updated_at`),
  };
}

/** The SQLite store's per-tenant channel settings (migration 9). */
export class SqliteChannelSettings {
  private statements: ReturnType<typeof prepare> | undefined;

  constructor(
    private readonly db: Database,
    private readonly write: Transaction,
    private readonly read: Transaction,
    private readonly insertAudit: (entries: AuditEntry[]) => void,
  ) {}

  private get sql(): ReturnType<typeof prepare> {
    this.statements ??= prepare(this.db);
    return this.statements;
  }

  async get(ref: TenantRef): Promise<ChannelSettingsRecord | null> {
    const row = this.read(() => this.sql.get.get(ref.crm, ref.tenantId));
    return row ? { slackUrl: row.slack_url, teamsUrl: row.teams_url, updatedBy: row.updated_by, updatedAt: row.updated_at } : null;
  }

  async save(ref: TenantRef, settings: ChannelSettingsRecord, audit: AuditEntry): Promise<void> {
    this.write(() => {
      this.sql.save.run(ref.crm, ref.tenantId, settings.slackUrl, settings.teamsUrl, settings.updatedBy, isoInstant(settings.updatedAt, 'updatedAt'));
      this.insertAudit([audit]);
    });
  }
}
