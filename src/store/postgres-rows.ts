import type { CrmEvent } from '../core/crm-event';
import type { Definition } from '../core/definition';
import type { CrmKind } from '../core/lead';
import type { WeeklyDigest } from '../core/notify/weekly-digest';
import type { AuditEntry, DeadLetter, DefinitionRecord, DefinitionStatus, DigestRecord, InboxRow, LeadFacts, LeadOutcome, TenantRecord } from './store';

/**
 * Rows as node-postgres returns them, and their translation to the port's types: bigint ids arrive
 * as strings (they may exceed 2^53; ours never will), timestamptz as Date, json already parsed.
 */

export interface TenantRow {
  crm: string;
  tenant_id: string;
  name: string;
  active: boolean;
  credentials: string;
  instance_url: string | null;
  installed_at: Date;
  updated_at: Date;
}

export interface DefinitionRow {
  id: string;
  crm: string;
  tenant_id: string;
  version: number;
  status: string;
  body: Definition;
  created_by: string;
  created_at: Date;
  published_by: string | null;
  published_at: Date | null;
}

export interface InboxRowRow {
  id: string;
  event: CrmEvent;
  attempts: number;
  received_at: Date;
  last_error: string | null;
}

export interface DeadLetterRow {
  id: string;
  event: CrmEvent;
  attempts: number;
  reason: string;
  dead_at: Date;
}

export interface AuditRow {
  crm: string;
  tenant_id: string;
  at: Date;
  actor: string;
  action: string;
  record_id: string | null;
  detail: Record<string, unknown>;
}

export interface LeadFactsRow {
  record_id: string;
  created_at: Date | null;
  source: string | null;
  campaign: string | null;
  country: string | null;
  region: string | null;
  outcome: string | null;
  outcome_at: Date | null;
  amount: number | null;
}

export function toLeadFacts(row: LeadFactsRow): LeadFacts {
  return {
    recordId: row.record_id,
    createdAt: row.created_at?.toISOString() ?? null,
    source: row.source,
    campaign: row.campaign,
    country: row.country,
    region: row.region,
    outcome: row.outcome as LeadOutcome | null,
    outcomeAt: row.outcome_at?.toISOString() ?? null,
    amount: row.amount,
  };
}

export function toTenantRecord(row: TenantRow): TenantRecord {
  return {
    crm: row.crm as CrmKind,
    tenantId: row.tenant_id,
    name: row.name,
    active: row.active,
    credentials: row.credentials,
    instanceUrl: row.instance_url,
    installedAt: row.installed_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

export function toDefinitionRecord(row: DefinitionRow): DefinitionRecord {
  return {
    id: Number(row.id),
    tenant: { crm: row.crm as CrmKind, tenantId: row.tenant_id },
    version: row.version,
    status: row.status as DefinitionStatus,
    definition: row.body,
    createdBy: row.created_by,
    createdAt: row.created_at.toISOString(),
    publishedBy: row.published_by,
    publishedAt: row.published_at?.toISOString() ?? null,
  };
}

export function toInboxRow(row: InboxRowRow): InboxRow {
  return {
    id: Number(row.id),
    event: row.event,
    attempts: row.attempts,
    receivedAt: row.received_at.toISOString(),
    lastError: row.last_error,
  };
}

export function toDeadLetter(row: DeadLetterRow): DeadLetter {
  return {
    id: Number(row.id),
    event: row.event,
    attempts: row.attempts,
    reason: row.reason,
    deadAt: row.dead_at.toISOString(),
  };
}

export function toAuditEntry(row: AuditRow): AuditEntry {
  return {
    tenant: { crm: row.crm as CrmKind, tenantId: row.tenant_id },
    at: row.at.toISOString(),
    actor: row.actor,
    action: row.action,
    recordId: row.record_id,
    detail: row.detail,
  };
}

export interface DigestRow {
  id: string;
  crm: string;
  tenant_id: string;
  period_end: Date;
  body: WeeklyDigest;
  created_at: Date;
}

export function toDigestRecord(row: DigestRow): DigestRecord {
  return {
    id: Number(row.id),
    tenant: { crm: row.crm as CrmKind, tenantId: row.tenant_id },
    periodEnd: row.period_end.toISOString(),
    digest: row.body,
    createdAt: row.created_at.toISOString(),
  };
}
