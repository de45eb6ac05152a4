import type { CrmEvent } from './crm-event';
import type { AccordFields, CrmKind, Lead } from './lead';
import type { Owner } from './owner';

/** An inbound webhook request exactly as it arrived: raw bytes, before any parsing. */
export interface InboundRequest {
  method: string;
  /** Full URL the CRM called, scheme and host included (what the CRM signed). */
  url: string;
  headers: Record<string, string | string[] | undefined>;
  rawBody: Buffer;
  /** Route parameters (`:orgToken` for Salesforce). */
  params: Record<string, string>;
  now: number;
}

export type VerifyResult = { ok: true } | { ok: false; status: 401 | 403; message: string };

/** How Accord talks to one tenant's CRM: credentials resolved by the caller. */
export interface TenantConnection {
  crm: CrmKind;
  tenantId: string;
  accessToken: string;
  /** Salesforce instance URL; HubSpot base path override (sandbox). */
  instanceUrl: string | null;
  /** OAuth refresh token, for CRMs whose adapter renews expired sessions itself (Salesforce). */
  refreshToken?: string | null;
}

/** Accord's fields to set on one record: only those whose value changes. */
export interface LeadWrite {
  recordId: string;
  fields: Partial<AccordFields>;
}

export type WriteOutcome =
  | { recordId: string; ok: true }
  | { recordId: string; ok: false; retryable: boolean; code: string; message: string };

/** Thrown by adapters when the CRM says "too many requests" (HTTP 429 or Salesforce's limit). */
export class CrmRateLimitedError extends Error {
  constructor(
    message: string,
    readonly retryAfterMs: number,
  ) {
    super(message);
    this.name = 'CrmRateLimitedError';
  }
}

/** Thrown by adapters for failures worth retrying later (5xx, timeouts, connection resets). */
export class CrmUnavailableError extends Error {
  constructor(
    message: string,
    readonly status: number | null,
  ) {
    super(message);
    this.name = 'CrmUnavailableError';
  }
}

/** Thrown by `normalize` when a signed body is not the shape the CRM documents. */
export class InvalidPayloadError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InvalidPayloadError';
  }
}

/**
 * A lead whose outcome the CRM already records: won (1: HubSpot sales-qualified or later, Salesforce
 * converted) or lost (0: unqualified, closed without conversion, or rejected through Accord).
 */
export interface OutcomeLead {
  lead: Lead;
  outcome: 0 | 1;
  /** When the record was created (ISO): calibration orders outcomes by it. */
  createdAt: string;
  /** When the outcome was reached, when the CRM records it (Salesforce's ConvertedDate). */
  closedAt?: string;
  /**
   * The scoreboard's narrower verdict, which `outcome` must not stand in for (calibration counts a
   * sales-qualified lead or an open opportunity as positive): won = a customer or a won opportunity,
   * lost = disqualified or closed lost; absent while the deal is open. No personal data.
   */
  deal?: ClosedDeal;
  /** When the CRM last changed the record or its deal (ISO): an outcome sync resumes from the newest. */
  modifiedAt?: string;
}

/** How a lead's deal ended, as the CRM reports it. */
export interface ClosedDeal {
  result: 'won' | 'lost';
  /** When it closed; null when the CRM does not say. */
  at: string | null;
  /** The deal amount in the account's currency; null when the CRM has none. */
  amount: number | null;
}

/** Which CRM values count as an outcome; each adapter documents its defaults. */
export interface OutcomeRules {
  /** HubSpot lifecycle stages that mean won (default salesqualifiedlead, opportunity, customer). */
  wonStages?: readonly string[];
  /** HubSpot lead statuses that mean lost (default UNQUALIFIED, BAD_TIMING). */
  lostStatuses?: readonly string[];
  /**
   * Only records the CRM changed at or after this instant (ISO), the record or its deal: HubSpot's
   * `lastmodifieddate`, Salesforce's `SystemModstamp` of the lead or of its converted opportunity.
   */
  modifiedSince?: string;
}

/** The port every CRM implements. SDK types never cross it. */
export interface CrmAdapter {
  readonly crm: CrmKind;
  /** Checks the request's signature on the raw bytes. No I/O. */
  verify(request: InboundRequest): VerifyResult;
  /** Parses a verified body into events. Throws InvalidPayloadError on a bad shape. */
  normalize(request: InboundRequest): CrmEvent[];
  /** Batch-reads records; ids that no longer exist are left out of the result. */
  readLeads(connection: TenantConnection, recordIds: string[]): Promise<Lead[]>;
  /** Batch-writes only the given fields; one outcome per write. */
  writeDecisions(connection: TenantConnection, writes: LeadWrite[]): Promise<WriteOutcome[]>;
  listOwners(connection: TenantConnection): Promise<Owner[]>;
  /**
   * Owners of the CRM's companies (HubSpot) or accounts (Salesforce) at these lower-case web
   * domains, by domain; domains without one are left out. Optional: without it routing skips the
   * account match.
   */
  findAccountOwners?(connection: TenantConnection, domains: string[]): Promise<Map<string, string>>;
  /** Creates Accord's fields on the CRM, idempotently. */
  install(connection: TenantConnection): Promise<void>;
  /**
   * One page of the ids of every open record (HubSpot contacts; Salesforce leads not converted), in id
   * order, from the cursor `after` (null: the first page); `after: null` in the answer means done.
   * Optional so test doubles need not page; a backfill needs it.
   */
  listRecordIds?(connection: TenantConnection, after: string | null): Promise<{ ids: string[]; after: string | null }>;
  /**
   * Sets the rep-editable rejection fields on one record, as a rep would in the CRM: the record card
   * sends a lead back to marketing through these, and the worker's next decision reads them.
   */
  writeRejection?(connection: TenantConnection, recordId: string, rejection: { reason: string; note: string | null }): Promise<void>;
  /**
   * One page of the records whose outcome is known, oldest created first, from the cursor `after`
   * (null: the first page); `after: null` in the answer means done. Open records are left out.
   * Optional: calibrating from the CRM needs it.
   */
  listOutcomeLeads?(connection: TenantConnection, after: string | null, rules?: OutcomeRules): Promise<{ outcomes: OutcomeLead[]; after: string | null }>;
  /** How many records one readLeads / writeDecisions call may carry. */
  readonly batchLimits: { read: number; write: number };
}
