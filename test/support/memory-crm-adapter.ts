import type { CrmAdapter, LeadWrite, TenantConnection, WriteOutcome } from '../../src/core/crm-adapter';
import type { CrmEvent } from '../../src/core/crm-event';
import type { Lead } from '../../src/core/lead';
import type { Owner } from '../../src/core/owner';

/**
 * A CRM held in memory for worker unit tests: it applies writes to its records (so a re-read sees them),
 * counts calls and can fail on demand. The real adapters are exercised end to end against the sandbox.
 */
export class MemoryCrmAdapter implements CrmAdapter {
  readonly crm = 'hubspot' as const;
  readonly batchLimits = { read: 100, write: 100 };
  readonly records = new Map<string, Lead>();
  owners: Owner[] = [];
  calls = { read: 0, write: 0, owners: 0 };
  writes: LeadWrite[] = [];
  /** Errors to throw from the next calls, in order. */
  failNext: Error[] = [];
  /** Per-record write refusals. */
  refuse = new Map<string, { retryable: boolean; code: string; message: string }>();

  verify() {
    return { ok: true as const };
  }
  normalize(): CrmEvent[] {
    return [];
  }
  async readLeads(_c: TenantConnection, ids: string[]): Promise<Lead[]> {
    this.calls.read += 1;
    this.throwIfAsked();
    return ids.flatMap((id) => {
      const lead = this.records.get(id);
      return lead ? [structuredClone(lead)] : [];
    });
  }
  async writeDecisions(_c: TenantConnection, writes: LeadWrite[]): Promise<WriteOutcome[]> {
    this.calls.write += 1;
    this.throwIfAsked();
    return writes.map((w) => {
      const refusal = this.refuse.get(w.recordId);
      if (refusal) return { recordId: w.recordId, ok: false as const, ...refusal };
      this.writes.push(w);
      const lead = this.records.get(w.recordId);
      if (lead) {
        lead.accord = { ...lead.accord, ...w.fields };
        if (w.fields.ownerId !== undefined) lead.ownerId = w.fields.ownerId;
      }
      return { recordId: w.recordId, ok: true as const };
    });
  }
  async listOwners(): Promise<Owner[]> {
    this.calls.owners += 1;
    return this.owners;
  }
  async install(): Promise<void> {}
  private throwIfAsked() {
    const error = this.failNext.shift();
    if (error) throw error;
  }
}
