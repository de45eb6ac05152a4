import { toSalesforceId18 } from '../../adapters/salesforce/salesforce-id';
import type { Clock } from './clock';
import type { SalesforceFieldSpec } from './salesforce-field-spec';
import type { SalesforceLeadStatus } from './salesforce-lead-statuses';
import { SalesforceRecordRejected, type SalesforceRecordError } from './salesforce-record-error';
import type { SalesforceUserDirectory } from './salesforce-user-directory';
import { normalizeSalesforceValues, type SalesforceStoredValue } from './normalize-salesforce-values';

/** A lead as the sandbox stores it: canonical field names, datetimes as ISO instants. */
export type SalesforceLeadRecord = Record<string, SalesforceStoredValue>;

/** What happened to a lead, and which user did it (LastModifiedById of the save). */
export interface SalesforceLeadChange {
  kind: 'created' | 'updated' | 'converted';
  id: string;
  userId: string;
  at: number;
}

/** One entry of the org's delete log. */
export interface SalesforceDeletedLead {
  id: string;
  /** Epoch ms, to the second (Salesforce keeps audit times to the second). */
  deletedAt: number;
  deletedById: string;
  /** The surviving lead when this one was merged away; null for a plain delete. */
  masterRecordId: string | null;
}

export interface SalesforceCreateOptions {
  /** Existing data (seeding): no change event, so no outbound message. */
  silent?: boolean;
  createdAt?: number;
  /** When it was last modified (seeding: the person's last activity); default the creation time. */
  modifiedAt?: number;
  /** Who owns the lead when the input names nobody (web-to-lead: the lead queue); default the creating user. */
  defaultOwnerId?: string;
  /** Web-to-lead and imports: a missing Company or LastName becomes "[not provided]", as Salesforce fills them. */
  fillRequired?: boolean;
}

export interface SalesforceLeadStoreDeps {
  fields: () => ReadonlyMap<string, SalesforceFieldSpec>;
  users: SalesforceUserDirectory;
  /** Queues (00G…) that may own leads. */
  queues: ReadonlySet<string>;
  statuses: () => readonly SalesforceLeadStatus[];
  clock: Clock;
  newId: () => string;
}

const notProvided = '[not provided]';

/** The org's leads. Writes are validated like Salesforce validates them; converted leads refuse updates. */
export class SalesforceLeadStore {
  private readonly records = new Map<string, SalesforceLeadRecord>();
  /** The delete log (what `sobjects/Lead/deleted` reads): deleted and merged-away leads, in deletion order. */
  private readonly deleteLog: SalesforceDeletedLead[] = [];
  private readonly listeners = new Set<(change: SalesforceLeadChange) => void>();

  constructor(private readonly deps: SalesforceLeadStoreDeps) {}

  onChange(listener: (change: SalesforceLeadChange) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  get size(): number {
    return this.records.size;
  }

  find(id: string): SalesforceLeadRecord | undefined {
    const key = toSalesforceId18(id);
    const record = key === null ? undefined : this.records.get(key);
    return record ? { ...record } : undefined;
  }

  list(): SalesforceLeadRecord[] {
    return [...this.records.values()].map((record) => ({ ...record }));
  }

  /** Creates a lead as `userId` (its owner unless the input or `defaultOwnerId` names one). Throws SalesforceRecordRejected. */
  create(input: Readonly<Record<string, unknown>>, userId: string, options: SalesforceCreateOptions = {}): SalesforceLeadRecord {
    const filled = options.fillRequired
      ? { ...input, LastName: input.LastName || notProvided, Company: input.Company || notProvided }
      : input;
    const { values, errors } = this.check(filled, 'create');
    const missing = ['LastName', 'Company'].filter((name) => values[name] === undefined || values[name] === null);
    if (missing.length > 0) errors.push({ statusCode: 'REQUIRED_FIELD_MISSING', message: `Required fields are missing: [${missing.join(', ')}]`, fields: missing });
    if (errors.length > 0) throw new SalesforceRecordRejected(errors);
    const at = options.createdAt ?? this.deps.clock();
    const iso = stampOf(at);
    const modified = stampOf(Math.max(at, options.modifiedAt ?? at));
    const id = this.deps.newId();
    const defaultStatus = this.deps.statuses().find((status) => status.IsDefault)?.ApiName ?? null;
    const record: SalesforceLeadRecord = {
      Status: defaultStatus,
      OwnerId: options.defaultOwnerId ?? userId,
      HasOptedOutOfEmail: false,
      DoNotCall: false,
      ...values,
      Id: id,
      IsConverted: false,
      ConvertedDate: null,
      ConvertedOpportunityId: null,
      IsDeleted: false,
      CreatedDate: iso,
      CreatedById: userId,
      LastModifiedDate: modified,
      LastModifiedById: userId,
      SystemModstamp: modified,
    };
    record.Name = fullNameOf(record);
    this.records.set(id, record);
    if (!options.silent) this.emit({ kind: 'created', id, userId, at });
    return { ...record };
  }

  /** Updates a lead as `userId`; only effective changes count as a change. Throws SalesforceRecordRejected. */
  update(id: string, input: Readonly<Record<string, unknown>>, userId: string): SalesforceLeadRecord {
    const record = this.mutable(id);
    if (record.IsConverted === true) throw new SalesforceRecordRejected([{ statusCode: 'CANNOT_UPDATE_CONVERTED_LEAD', message: 'cannot reference converted lead', fields: [] }]);
    const { values, errors } = this.check(input, 'update');
    if (errors.length > 0) throw new SalesforceRecordRejected(errors);
    const changed = Object.entries(values).filter(([name, value]) => record[name] !== value);
    if (changed.length === 0) return { ...record };
    const at = this.deps.clock();
    for (const [name, value] of changed) record[name] = value;
    this.stamp(record, userId, at);
    this.emit({ kind: 'updated', id: String(record.Id), userId, at });
    return { ...record };
  }

  /** What `update` would refuse, without writing anything (for all-or-none requests). */
  updateErrors(id: string, input: Readonly<Record<string, unknown>>): SalesforceRecordError[] {
    const key = toSalesforceId18(id);
    const record = key === null ? undefined : this.records.get(key);
    if (!record) return [notFound(id)];
    if (record.IsConverted === true) return [{ statusCode: 'CANNOT_UPDATE_CONVERTED_LEAD', message: 'cannot reference converted lead', fields: [] }];
    return this.check(input, 'update').errors;
  }

  /** Converts a lead (as Lead Convert does): converted status, IsConverted, and no API update ever again. */
  convert(id: string, userId: string, opportunityId: string | null = null): SalesforceLeadRecord {
    const record = this.mutable(id);
    if (record.IsConverted === true) throw new SalesforceRecordRejected([{ statusCode: 'CANNOT_UPDATE_CONVERTED_LEAD', message: 'cannot reference converted lead', fields: [] }]);
    const at = this.deps.clock();
    record.IsConverted = true;
    record.ConvertedDate = new Date(at).toISOString();
    record.ConvertedOpportunityId = opportunityId;
    record.Status = this.deps.statuses().find((status) => status.IsConverted)?.ApiName ?? record.Status ?? null;
    this.stamp(record, userId, at);
    this.emit({ kind: 'converted', id: String(record.Id), userId, at });
    return { ...record };
  }

  /** Deletes a lead (to the recycle bin). Salesforce fires no outbound message on delete, so no change event. */
  delete(id: string, userId: string): void {
    const record = this.mutable(id);
    this.remove(record, userId, null);
  }

  /**
   * Merges `loserIds` into `masterId` (the SOAP `merge()` call): the losers are deleted with `MasterRecordId`
   * set, and the master is saved (so its outbound message fires).
   */
  merge(masterId: string, loserIds: readonly string[], userId: string): SalesforceLeadRecord {
    const master = this.mutable(masterId);
    const losers = loserIds.map((id) => this.mutable(id));
    if (losers.some((loser) => loser.Id === master.Id)) throw new SalesforceRecordRejected([{ statusCode: 'INVALID_ID_FIELD', message: 'a record cannot be merged into itself', fields: [] }]);
    for (const loser of losers) this.remove(loser, userId, String(master.Id));
    const at = this.deps.clock();
    this.stamp(master, userId, at);
    this.emit({ kind: 'updated', id: String(master.Id), userId, at });
    return { ...master };
  }

  /** True when the id names a lead in the delete log. */
  isDeleted(id: string): boolean {
    const key = toSalesforceId18(id);
    return this.deleteLog.some((entry) => entry.id === key);
  }

  /** Delete-log entries with `from <= deletedAt <= to` (epoch ms), oldest first. */
  deletedBetween(from: number, to: number): SalesforceDeletedLead[] {
    return this.deleteLog.filter((entry) => entry.deletedAt >= from && entry.deletedAt <= to).map((entry) => ({ ...entry }));
  }

  private remove(record: SalesforceLeadRecord, userId: string, masterRecordId: string | null): void {
    const at = this.deps.clock();
    this.records.delete(String(record.Id));
    this.deleteLog.push({ id: String(record.Id), deletedAt: Math.floor(at / 1000) * 1000, deletedById: userId, masterRecordId });
  }

  private check(input: Readonly<Record<string, unknown>>, mode: 'create' | 'update') {
    return normalizeSalesforceValues(input, { fields: this.deps.fields(), ownerStatus: (id) => this.ownerStatus(id), object: 'Lead' }, mode);
  }

  private ownerStatus(id: string): 'active' | 'inactive' | 'unknown' {
    if (this.deps.queues.has(toSalesforceId18(id) ?? id)) return 'active';
    const user = this.deps.users.find(id);
    if (!user) return 'unknown';
    return user.IsActive ? 'active' : 'inactive';
  }

  private mutable(id: string): SalesforceLeadRecord {
    const key = toSalesforceId18(id);
    const record = key === null ? undefined : this.records.get(key);
    if (!record) throw new SalesforceRecordRejected([notFound(id)]);
    return record;
  }

  private stamp(record: SalesforceLeadRecord, userId: string, at: number): void {
    const iso = stampOf(at);
    record.Name = fullNameOf(record);
    record.LastModifiedDate = iso;
    record.LastModifiedById = userId;
    record.SystemModstamp = iso;
  }

  private emit(change: SalesforceLeadChange): void {
    for (const listener of this.listeners) listener(change);
  }
}

/** Salesforce keeps audit times to the second. */
function stampOf(at: number): string {
  return new Date(Math.floor(at / 1000) * 1000).toISOString();
}

function notFound(id: string): SalesforceRecordError {
  return { statusCode: 'INVALID_CROSS_REFERENCE_KEY', message: `invalid cross reference id: ${id.slice(0, 40)}`, fields: [] };
}

function fullNameOf(record: SalesforceLeadRecord): string {
  return [record.FirstName, record.LastName].filter((part) => typeof part === 'string' && part.trim() !== '').join(' ');
}
