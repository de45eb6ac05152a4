import type { Database } from 'better-sqlite3';
import type { TenantRef } from '../core/lead';
import {
  calibrationJobColumns,
  calibrationJobValues,
  toCalibrationJob,
  type CalibrationJobPatch,
  type CalibrationJobRecord,
  type CalibrationJobRow,
} from './calibration-job-records';

type Transaction = <T>(work: () => T) => T;

const columns = calibrationJobColumns.split(', ');
const tenantWhere = 'crm = ? AND tenant_id = ?';

function prepare(db: Database) {
  return {
    insert: db.prepare(`INSERT INTO calibration_jobs (crm, tenant_id, ${calibrationJobColumns}) VALUES (?, ?, ${columns.map(() => '?').join(', ')})`),
    get: db.prepare<[string, string, string], CalibrationJobRow>(`SELECT ${calibrationJobColumns} FROM calibration_jobs WHERE ${tenantWhere} AND id = ?`),
    update: db.prepare(`UPDATE calibration_jobs SET ${columns.filter((c) => c !== 'id').map((c) => `${c} = ?`).join(', ')} WHERE ${tenantWhere} AND id = ?`),
  };
}

/** The SQLite store's calibration jobs (migration 8). */
export class SqliteCalibrationJobs {
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

  async create(ref: TenantRef, job: CalibrationJobRecord): Promise<void> {
    this.write(() => this.sql.insert.run(ref.crm, ref.tenantId, ...calibrationJobValues(job)));
  }

  async get(ref: TenantRef, id: string): Promise<CalibrationJobRecord | null> {
    const row = this.read(() => this.sql.get.get(ref.crm, ref.tenantId, id));
    return row ? toCalibrationJob(row) : null;
  }

  async update(ref: TenantRef, id: string, patch: CalibrationJobPatch): Promise<void> {
    this.write(() => {
      const row = this.sql.get.get(ref.crm, ref.tenantId, id);
      if (!row) throw new Error(`calibration job ${id} does not exist for tenant ${ref.crm}/${ref.tenantId}`);
      const [, ...values] = calibrationJobValues({ ...toCalibrationJob(row), ...patch });
      this.sql.update.run(...values, ref.crm, ref.tenantId, id);
    });
  }
}
