import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { sandboxDefaults } from '../../scripts/sandbox/sandbox-options';
import { runDefinition } from '../../src/cli/run-definition';
import { UsageError } from '../../src/cli/usage-error';
import { loadConfig } from '../../src/config/load-config';
import { backfillLeaseMs } from '../../src/pipeline/run-backfill';
import { backfillView } from '../../src/server/crm-api/backfill-view';
import { hotLead } from '../e2e/hot-hubspot-lead';
import { eventually, startE2eStack, type E2eStack } from '../e2e/start-e2e-stack';

const tenant = { crm: 'hubspot' as const, tenantId: sandboxDefaults.portalId };
const t = `hubspot:${tenant.tenantId}`;

describe('accord definition: save, approve and publish from the command line; the running server re-scores open leads', () => {
  let stack: E2eStack;
  let out: string[];
  let err: string[];
  const ids: Record<'open' | 'warm' | 'accepted' | 'rejected', string> = { open: '', warm: '', accepted: '', rejected: '' };

  /** The command against the running server's SQLite file, as an operator on the same machine runs it. */
  async function accord(...argv: string[]): Promise<number> {
    out = [];
    err = [];
    const stdout = jest.spyOn(process.stdout, 'write').mockImplementation((chunk) => (out.push(String(chunk)), true));
    const stderr = jest.spyOn(process.stderr, 'write').mockImplementation((chunk) => (err.push(String(chunk)), true));
    try {
      return await runDefinition(loadConfig({ DATABASE_URL: `file:${stack.databaseFile}` }), argv);
    } finally {
      stdout.mockRestore();
      stderr.mockRestore();
    }
  }

  beforeAll(async () => {
    stack = await startE2eStack();
    ids.open = await stack.createLead({ ...hotLead, email: 'open@betasoloin.com' });
    ids.warm = await stack.createLead({ ...hotLead, email: 'warm@betasoloin.com', recent_conversion_event_name: '', num_conversion_events: '0', hs_analytics_num_page_views: '3' });
    ids.accepted = await stack.createLead({ ...hotLead, email: 'accepted@betasoloin.com' });
    ids.rejected = await stack.createLead({ ...hotLead, email: 'rejected@betasoloin.com' });
    const decided = (id: string, check: (d: { stage: string; rejection?: unknown }) => boolean) =>
      eventually(async () => {
        const d = await stack.accord.store.getLatestDecision(tenant, id);
        return d && check(d) ? d : undefined;
      }, 15_000, `lead ${id}`);
    for (const id of Object.values(ids)) await decided(id, () => true);
    // Sales makes its call on two of them: one touched (accepted), one sent back.
    await stack.editAsRep(ids.accepted, { notes_last_contacted: String(Date.now()) });
    await stack.editAsRep(ids.rejected, { accord_rejection_reason: 'no_budget' });
    await decided(ids.accepted, (d) => d.stage === 'sql');
    await decided(ids.rejected, (d) => d.rejection !== null && d.rejection !== undefined);
  });
  afterAll(async () => {
    await stack.stop();
  });

  it('refuses bad input with a clear message: unknown tenant, bad role, invalid definition file', async () => {
    await expect(accord('drafts', '--tenant', 'hubspot:999')).rejects.toThrow(UsageError);
    await expect(accord('approve', '--tenant', t, '--draft', '1', '--role', 'legal', '--by', 'x')).rejects.toThrow(/--role must be sales or marketing/);
    await expect(accord('publish', '--tenant', t, '--draft', '1')).rejects.toThrow(/--by is required/);
    const bad = join(stack.databaseFile, '..', 'bad.json');
    writeFileSync(bad, JSON.stringify({ name: 'broken', thresholds: { mql: 'high' } }));
    expect(await accord('save', '--tenant', t, '--file', bad, '--by', 'maria')).toBe(2);
    expect(err.join('')).toMatch(/the definition is not valid \(invalid_definition\)/);
    expect(err.join('')).toContain('definition.thresholds');
    expect((await stack.accord.store.listDefinitions(tenant)).filter((d) => d.status === 'draft')).toHaveLength(0);
  });

  it('saves a draft from a file, needs both sign-offs by two people, publishes with its backfill in one step, and prints the backfill id', async () => {
    const live = await stack.accord.store.getPublishedDefinition(tenant);
    const file = join(stack.databaseFile, '..', 'draft.json');
    writeFileSync(file, JSON.stringify({ ...live?.definition, name: 'Lower bar', thresholds: { mql: 20, salesReady: 45 } }));
    expect(await accord('save', '--tenant', t, '--file', file, '--by', 'maria')).toBe(0);
    const draftId = String((await stack.accord.store.listDefinitions(tenant)).find((d) => d.status === 'draft')?.id);
    expect(out.join('')).toContain(`Saved draft ${draftId} (based on version 1)`);

    expect(await accord('drafts', '--tenant', t)).toBe(0);
    expect(out.join('')).toMatch(new RegExp(`draft ${draftId}  based on v1  "Lower bar"  saved by maria .* no approvals  — needs a sales approval; needs a marketing approval`));

    expect(await accord('publish', '--tenant', t, '--draft', draftId, '--by', 'sam')).toBe(2);
    expect(err.join('')).toContain('needs approval by sales and marketing (approvals_missing)');
    expect(await accord('approve', '--tenant', t, '--draft', draftId, '--role', 'sales', '--by', 'maria')).toBe(0);
    expect(await accord('approve', '--tenant', t, '--draft', draftId, '--role', 'marketing', '--by', 'maria')).toBe(2);
    expect(err.join('')).toContain('approver_conflict');
    expect(await accord('publish', '--tenant', t, '--draft', draftId, '--by', 'sam')).toBe(2);
    expect(err.join('')).toContain('needs approval by marketing (approvals_missing)');
    expect(await stack.accord.store.listBackfills(tenant)).toEqual([]);
    expect((await stack.accord.store.getPublishedDefinition(tenant))?.version).toBe(1);

    expect(await accord('approve', '--tenant', t, '--draft', draftId, '--role', 'marketing', '--by', 'lee')).toBe(0);
    expect(out.join('')).toContain('Ready to publish.');
    expect(await accord('publish', '--tenant', t, '--draft', draftId, '--by', 'sam')).toBe(0);
    const backfillId = out.join('').trim();
    expect(backfillId).toMatch(/^bf_[A-Za-z0-9_-]+$/);
    expect(await stack.accord.store.getPublishedDefinition(tenant)).toMatchObject({ version: 2, publishedBy: 'sam' });
    expect(await stack.accord.store.getBackfill(tenant, backfillId)).toMatchObject({ definitionVersion: 2, status: 'queued' });
    expect(await accord('publish', '--tenant', t, '--draft', draftId, '--by', 'sam')).toBe(2);
    expect(err.join('')).toContain('already_published');

    // The running server starts queued backfills (its minutely job); leads sales already decided are skipped.
    expect(await stack.accord.runQueuedBackfills()).toEqual([backfillId]);
    const done = await eventually(async () => {
      const record = await stack.accord.store.getBackfill(tenant, backfillId);
      const view = record && (await backfillView(stack.accord.store, tenant, record, new Date().toISOString()));
      return view?.status === 'succeeded' ? view : undefined;
    }, 15_000, 'the backfill to finish');
    expect(done).toMatchObject({ definitionVersion: 2, total: 2, skipped: 2, processed: 2, failed: 0 });
    for (const id of [ids.open, ids.warm]) expect((await stack.readContact(id)).accord_definition_version).toBe('2');
    for (const id of [ids.accepted, ids.rejected]) expect((await stack.readContact(id)).accord_definition_version).toBe('1');
    expect(await stack.accord.runQueuedBackfills()).toEqual([]);
  });

  it('keeps `accord definition` and `--default` working', async () => {
    expect(await accord('--default')).toBe(0);
    expect(JSON.parse(out.join(''))).toMatchObject({ version: 0 });
    expect(await accord()).toBe(0);
    expect(JSON.parse(out.join(''))).toEqual([expect.objectContaining({ crm: 'hubspot', tenantId: tenant.tenantId, version: 2 })]);
  });

  it('resumes a backfill whose runner died mid-listing once its lease lapses, and leaves one with a live runner alone', async () => {
    const store = stack.accord.store;
    const now = Date.now();
    // What a kill -9 during the listing leaves behind: running, listing unfinished, the runner's lease still held.
    const stuck = { id: 'bf_stuck_runner', definitionVersion: 2, status: 'running' as const, total: 0, skipped: 0, enqueueDone: false, createdAt: new Date(now).toISOString(), startedAt: new Date(now).toISOString(), finishedAt: null, error: null };
    await store.createBackfill(tenant, stuck);
    const lease = `backfill:${tenant.crm}:${tenant.tenantId}:${stuck.id}`;
    expect(await store.tryAcquireLease(lease, 'dead-instance', new Date(now).toISOString(), new Date(now + backfillLeaseMs).toISOString())).toBe(true);

    expect(await stack.accord.runQueuedBackfills()).toEqual([]);
    expect(await store.getBackfill(tenant, stuck.id)).toMatchObject({ status: 'running', enqueueDone: false, total: 0 });

    // The dead runner's lease lapses (as if it ended in the past): the next run of the job takes the backfill over.
    await store.releaseLease(lease, 'dead-instance');
    expect(await stack.accord.runQueuedBackfills()).toEqual([stuck.id]);
    expect(await store.getBackfill(tenant, stuck.id)).toMatchObject({ enqueueDone: true, total: 2, skipped: 2, startedAt: stuck.startedAt });
    expect(await stack.accord.runQueuedBackfills()).toEqual([]);
  });
});
