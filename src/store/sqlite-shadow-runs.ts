import type { Database } from 'better-sqlite3';
import { chunk } from '../core/chunk';
import type { TenantRef } from '../core/lead';
import type { NewShadowRun, ShadowDecision, ShadowRun } from '../core/shadow/shadow-run';
import { isoInstant } from './iso-instant';
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

type TenantKey = { crm: string; tenantId: string };
type Transaction = <T>(work: () => T) => T;

const tenantWhere = 'crm = @crm AND tenant_id = @tenantId';
const decisionParams = shadowDecisionColumns.split(', ').map((_, i) => `@v${i}`).join(', ');
const decisionUpdates = shadowDecisionColumns
  .split(', ')
  .filter((c) => c !== 'record_id')
  .map((c) => `${c} = excluded.${c}`)
  .join(', ');

function prepare(db: Database) {
  return {
    insertRun: db.prepare<TenantKey & { definitionId: number; startedAt: string; endsAt: string; startedBy: string }, ShadowRunRow>(`
      INSERT INTO shadow_runs (crm, tenant_id, definition_id, started_at, ends_at, started_by)
      VALUES (@crm, @tenantId, @definitionId, @startedAt, @endsAt, @startedBy) RETURNING ${shadowRunColumns}`),
    definitionExists: db.prepare<TenantKey & { id: number }, { id: number }>(`SELECT id FROM definitions WHERE ${tenantWhere} AND id = @id`),
    activeRun: db.prepare<TenantKey & { now: string }, ShadowRunRow>(`
      SELECT ${shadowRunColumns} FROM shadow_runs
      WHERE ${tenantWhere} AND started_at <= @now AND ends_at > @now AND stopped_at IS NULL ORDER BY id DESC LIMIT 1`),
    getRun: db.prepare<TenantKey & { id: number }, ShadowRunRow>(`SELECT ${shadowRunColumns} FROM shadow_runs WHERE ${tenantWhere} AND id = @id`),
    listRuns: db.prepare<TenantKey, ShadowRunRow>(`SELECT ${shadowRunColumns} FROM shadow_runs WHERE ${tenantWhere} ORDER BY id DESC`),
    stopRun: db.prepare<TenantKey & { id: number; now: string }>(`
      UPDATE shadow_runs SET stopped_at = @now WHERE ${tenantWhere} AND id = @id AND stopped_at IS NULL AND ends_at > @now`),
    upsertDecision: db.prepare<Record<string, unknown>>(`
      INSERT INTO shadow_decisions (crm, tenant_id, run_id, ${shadowDecisionColumns}) VALUES (@crm, @tenantId, @runId, ${decisionParams})
      ON CONFLICT (crm, tenant_id, run_id, record_id) DO UPDATE SET ${decisionUpdates}`),
    decisionsOf: db.prepare<TenantKey & { runId: number; ids: string }, ShadowDecisionRow>(`
      SELECT ${shadowDecisionColumns} FROM shadow_decisions
      WHERE ${tenantWhere} AND run_id = @runId AND record_id IN (SELECT value FROM json_each(@ids))`),
    listDecisions: db.prepare<TenantKey & { runId: number }, ShadowDecisionRow>(`
      SELECT ${shadowDecisionColumns} FROM shadow_decisions WHERE ${tenantWhere} AND run_id = @runId ORDER BY record_id`),
  };
}

/** The SQLite store's shadow runs (migration 7), kept apart from the statements they never share. */
export class SqliteShadowRuns {
  private statements: ReturnType<typeof prepare> | undefined;

  constructor(
    private readonly db: Database,
    private readonly write: Transaction,
    private readonly read: Transaction,
  ) {}

  private get sql(): ReturnType<typeof prepare> {
    this.statements ??= prepare(this.db);
    return this.statements;
  }

  async start(ref: TenantRef, run: NewShadowRun): Promise<ShadowRun> {
    const values = {
      ...key(ref),
      definitionId: run.definitionId,
      startedAt: isoInstant(run.startedAt, 'startedAt'),
      endsAt: isoInstant(run.endsAt, 'endsAt'),
      startedBy: run.startedBy,
    };
    const row = this.write(() => {
      if (!this.sql.definitionExists.get({ ...key(ref), id: run.definitionId })) {
        throw new Error(`definition ${run.definitionId} does not exist for tenant ${ref.crm}/${ref.tenantId}`);
      }
      const active = this.sql.activeRun.get({ ...key(ref), now: values.startedAt });
      if (active) throw new ShadowRunActiveError(Number(active.id));
      return this.sql.insertRun.get(values);
    });
    if (!row) throw new Error('SQLite returned no row for the new shadow run');
    return toShadowRun(row);
  }

  async stop(ref: TenantRef, id: number, now: string): Promise<ShadowRun | null> {
    const at = isoInstant(now, 'now');
    const row = this.write(() => {
      this.sql.stopRun.run({ ...key(ref), id, now: at });
      return this.sql.getRun.get({ ...key(ref), id });
    });
    return row ? toShadowRun(row) : null;
  }

  async get(ref: TenantRef, id: number): Promise<ShadowRun | null> {
    const row = this.read(() => this.sql.getRun.get({ ...key(ref), id }));
    return row ? toShadowRun(row) : null;
  }

  async active(ref: TenantRef, now: string): Promise<ShadowRun | null> {
    const row = this.read(() => this.sql.activeRun.get({ ...key(ref), now: isoInstant(now, 'now') }));
    return row ? toShadowRun(row) : null;
  }

  async list(ref: TenantRef): Promise<ShadowRun[]> {
    return this.read(() => this.sql.listRuns.all(key(ref))).map(toShadowRun);
  }

  async save(ref: TenantRef, runId: number, decisions: ShadowDecision[]): Promise<void> {
    const rows = decisions.map((d) => {
      const values = shadowDecisionValues(d, isoInstant(d.decidedAt, `decidedAt of record ${d.recordId}`));
      return { ...key(ref), runId, ...Object.fromEntries(values.map((v, i) => [`v${i}`, v])) };
    });
    this.write(() => {
      for (const row of rows) this.sql.upsertDecision.run(row);
    });
  }

  async decisionsOf(ref: TenantRef, runId: number, recordIds: string[]): Promise<Map<string, ShadowDecision>> {
    const rows = this.read(() =>
      chunk([...new Set(recordIds)], 500).flatMap((ids) => this.sql.decisionsOf.all({ ...key(ref), runId, ids: JSON.stringify(ids) })),
    );
    return new Map(rows.map((row) => [row.record_id, toShadowDecision(row)]));
  }

  async listDecisions(ref: TenantRef, runId: number): Promise<ShadowDecision[]> {
    return this.read(() => this.sql.listDecisions.all({ ...key(ref), runId })).map(toShadowDecision);
  }
}

function key(ref: TenantRef): TenantKey {
  return { crm: ref.crm, tenantId: ref.tenantId };
}
