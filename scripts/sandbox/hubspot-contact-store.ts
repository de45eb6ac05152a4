import type { Clock } from './clock';
import { HubspotApiError, objectNotFound, validationError } from './hubspot-api-error';
import type { ContactChange, ContactRecord, PropertyVersion, WriteSource } from './hubspot-contact-record';
import type { HubspotOwnerDirectory } from './hubspot-owner-directory';
import type { HubspotPropertyCatalog } from './hubspot-property-catalog';
import { normalizePropertyValues } from './normalize-property-values';
import { propertyValuesNotValid, type PropertyValueError } from './property-value-error';

export type ContactIdProperty = 'hs_object_id' | 'email';

export interface ContactLookup {
  archived?: boolean;
  idProperty?: ContactIdProperty;
}

export interface ContactUpdate {
  id: string;
  properties: Record<string, unknown>;
}

export interface CreateOptions {
  /** Existing data (seeding): stored without any change event, so no webhook. */
  silent?: boolean;
  createdAt?: number;
  updatedAt?: number;
}

type ChangeListener = (change: ContactChange) => void;

const calculated: WriteSource = { changeSource: 'CALCULATED', sourceId: null };
const historyDepth = 20;

/**
 * The portal's contacts. Every write is validated against the property catalog first and applied
 * all-or-nothing; each effective change is announced to listeners (the webhook module).
 */
export class HubspotContactStore {
  private readonly records = new Map<string, ContactRecord>();
  /** Active contacts by email, so creating thousands of contacts stays linear. */
  private readonly idsByEmail = new Map<string, string>();
  private readonly listeners = new Set<ChangeListener>();
  private nextId = 1001;
  /**
   * Writes that changed nothing: record updates whose every value equals the record's, and single
   * properties sent with the value they already had. Accord should never make either (benchmarks read these).
   */
  readonly redundant = { updates: 0, properties: 0 };

  constructor(
    private readonly deps: { catalog: HubspotPropertyCatalog; owners: HubspotOwnerDirectory; clock: Clock; portalId: string },
  ) {}

  onChange(listener: ChangeListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  get size(): number {
    return this.records.size;
  }

  find(id: string, lookup: ContactLookup = {}): ContactRecord | undefined {
    const archived = lookup.archived ?? false;
    const record = lookup.idProperty === 'email' ? this.findByEmail(id, archived) : this.records.get(id);
    return record && record.archived === archived ? copyOf(record) : undefined;
  }

  get(id: string, lookup: ContactLookup = {}): ContactRecord {
    const record = this.find(id, lookup);
    if (!record) throw objectNotFound();
    return record;
  }

  /** Contacts in id order, which is also HubSpot's paging order for the list endpoint. */
  list(options: { archived?: boolean } = {}): ContactRecord[] {
    const archived = options.archived ?? false;
    return [...this.records.values()].filter((r) => r.archived === archived).map(copyOf);
  }

  create(input: Record<string, unknown>, source: WriteSource, options: CreateOptions = {}): ContactRecord {
    const [record] = this.createMany([input], source, options);
    if (!record) throw new Error('createMany returned no record for one input');
    return record;
  }

  createMany(inputs: ReadonlyArray<Record<string, unknown>>, source: WriteSource, options: CreateOptions = {}): ContactRecord[] {
    const normalized = inputs.map((input) => this.normalize(input));
    this.assertEmailsFree(normalized.map((n) => n.email ?? null));
    return normalized.map((values) => this.insert(values, source, options));
  }

  update(id: string, input: Record<string, unknown>, source: WriteSource, lookup: ContactLookup = {}): ContactRecord {
    const record = this.mutable(id, lookup);
    const values = this.normalize(input);
    this.assertEmailsFree([values.email ?? null], record.id);
    return this.apply(record, values, source);
  }

  /** HubSpot's batch update: unknown ids or invalid values anywhere refuse the whole batch. */
  updateMany(updates: readonly ContactUpdate[], source: WriteSource): ContactRecord[] {
    const missing = updates.map((u) => u.id).filter((id) => !this.find(id));
    if (missing.length > 0) {
      throw validationError(`Could not update some CONTACT objects, they may be deleted or not exist: ${missing.join(', ')}`, {
        context: { ids: missing },
      });
    }
    const errors: PropertyValueError[] = [];
    const normalized = updates.map((u) => {
      const result = normalizePropertyValues(u.properties, this.deps.catalog, this.deps.owners);
      errors.push(...result.errors);
      return result.values;
    });
    if (errors.length > 0) throw propertyValuesNotValid(errors, this.deps.portalId);
    updates.forEach((u, i) => this.assertEmailsFree([normalized[i]?.email ?? null], u.id));
    return updates.map((u, i) => this.apply(this.mutable(u.id), normalized[i] ?? {}, source));
  }

  /** Moves the contact to the recycling bin (`archived: true`); a missing or already archived id is a no-op, as in HubSpot. */
  archive(id: string, source: WriteSource): void {
    const record = this.records.get(id);
    if (!record || record.archived) return;
    const now = this.deps.clock();
    record.archived = true;
    record.archivedAt = now;
    if (record.properties.email) this.idsByEmail.delete(record.properties.email);
    record.updatedAt = now;
    this.emit({ kind: 'deleted', objectId: id, occurredAt: now, source });
  }

  /** GDPR delete: the record is gone for good, archived or not. */
  purge(id: string, source: WriteSource, lookup: { idProperty?: ContactIdProperty } = {}): void {
    const record = lookup.idProperty === 'email' ? this.findByEmail(id, false) ?? this.findByEmail(id, true) : this.records.get(id);
    if (!record) throw objectNotFound();
    this.records.delete(record.id);
    if (!record.archived && record.properties.email) this.idsByEmail.delete(record.properties.email);
    this.emit({ kind: 'privacyDeleted', objectId: record.id, occurredAt: this.deps.clock(), source });
  }

  private normalize(input: Record<string, unknown>): Record<string, string> {
    const { values, errors } = normalizePropertyValues(input, this.deps.catalog, this.deps.owners);
    if (errors.length > 0) throw propertyValuesNotValid(errors, this.deps.portalId);
    return values;
  }

  private insert(values: Record<string, string>, source: WriteSource, options: CreateOptions): ContactRecord {
    const id = String(this.nextId++);
    const createdAt = options.createdAt ?? this.deps.clock();
    const updatedAt = options.updatedAt ?? createdAt;
    const record: ContactRecord = { id, properties: {}, history: {}, createdAt, updatedAt, archived: false, archivedAt: null };
    const written = Object.entries(values).filter(([, value]) => value !== '');
    for (const [name, value] of written) setValue(record, name, value, updatedAt, source);
    setValue(record, 'hs_object_id', id, createdAt, calculated);
    if (!record.properties.createdate) setValue(record, 'createdate', new Date(createdAt).toISOString(), createdAt, calculated);
    setValue(record, 'lastmodifieddate', new Date(updatedAt).toISOString(), updatedAt, calculated);
    this.records.set(id, record);
    if (record.properties.email) this.idsByEmail.set(record.properties.email, id);
    if (!options.silent) {
      this.emit({ kind: 'created', objectId: id, occurredAt: createdAt, source });
      for (const [name, value] of written) {
        this.emit({ kind: 'propertyChanged', objectId: id, occurredAt: createdAt, source, propertyName: name, propertyValue: value });
      }
    }
    return copyOf(record);
  }

  private apply(record: ContactRecord, values: Record<string, string>, source: WriteSource): ContactRecord {
    const now = this.deps.clock();
    const changed = Object.entries(values).filter(([name, value]) => (record.properties[name] ?? '') !== value);
    this.redundant.properties += Object.keys(values).length - changed.length;
    if (changed.length === 0) {
      this.redundant.updates += 1;
      return copyOf(record);
    }
    if (values.email !== undefined && record.properties.email) this.idsByEmail.delete(record.properties.email);
    for (const [name, value] of changed) setValue(record, name, value, now, source);
    if (record.properties.email) this.idsByEmail.set(record.properties.email, record.id);
    record.updatedAt = now;
    setValue(record, 'lastmodifieddate', new Date(now).toISOString(), now, calculated);
    for (const [name, value] of changed) {
      this.emit({ kind: 'propertyChanged', objectId: record.id, occurredAt: now, source, propertyName: name, propertyValue: value });
    }
    return copyOf(record);
  }

  private mutable(id: string, lookup: ContactLookup = {}): ContactRecord {
    const found = this.find(id, { ...lookup, archived: false });
    const record = found && this.records.get(found.id);
    if (!record) throw objectNotFound();
    return record;
  }

  private findByEmail(email: string, archived: boolean): ContactRecord | undefined {
    const wanted = email.trim().toLowerCase();
    if (!archived) {
      const id = this.idsByEmail.get(wanted);
      return id === undefined ? undefined : this.records.get(id);
    }
    return [...this.records.values()].find((r) => r.archived && r.properties.email === wanted);
  }

  private assertEmailsFree(emails: ReadonlyArray<string | null>, ownId?: string): void {
    const seen = new Set<string>();
    for (const email of emails) {
      if (!email) continue;
      const existing = this.findByEmail(email, false);
      if (existing && existing.id !== ownId) {
        throw new HubspotApiError(409, 'CONFLICT', `Contact already exists. Existing ID: ${existing.id}`);
      }
      if (seen.has(email)) throw new HubspotApiError(409, 'CONFLICT', `Duplicate email in batch input: ${email}`);
      seen.add(email);
    }
  }

  private emit(change: ContactChange): void {
    for (const listener of this.listeners) listener(change);
  }
}

function setValue(record: ContactRecord, name: string, value: string, timestamp: number, source: WriteSource): void {
  if (value === '') delete record.properties[name];
  else record.properties[name] = value;
  const version: PropertyVersion = { value, timestamp, sourceType: source.changeSource, sourceId: source.sourceId };
  record.history[name] = [version, ...(record.history[name] ?? [])].slice(0, historyDepth);
}

function copyOf(record: ContactRecord): ContactRecord {
  return { ...record, properties: { ...record.properties }, history: { ...record.history } };
}
