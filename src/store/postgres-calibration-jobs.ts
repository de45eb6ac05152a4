import { Pool, type PoolClient, type QueryResultRow } from 'pg';
import type { TenantRef } from '../core/lead';
import {
  calibrationJobColumns,
  calibrationJobValues,
  toCalibrationJob,
  type CalibrationJobPatch,
  type CalibrationJobRecord,
  type CalibrationJobRow,
} from './calibration-job-records';
import type { PostgresStatement } from './postgres-statements';
import { postgresTransaction, retryingConflicts } from './postgres-transaction';

function statement(name: string, text: string): PostgresStatement {
  return { name: `accord_calibration_${name}`, text };
}

const columns = calibrationJobColumns.split(', ');
const casts: Record<string, string> = { created_at: '::timestamptz', updated_at: '::timestamptz', started_at: '::timestamptz', finished_at: '::timestamptz' };
const placeholder = (column: string, n: number) => `$${n}${casts[column] ?? ''}`;

/** Statements behind calibration jobs (migration 8), mirroring sqlite-calibration-jobs.ts. */
const statements = {
  insert: statement('insert', `INSERT INTO calibration_jobs (crm, tenant_id, ${calibrationJobColumns}) VALUES ($1, $2, ${columns.map((c, i) => placeholder(c, i + 3)).join(', ')})`),
  get: statement('get', `SELECT ${calibrationJobColumns} FROM calibration_jobs WHERE crm = $1 AND tenant_id = $2 AND id = $3`),
  lock: statement('lock', `SELECT id FROM calibration_jobs WHERE crm = $1 AND tenant_id = $2 AND id = $3 FOR UPDATE`),
  update: statement(
    'update',
    `UPDATE calibration_jobs SET ${columns.slice(1).map((c, i) => `${c} = ${placeholder(c, i + 4)}`).join(', ')} WHERE crm = $1 AND tenant_id = $2 AND id = $3`,
  ),
};

type Queryable = Pick<Pool, 'query'> | PoolClient;

async function rowsOf<Row extends QueryResultRow>(db: Queryable, s: PostgresStatement, values: unknown[]): Promise<Row[]> {
  const query = () => db.query<Row>({ name: s.name, text: s.text, values });
  // Inside a transaction only the whole transaction can run again (postgresTransaction does).
  return (await (db instanceof Pool ? retryingConflicts(query) : query())).rows;
}

/** The Postgres store's calibration jobs. */
export class PostgresCalibrationJobs {
  constructor(private readonly pool: Pool) {}

  async create(ref: TenantRef, job: CalibrationJobRecord): Promise<void> {
    await rowsOf(this.pool, statements.insert, [ref.crm, ref.tenantId, ...calibrationJobValues(job)]);
  }

  async get(ref: TenantRef, id: string): Promise<CalibrationJobRecord | null> {
    const [row] = await rowsOf<CalibrationJobRow>(this.pool, statements.get, [ref.crm, ref.tenantId, id]);
    return row ? toCalibrationJob(row) : null;
  }

  async update(ref: TenantRef, id: string, patch: CalibrationJobPatch): Promise<void> {
    await postgresTransaction(this.pool, async (client) => {
      await rowsOf(client, statements.lock, [ref.crm, ref.tenantId, id]);
      const [row] = await rowsOf<CalibrationJobRow>(client, statements.get, [ref.crm, ref.tenantId, id]);
      if (!row) throw new Error(`calibration job ${id} does not exist for tenant ${ref.crm}/${ref.tenantId}`);
      const [, ...values] = calibrationJobValues({ ...toCalibrationJob(row), ...patch });
      await rowsOf(client, statements.update, [ref.crm, ref.tenantId, id, ...values]);
    });
  }
}
