import Database from 'better-sqlite3';
import { Connection } from 'jsforce';
import { Pool } from 'pg';
import { keptOnPurge, perRecordTables } from '../../src/store/per-record-tables';
import { deletionCursorName } from '../../src/pipeline/reconcile-deletions';
import type { TenantRef } from '../../src/core/lead';
import { startTemporaryPostgres, type TemporaryPostgres } from '../support/start-postgres';
import { startChaosStack, waitFor, type ChaosStack } from './support/start-chaos-stack';

const person = (first: string, last: string, email: string, phone: string) => ({
  FirstName: first,
  LastName: last,
  Email: email,
  Phone: phone,
  Title: 'VP of Sales',
  Company: 'Acme Industries',
  NumberOfEmployees: 250,
  Country: 'United States',
  State: 'CA',
  LeadSource: 'Web - Demo Request',
});
const deleted = person('Dana', 'Okonkwo', 'dana.okonkwo@acme-industries.com', '+1 415 555 0161');
const mergedAway = person('Dane', 'Okonkwo', 'dane.okonkwo@acme-industries.com', '+1 415 555 0162');
const master = person('Dana', 'Okonkwo-Reyes', 'dana.reyes@acme-industries.com', '+1 415 555 0163');
const kept = person('Kim', 'Larsen', 'kim.larsen@acme-industries.com', '+1 415 555 0164');

/** Reads the store's own tables, under Accord: what is really left, whatever the store's API shows. */
interface RawRows {
  tablesWithRecordId(): Promise<string[]>;
  count(table: string, recordId: string): Promise<number>;
  close(): Promise<void>;
}

function sqliteRows(file: string): RawRows {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  return {
    async tablesWithRecordId() {
      return (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as Array<{ name: string }>)
        .map((t) => t.name)
        .filter((name) => (db.prepare(`PRAGMA table_info(${name})`).all() as Array<{ name: string }>).some((c) => c.name === 'record_id'));
    },
    async count(table, recordId) {
      return (db.prepare(`SELECT COUNT(*) AS n FROM ${table} WHERE record_id = ?`).get(recordId) as { n: number }).n;
    },
    async close() {
      db.close();
    },
  };
}

function postgresRows(url: string): RawRows {
  const pool = new Pool({ connectionString: url, max: 1 });
  return {
    async tablesWithRecordId() {
      const { rows } = await pool.query<{ table_name: string }>("SELECT table_name FROM information_schema.columns WHERE column_name = 'record_id' AND table_schema = current_schema()");
      return rows.map((r) => r.table_name);
    },
    async count(table, recordId) {
      return Number((await pool.query<{ n: string }>(`SELECT COUNT(*) AS n FROM ${table} WHERE record_id = $1`, [recordId])).rows[0]?.n);
    },
    close: () => pool.end(),
  };
}

describe.each(['SQLite', 'Postgres'])('a Salesforce delete (or merge) purges what Accord stored about the person (%s)', (kind) => {
  let stack: ChaosStack;
  let tenant: TenantRef;
  let raw: RawRows;
  let postgres: TemporaryPostgres | undefined;

  beforeAll(async () => {
    postgres = kind === 'Postgres' ? await startTemporaryPostgres() : undefined;
    stack = await startChaosStack({ crms: ['salesforce'], ...(postgres ? { databaseUrl: postgres.url } : {}) });
    tenant = { crm: 'salesforce', tenantId: stack.sandbox.state.salesforce.orgId };
    raw = postgres ? postgresRows(postgres.url) : sqliteRows(stack.databaseUrl.replace(/^file:/, ''));
  }, 120_000);
  afterAll(async () => {
    await raw?.close();
    await stack?.stop();
    await postgres?.stop();
  }, 60_000);

  /** Rows per table holding a record_id, found in the database itself so a table missing from perRecordTables is caught too. */
  async function rowsAbout(recordId: string): Promise<Record<string, number>> {
    const tables = (await raw.tablesWithRecordId()).filter((name) => !(keptOnPurge as readonly string[]).includes(name));
    expect(tables).toEqual(expect.arrayContaining([...perRecordTables]));
    const counts: Record<string, number> = {};
    for (const table of tables) counts[table] = await raw.count(table, recordId);
    return counts;
  }

  async function createLead(fields: Record<string, unknown>): Promise<string> {
    return ((await stack.control('POST', '/salesforce/leads', { fields })) as { Id: string }).Id;
  }

  it('reads the org\'s delete log through jsforce on reconciliation and leaves only a personal-data-free audit entry', async () => {
    const { store } = stack.accord;
    const ids = { deleted: await createLead(deleted), mergedAway: await createLead(mergedAway), master: await createLead(master), kept: await createLead(kept) };
    await waitFor(async () => ((await store.getLatestDecisions(tenant, Object.values(ids))).size === 4 ? true : undefined), 20_000, 'all four leads decided');

    // A rep sends the soon-deleted lead back to marketing (feedback), and through the record card (a record rejection).
    await stack.control('PATCH', `/salesforce/leads/${ids.deleted}`, { fields: { Accord_Rejection_Reason__c: 'no_budget', Accord_Rejection_Note__c: 'call Dana next quarter' } });
    await waitFor(async () => ((await store.listFeedback(tenant)).some((f) => f.recordId === ids.deleted) ? true : undefined), 20_000, 'the rejection recorded');
    await store.saveRecordRejection(tenant, { recordId: ids.deleted, reason: 'no_budget', note: null, actorId: '0055e000001RepAAA', actorEmail: null, rejectedAt: new Date().toISOString() });
    const before = await rowsAbout(ids.deleted);
    for (const table of ['decisions', 'lead_facts', 'lead_snapshots', 'feedback', 'record_rejections']) expect({ table, some: (before[table] ?? 0) > 0 }).toEqual({ table, some: true });
    expect((await rowsAbout(ids.mergedAway)).decisions).toBeGreaterThan(0);

    // A person deletes one lead with the real SDK (DELETE /sobjects/Lead/{id}); another is merged into a third.
    const sf = stack.sandbox.state.salesforce;
    const conn = new Connection({ instanceUrl: stack.sandbox.url, accessToken: sf.sessions.issue(sf.adminUserId), version: '62.0' });
    await conn.sobject('Lead').destroy(ids.deleted);
    await expect(conn.sobject('Lead').destroy(ids.deleted)).rejects.toMatchObject({ errorCode: 'ENTITY_IS_DELETED' });
    await stack.control('POST', `/salesforce/leads/${ids.master}/merge`, { loserIds: [ids.mergedAway] });

    // Reconciliation polls until the delete log (which stays a couple of seconds behind the clock) has both.
    const purged = await waitFor(
      async () => {
        await stack.accord.reconcile();
        const audit = await store.listAudit(tenant, 1000);
        const done = [ids.deleted, ids.mergedAway].every((id) => audit.some((a) => a.action === 'record.purged' && a.recordId === id));
        return done ? audit : undefined;
      },
      20_000,
      'both purges',
    );

    for (const id of [ids.deleted, ids.mergedAway]) {
      const left = await rowsAbout(id);
      expect({ id, rows: left }).toEqual({ id, rows: Object.fromEntries(Object.keys(left).map((t) => [t, 0])) });
      expect(purged.filter((a) => a.recordId === id).map((a) => a.action)).toEqual(expect.arrayContaining(['record.privacy_deletion', 'record.purged']));
    }
    expect(purged.find((a) => a.action === 'record.purged' && a.recordId === ids.deleted)?.detail).toMatchObject({ decisions: before.decisions, feedback: before.feedback, record_rejections: 1 });

    // The master and the untouched lead keep everything.
    expect((await rowsAbout(ids.master)).decisions).toBeGreaterThan(0);
    expect((await rowsAbout(ids.kept)).decisions).toBeGreaterThan(0);
    expect(purged.some((a) => a.action === 'record.purged' && (a.recordId === ids.master || a.recordId === ids.kept))).toBe(false);

    // The audit trail keeps the ids and counts, none of the person.
    const audit = JSON.stringify(purged).toLowerCase();
    for (const p of [deleted, mergedAway]) for (const value of [p.Email, p.FirstName, p.LastName, p.Phone, p.Phone.replace(/\D/g, '')]) expect(audit).not.toContain(value.toLowerCase());
    expect(audit).not.toContain('call dana next quarter');

    // The cursor moved on; a further poll finds nothing new to purge and nothing comes back.
    expect(await store.getCursor(tenant, deletionCursorName)).not.toBeNull();
    const [again] = await stack.accord.reconcile();
    expect(again?.deletions?.enqueued).toBe(0);
    await new Promise((r) => setTimeout(r, 300));
    expect((await rowsAbout(ids.deleted)).decisions).toBe(0);
  });

  it('refuses delete-log windows Salesforce refuses: end in the future, wider than 30 days, start after end', async () => {
    const sf = stack.sandbox.state.salesforce;
    const conn = new Connection({ instanceUrl: stack.sandbox.url, accessToken: sf.sessions.issue(sf.adminUserId), version: '62.0' });
    const now = Date.now();
    const day = 24 * 60 * 60 * 1000;
    await expect(conn.sobject('Lead').deleted(new Date(now - day), new Date(now + 10 * 60_000))).rejects.toMatchObject({ errorCode: 'INVALID_REPLICATION_DATE' });
    await expect(conn.sobject('Lead').deleted(new Date(now - 31 * day), new Date(now - 60_000))).rejects.toMatchObject({ errorCode: 'INVALID_REPLICATION_DATE' });
    await expect(conn.sobject('Lead').deleted(new Date(now - 60_000), new Date(now - 120_000))).rejects.toMatchObject({ errorCode: 'INVALID_REPLICATION_DATE' });
    const ok = await conn.sobject('Lead').deleted(new Date(now - day), new Date(now - 1000));
    expect(Date.parse(ok.earliestDateAvailable.replace(/\+0000$/, 'Z'))).toBeLessThanOrEqual(now - 15 * day + 60_000);
    expect(Date.parse(ok.latestDateCovered.replace(/\+0000$/, 'Z'))).toBeLessThanOrEqual(now - 1000);
  });
});
