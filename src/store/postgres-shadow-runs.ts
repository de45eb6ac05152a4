import { Pool, type PoolClient, type QueryResultRow } from 'pg';
import { chunk } from '../core/chunk';
import type { TenantRef } from '../core/lead';
import type { NewShadowRun, ShadowDecision, ShadowRun } from '../core/shadow/shadow-run';
import { isoInstant } from './iso-instant';
import { postgresLockKeys } from './postgres-lock-keys';
import type { PostgresStatement } from './postgres-statements';
import { postgresTransaction, retryingConflicts } from './postgres-transaction';
import { ShadowRunActiveError } from './shadow-run-active-error';
import {
  shadowDecisionColumns,
  shadowDecisionValues,
  shadowRunColumns,
  toShadowDecision,
  toShadowRun,
  type ShadowDecisionRow,
  type ShadowRunRow,
} from './shadow-rows';

function statement(name: string, text: string): PostgresStatement {
  return { name: `accord_shadow_${name}`, text };
}

const decisionColumns = shadowDecisionColumns.split(', ');
const rowsPerInsert = 500;

/** Statements behind shadow runs (migration 7), mirroring sqlite-shadow-runs.ts. */
const statements = {
  lockTenant: statement('lock_tenant', "SELECT pg_advisory_xact_lock($1, hashtext($2::text || '/' || $3::text))"),
  definitionExists: statement('definition_exists', 'SELECT id FROM definitions WHERE crm = $1 AND tenant_id = $2 AND id = $3'),
  insertRun: statement('insert_run', `
    INSERT INTO shadow_runs (crm, tenant_id, definition_id, started_at, ends_at, started_by)
    VALUES ($1, $2, $3, $4::timestamptz, $5::timestamptz, $6) RETURNING ${shadowRunColumns}`),
  activeRun: statement('active_run', `
    SELECT ${shadowRunColumns} FROM shadow_runs
    WHERE crm = $1 AND tenant_id = $2 AND started_at <= $3::timestamptz AND ends_at > $3::timestamptz AND stopped_at IS NULL
    ORDER BY id DESC LIMIT 1`),
  getRun: statement('get_run', `SELECT ${shadowRunColumns} FROM shadow_runs WHERE crm = $1 AND tenant_id = $2 AND id = $3`),
  listRuns: statement('list_runs', `SELECT ${shadowRunColumns} FROM shadow_runs WHERE crm = $1 AND tenant_id = $2 ORDER BY id DESC`),
  stopRun: statement('stop_run', `
    UPDATE shadow_runs SET stopped_at = $4::timestamptz
    WHERE crm = $1 AND tenant_id = $2 AND id = $3 AND stopped_at IS NULL AND ends_at > $4::timestamptz
    RETURNING ${shadowRunColumns}`),
  upsertDecisions: statement('upsert_decisions', `
    INSERT INTO shadow_decisions (crm, tenant_id, run_id, ${shadowDecisionColumns})
    SELECT $1, $2, $3, * FROM unnest($4::text[], $5::float8[], $6::text[], $7::float8[], $8::text[], $9::float8[], $10::text[],
      $11::float8[], $12::text[], $13::int[], $14::timestamptz[])
    ON CONFLICT (crm, tenant_id, run_id, record_id) DO UPDATE SET
      ${decisionColumns.filter((c) => c !== 'record_id').map((c) => `${c} = excluded.${c}`).join(', ')}`),
  decisionsOf: statement('decisions_of', `
    SELECT ${shadowDecisionColumns} FROM shadow_decisions WHERE crm = $1 AND tenant_id = $2 AND run_id = $3 AND record_id = ANY($4::text[])`),
  listDecisions: statement('list_decisions', `
    SELECT ${shadowDecisionColumns} FROM shadow_decisions WHERE crm = $1 AND tenant_id = $2 AND run_id = $3 ORDER BY record_id`),
};

type Queryable = Pick<Pool, 'query'> | PoolClient;

async function rowsOf<Row extends QueryResultRow>(db: Queryable, s: PostgresStatement, values: unknown[]): Promise<Row[]> {
  const query = () => db.query<Row>({ name: s.name, text: s.text, values });
  // Inside a transaction only the whole transaction can run again (postgresTransaction does).
  return (await (db instanceof Pool ? retryingConflicts(query) : query())).rows;
}

/** The Postgres store's shadow runs: one start at a time per tenant (an advisory lock), so two never both pass the check. */
export class PostgresShadowRuns {
  constructor(private readonly pool: Pool) {}

  async start(ref: TenantRef, run: NewShadowRun): Promise<ShadowRun> {
    const startedAt = isoInstant(run.startedAt, 'startedAt');
    const endsAt = isoInstant(run.endsAt, 'endsAt');
    const tenant = [ref.crm, ref.tenantId];
    return postgresTransaction(this.pool, async (client) => {
      await rowsOf(client, statements.lockTenant, [postgresLockKeys.shadow, ...tenant]);
      const exists = Number.isSafeInteger(run.definitionId) && (await rowsOf(client, statements.definitionExists, [...tenant, run.definitionId])).length > 0;
      if (!exists) throw new Error(`definition ${run.definitionId} does not exist for tenant ${ref.crm}/${ref.tenantId}`);
      const [active] = await rowsOf<ShadowRunRow>(client, statements.activeRun, [...tenant, startedAt]);
      if (active) throw new ShadowRunActiveError(Number(active.id));
      const [row] = await rowsOf<ShadowRunRow>(client, statements.insertRun, [...tenant, run.definitionId, startedAt, endsAt, run.startedBy]);
      if (!row) throw new Error('Postgres returned no row for the new shadow run');
      return toShadowRun(row);
    });
  }

  async stop(ref: TenantRef, id: number, now: string): Promise<ShadowRun | null> {
    if (!Number.isSafeInteger(id)) return null;
    const [stopped] = await rowsOf<ShadowRunRow>(this.pool, statements.stopRun, [ref.crm, ref.tenantId, id, isoInstant(now, 'now')]);
    return stopped ? toShadowRun(stopped) : this.get(ref, id);
  }

  async get(ref: TenantRef, id: number): Promise<ShadowRun | null> {
    if (!Number.isSafeInteger(id)) return null;
    const [row] = await rowsOf<ShadowRunRow>(this.pool, statements.getRun, [ref.crm, ref.tenantId, id]);
    return row ? toShadowRun(row) : null;
  }

  async active(ref: TenantRef, now: string): Promise<ShadowRun | null> {
    const [row] = await rowsOf<ShadowRunRow>(this.pool, statements.activeRun, [ref.crm, ref.tenantId, isoInstant(now, 'now')]);
    return row ? toShadowRun(row) : null;
  }

  async list(ref: TenantRef): Promise<ShadowRun[]> {
    return (await rowsOf<ShadowRunRow>(this.pool, statements.listRuns, [ref.crm, ref.tenantId])).map(toShadowRun);
  }

  async save(ref: TenantRef, runId: number, decisions: ShadowDecision[]): Promise<void> {
    if (decisions.length === 0) return;
    // One INSERT may not touch a row twice: a record listed twice keeps its last.
    const last = [...new Map(decisions.map((d) => [d.recordId, d])).values()];
    const rows = last.map((d) => shadowDecisionValues(d, isoInstant(d.decidedAt, `decidedAt of record ${d.recordId}`)));
    await postgresTransaction(this.pool, async (client) => {
      for (const batch of chunk(rows, rowsPerInsert)) {
        const columns = decisionColumns.map((_, c) => batch.map((row) => row[c]));
        await rowsOf(client, statements.upsertDecisions, [ref.crm, ref.tenantId, runId, ...columns]);
      }
    });
  }

  async decisionsOf(ref: TenantRef, runId: number, recordIds: string[]): Promise<Map<string, ShadowDecision>> {
    const found = new Map<string, ShadowDecision>();
    for (const ids of chunk([...new Set(recordIds)], rowsPerInsert)) {
      for (const row of await rowsOf<ShadowDecisionRow>(this.pool, statements.decisionsOf, [ref.crm, ref.tenantId, runId, ids])) {
        found.set(row.record_id, toShadowDecision(row));
      }
    }
    return found;
  }

  async listDecisions(ref: TenantRef, runId: number): Promise<ShadowDecision[]> {
    return (await rowsOf<ShadowDecisionRow>(this.pool, statements.listDecisions, [ref.crm, ref.tenantId, runId])).map(toShadowDecision);
  }
}
