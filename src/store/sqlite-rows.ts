import type { CrmEvent } from '../core/crm-event';
import type { Definition } from '../core/definition';
import type { CrmKind } from '../core/lead';
import type { WeeklyDigest } from '../core/notify/weekly-digest';
import type { AuditEntry, DeadLetter, DefinitionRecord, DefinitionStatus, DigestRecord, InboxRow, LeadFacts, LeadOutcome, TenantRecord } from './store';

/** Rows as SQLite returns them, and their translation to the port's types. */

export interface TenantRow {
  crm: string;
  tenant_id: string;
  name: string;
  active: number;
  credentials: string;
  instance_url: string | null;
  installed_at: string;
  updated_at: string;
}

export interface DefinitionRow {
  id: number;
  crm: string;
  tenant_id: string;
  version: number;
  status: string;
  body: string;
  created_by: string;
  created_at: string;
  published_by: string | null;
  published_at: string | null;
}

export interface InboxRowRow {
  id: number;
  event: string;
  attempts: number;
  received_at: string;
  last_error: string | null;
}

export interface DeadLetterRow {
  id: number;
  event: string;
  attempts: number;
  reason: string;
  dead_at: string;
}

export interface AuditRow {
  crm: string;
  tenant_id: string;
  at: string;
  actor: string;
  action: string;
  record_id: string | null;
  detail: string;
}

export interface LeadFactsRow {
  record_id: string;
  created_at: string | null;
  source: string | null;
  campaign: string | null;
  country: string | null;
  region: string | null;
  outcome: string | null;
  outcome_at: string | null;
  amount: number | null;
}

export function toLeadFacts(row: LeadFactsRow): LeadFacts {
  return {
    recordId: row.record_id,
    createdAt: row.created_at,
    source: row.source,
    campaign: row.campaign,
    country: row.country,
    region: row.region,
    outcome: row.outcome as LeadOutcome | null,
    outcomeAt: row.outcome_at,
    amount: row.amount,
  };
}

export function toTenantRecord(row: TenantRow): TenantRecord {
  return {
    crm: row.crm as CrmKind,
    tenantId: row.tenant_id,
    name: row.name,
    active: row.active === 1,
    credentials: row.credentials,
    instanceUrl: row.instance_url,
    installedAt: row.installed_at,
    updatedAt: row.updated_at,
  };
}

export function toDefinitionRecord(row: DefinitionRow): DefinitionRecord {
  return {
    id: row.id,
    tenant: { crm: row.crm as CrmKind, tenantId: row.tenant_id },
    version: row.version,
    status: row.status as DefinitionStatus,
    definition: JSON.parse(row.body) as Definition,
    createdBy: row.created_by,
    createdAt: row.created_at,
    publishedBy: row.published_by,
    publishedAt: row.published_at,
  };
}

export function toInboxRow(row: InboxRowRow): InboxRow {
  return {
    id: row.id,
    event: JSON.parse(row.event) as CrmEvent,
    attempts: row.attempts,
    receivedAt: row.received_at,
    lastError: row.last_error,
  };
}

export function toDeadLetter(row: DeadLetterRow): DeadLetter {
  return {
    id: row.id,
    event: JSON.parse(row.event) as CrmEvent,
    attempts: row.attempts,
    reason: row.reason,
    deadAt: row.dead_at,
  };
}

export function toAuditEntry(row: AuditRow): AuditEntry {
  return {
    tenant: { crm: row.crm as CrmKind, tenantId: row.tenant_id },
    at: row.at,
    actor: row.actor,
    action: row.action,
    recordId: row.record_id,
    detail: JSON.parse(row.detail) as Record<string, unknown>,
  };
}

export interface DigestRow {
  id: number;
  crm: string;
  tenant_id: string;
  period_end: string;
  body: string;
  created_at: string;
}

export function toDigestRecord(row: DigestRow): DigestRecord {
  return {
    id: row.id,
    tenant: { crm: row.crm as CrmKind, tenantId: row.tenant_id },
    periodEnd: row.period_end,
    digest: JSON.parse(row.body) as WeeklyDigest,
    createdAt: row.created_at,
  };
}
