import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runCommand } from '../../src/cli/run-command';
import { UsageError } from '../../src/cli/usage-error';
import { defaultDefinition } from '../../src/core/default-definition';
import { openStore } from '../../src/store/open-store';
import type { Store } from '../../src/store/store';
import { shadowDecision } from '../store/contract/shadow-contract';
import { decision } from '../store/fixtures';

const tenant = { crm: 'hubspot' as const, tenantId: '44100213' };
const flag = ['--tenant', 'hubspot:44100213'];
let dir: string;
let out: string[];
let databaseUrl: string;
const savedUrl = process.env.DATABASE_URL;

async function withStore<T>(work: (store: Store) => Promise<T>): Promise<T> {
  const store = await openStore(databaseUrl);
  try {
    return await work(store);
  } finally {
    await store.close();
  }
}

beforeEach(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'accord-shadow-cli-'));
  databaseUrl = `file:${path.join(dir, 'accord.db')}`;
  process.env.DATABASE_URL = databaseUrl;
  out = [];
  jest.spyOn(process.stdout, 'write').mockImplementation((chunk) => (out.push(String(chunk)), true));
  const now = new Date().toISOString();
  await withStore(async (store) => {
    await store.upsertTenant({ ...tenant, name: 'Portal', active: true, credentials: '', instanceUrl: null, installedAt: now, updatedAt: now });
    const live = await store.saveDraft(tenant, defaultDefinition, 'ops', now);
    await store.publishDraft(tenant, live.id, 'ops', now);
  });
});

afterEach(() => {
  jest.restoreAllMocks();
  if (savedUrl === undefined) delete process.env.DATABASE_URL;
  else process.env.DATABASE_URL = savedUrl;
  rmSync(dir, { recursive: true, force: true });
});

describe('accord shadow', () => {
  it('refuses an unknown tenant, a missing draft, a published definition, and both or neither source', async () => {
    await expect(runCommand(['shadow', 'list', '--tenant', 'hubspot:999'])).rejects.toThrow(/unknown tenant hubspot:999 \(installed: hubspot:44100213\)/);
    await expect(runCommand(['shadow', 'list'])).rejects.toThrow(/--tenant crm:id is required/);
    await expect(runCommand(['shadow', 'start', ...flag, '--draft', '999'])).rejects.toThrow(/there is no draft 999/);
    await expect(runCommand(['shadow', 'start', ...flag, '--draft', '1'])).rejects.toThrow(/published as version 1; shadow a draft instead/);
    await expect(runCommand(['shadow', 'start', ...flag])).rejects.toThrow(/exactly one of --draft N or --definition FILE/);
    await expect(runCommand(['shadow', 'start', ...flag, '--draft', '1', '--days', '400'])).rejects.toThrow(/days must be a whole number from 1 to 90/);
    await expect(runCommand(['shadow', 'start', ...flag, '--definition', path.join(dir, 'missing.json')])).rejects.toBeInstanceOf(UsageError);
    await expect(runCommand(['shadow', 'launch', ...flag])).rejects.toThrow(/unknown action "launch"/);
    expect(await withStore((store) => store.listShadowRuns(tenant))).toEqual([]);
  });

  it('starts a run from a definition file, refuses a second, lists, reports and stops it', async () => {
    const file = path.join(dir, 'stricter.json');
    writeFileSync(file, JSON.stringify({ ...defaultDefinition, name: 'Stricter', thresholds: { mql: 50, salesReady: 90 } }));
    expect(await runCommand(['shadow', 'start', ...flag, '--definition', file, '--days', '7', '--by', 'maria'])).toBe(0);
    expect(out.join('')).toMatch(/Saved .*stricter\.json as draft 2\.\nShadow run 1 started: draft 2 decides every lead alongside the live definition until/);
    const [run] = await withStore((store) => store.listShadowRuns(tenant));
    expect(run).toMatchObject({ id: 1, definitionId: 2, startedBy: 'maria', stoppedAt: null });
    expect(Date.parse(run?.endsAt ?? '') - Date.parse(run?.startedAt ?? '')).toBe(7 * 86_400_000);
    // The draft is based on the live version, as one saved from the settings page.
    expect((await withStore((store) => store.getDefinition(tenant, 2)))?.definition).toMatchObject({ name: 'Stricter', version: 1 });

    await expect(runCommand(['shadow', 'start', ...flag, '--draft', '2'])).rejects.toThrow(/shadow run 1 is still active; stop it first/);

    out = [];
    expect(await runCommand(['shadow', 'list', ...flag])).toBe(0);
    expect(out.join('')).toMatch(/^run\s+draft\s+candidate\s+status/);
    expect(out.join('')).toMatch(/\n\s*1\s+2\s+Stricter\s+active\s/);

    await withStore(async (store) => {
      const at = new Date().toISOString();
      await store.commitDecisions(tenant, [{ decision: decision({ ...tenant, recordId: 'r1', stage: 'sql', acceptedAt: at }), writtenFields: [] }], {}, []);
      await store.saveShadowDecisions(tenant, 1, [shadowDecision('r1', { decidedAt: at }), shadowDecision('r2', { decidedAt: at })]);
    });
    out = [];
    expect(await runCommand(['shadow', 'report', ...flag])).toBe(0);
    const text = out.join('');
    expect(text).toContain('Shadow run 1: draft 2 "Stricter" against the live definition (active');
    expect(text).toContain('2 leads scored; outcomes so far: 1 accepted (0 won), 0 rejected, 1 awaiting');
    expect(text).toContain('Too few outcomes to judge yet: 1 of 2 leads have one');
    expect(text).toMatch(/sales-ready: accepted \/ rejected \/ awaiting\s+1 \/ 0 \/ 1\s+0 \/ 0 \/ 0/);
    expect(text).toContain('2 leads called differently');
    expect(text).toContain('Lead r1: live Sales ready (80), candidate Marketing qualified (62.5) — accepted');

    out = [];
    expect(await runCommand(['shadow', 'report', ...flag, '--run', '1', '--json'])).toBe(0);
    const json = JSON.parse(out.join(''));
    expect(json.run).toMatchObject({ id: 1, draftId: 2, candidateName: 'Stricter', status: 'active' });
    expect(json.comparison).toMatchObject({ leads: 2, judgeable: false, outcomes: { accepted: 1, rejected: 0, awaiting: 1 } });
    await expect(runCommand(['shadow', 'report', ...flag, '--run', '9'])).rejects.toThrow(/there is no shadow run 9/);

    out = [];
    expect(await runCommand(['shadow', 'stop', ...flag])).toBe(0);
    expect(out.join('')).toMatch(/^Shadow run 1 stopped at /);
    await expect(runCommand(['shadow', 'stop', ...flag])).rejects.toThrow(/has no active shadow run/);
    const actions = (await withStore((store) => store.listAudit(tenant, 10))).map((a) => a.action);
    expect(actions).toEqual(expect.arrayContaining(['shadow.started', 'shadow.stopped']));
  });
});
