import { CrmRateLimitedError, CrmUnavailableError, type CrmAdapter, type TenantConnection } from '../../src/core/crm-adapter';
import type { AccordFields } from '../../src/core/lead';
import type { Sandbox } from '../../scripts/sandbox/start-sandbox';

/** A seeded record the contract reads, as the sandbox holds it. */
export interface KnownRecord {
  id: string;
  email: string | null;
  title: string | null;
  country: string | null;
}

/** One adapter against its sandbox CRM, with what the contract needs to know about that CRM. */
export interface ContractSubject {
  adapter: CrmAdapter;
  connection: TenantConnection;
  sandbox: Sandbox;
  /** Records seeded in the sandbox (at least three). */
  known: KnownRecord[];
  /** A well-formed id no record has. */
  missingId: string;
  /** Accord's fields as the sandbox stores them on a record (no API call). */
  accordFieldsOn(id: string): Partial<AccordFields> & { ownerId: string | null };
  /** Injects one fault on the endpoint readLeads calls: the CRM's "too many requests", or a 503. */
  injectReadFault(mode: 'rate_limit' | 'server_error'): void;
  stop(): Promise<void>;
}

/**
 * The behaviour every CrmAdapter shows against its sandbox CRM, with the real SDK over HTTP:
 * reading known records, leaving out missing ids, writing only the fields given, one outcome per
 * write, owners, an idempotent install, and the CRM's limits and outages as Accord's errors.
 */
export function describeCrmAdapterContract(name: string, start: () => Promise<ContractSubject>): void {
  describe(`${name} adapter contract`, () => {
    let subject: ContractSubject;
    beforeAll(async () => {
      subject = await start();
    });
    afterAll(async () => {
      await subject.stop();
    });
    afterEach(() => subject.sandbox.faults.clear());
    const known = (index: number): KnownRecord => {
      const record = subject.known[index];
      if (!record) throw new Error(`the subject seeded fewer than ${index + 1} records`);
      return record;
    };

    it('installs idempotently', async () => {
      await subject.adapter.install(subject.connection);
      await subject.adapter.install(subject.connection);
    });

    it('reads known records as leads of the tenant', async () => {
      const ids = subject.known.map((record) => record.id);
      const leads = await subject.adapter.readLeads(subject.connection, ids);
      expect(leads.map((lead) => lead.recordId).sort()).toEqual([...ids].sort());
      for (const lead of leads) {
        const record = subject.known.find((r) => r.id === lead.recordId) as KnownRecord;
        expect(lead).toMatchObject({ crm: subject.adapter.crm, tenantId: subject.connection.tenantId, email: record.email, title: record.title, country: record.country });
        expect(lead.domain).toBe(record.email ? (record.email.split('@')[1] ?? '').toLowerCase() || null : null);
      }
    });

    it('leaves out ids that do not exist', async () => {
      const leads = await subject.adapter.readLeads(subject.connection, [known(0).id, subject.missingId, known(1).id]);
      expect(leads.map((lead) => lead.recordId).sort()).toEqual([known(0).id, known(1).id].sort());
    });

    it('writes only the fields given, and reads them back', async () => {
      const id = known(2).id;
      const [first] = await subject.adapter.writeDecisions(subject.connection, [{ recordId: id, fields: { score: 42, stage: 'mql' } }]);
      expect(first).toEqual({ recordId: id, ok: true });
      expect(subject.accordFieldsOn(id)).toMatchObject({ score: 42, stage: 'mql', why: null, definitionVersion: null });

      const slaDueAt = '2030-01-02T03:04:05.000Z';
      await subject.adapter.writeDecisions(subject.connection, [{ recordId: id, fields: { why: 'Marketing qualified (score 42/100).', definitionVersion: 3, slaDueAt } }]);
      expect(subject.accordFieldsOn(id)).toMatchObject({ score: 42, stage: 'mql', why: 'Marketing qualified (score 42/100).', definitionVersion: 3 });

      const [lead] = await subject.adapter.readLeads(subject.connection, [id]);
      expect(lead?.accord).toMatchObject({ score: 42, stage: 'mql', why: 'Marketing qualified (score 42/100).', definitionVersion: 3, slaDueAt });
    });

    it('hands a record to an owner', async () => {
      const owners = await subject.adapter.listOwners(subject.connection);
      const owner = owners.find((o) => o.name === 'Anna Snelling');
      const id = known(1).id;
      await subject.adapter.writeDecisions(subject.connection, [{ recordId: id, fields: { ownerId: owner?.id ?? null } }]);
      expect(subject.accordFieldsOn(id).ownerId).toBe(owner?.id);
      const [lead] = await subject.adapter.readLeads(subject.connection, [id]);
      expect(lead?.ownerId).toBe(owner?.id);
    });

    it('answers one outcome per write, in order: a missing record fails alone', async () => {
      const outcomes = await subject.adapter.writeDecisions(subject.connection, [
        { recordId: known(0).id, fields: { score: 10 } },
        { recordId: subject.missingId, fields: { score: 11 } },
        { recordId: known(1).id, fields: { score: 12 } },
      ]);
      expect(outcomes.map((o) => [o.recordId, o.ok])).toEqual([
        [known(0).id, true],
        [subject.missingId, false],
        [known(1).id, true],
      ]);
      expect(outcomes[1]).toMatchObject({ retryable: false });
      expect(subject.accordFieldsOn(known(0).id).score).toBe(10);
      expect(subject.accordFieldsOn(known(1).id).score).toBe(12);
    });

    it('lists the sales owners with their regional teams', async () => {
      const owners = await subject.adapter.listOwners(subject.connection);
      const sales = owners.filter((o) => o.teams.length > 0);
      expect(sales).toHaveLength(41);
      expect(new Set(sales.flatMap((o) => o.teams))).toEqual(new Set(['West', 'Central', 'East']));
      expect(owners.find((o) => o.name === 'Anna Snelling')).toMatchObject({ teams: ['Central'], available: true, email: expect.stringContaining('@') });
    });

    it("turns the CRM's rate limit into CrmRateLimitedError", async () => {
      subject.injectReadFault('rate_limit');
      const error = await subject.adapter.readLeads(subject.connection, [known(0).id]).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(CrmRateLimitedError);
      expect((error as CrmRateLimitedError).retryAfterMs).toBeGreaterThan(0);
    });

    it('turns an outage into CrmUnavailableError', async () => {
      subject.injectReadFault('server_error');
      await expect(subject.adapter.readLeads(subject.connection, [known(0).id])).rejects.toBeInstanceOf(CrmUnavailableError);
    });
  });
}
