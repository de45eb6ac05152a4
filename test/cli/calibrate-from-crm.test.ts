import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startSandbox, type Sandbox } from '../../scripts/sandbox/start-sandbox';
import { sandboxDefaults } from '../../scripts/sandbox/sandbox-options';
import { runCommand } from '../../src/cli/run-command';
import { definitionSchema } from '../../src/core/definition';
import { openStore } from '../../src/store/open-store';
import { addOutcomeContacts } from '../support/outcome-contacts';

const tenant = { crm: 'hubspot' as const, tenantId: sandboxDefaults.portalId };
const tenantFlag = `hubspot:${sandboxDefaults.portalId}`;

let dir: string;
let sandbox: Sandbox;
let out: string[];
let err: string[];
const saved = { ...process.env };

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'accord-cli-crm-'));
  sandbox = await startSandbox({ clientSecret: sandboxDefaults.clientSecret, appId: sandboxDefaults.appId, seed: { contacts: 0 } });
  // The configuration `accord start` would run with: this portal's private-app token, on SQLite.
  Object.assign(process.env, {
    DATABASE_URL: `file:${path.join(dir, 'accord.db')}`,
    HUBSPOT_ACCESS_TOKEN: sandboxDefaults.accessToken,
    HUBSPOT_CLIENT_SECRET: sandboxDefaults.clientSecret,
    HUBSPOT_APP_ID: sandboxDefaults.appId,
    HUBSPOT_BASE_PATH: sandbox.url,
    LOG_LEVEL: 'warn',
  });
});

afterAll(async () => {
  process.env = saved;
  await sandbox.close();
  rmSync(dir, { recursive: true, force: true });
});

beforeEach(() => {
  out = [];
  err = [];
  jest.spyOn(process.stdout, 'write').mockImplementation((chunk) => (out.push(String(chunk)), true));
  jest.spyOn(process.stderr, 'write').mockImplementation((chunk) => (err.push(String(chunk)), true));
});

afterEach(() => {
  jest.restoreAllMocks();
});

describe('accord calibrate / backtest --tenant: outcomes from the CRM', () => {
  it('says so, exit 2, while the CRM holds no outcome yet', async () => {
    expect(await runCommand(['calibrate', '--tenant', tenantFlag])).toBe(2);
    expect(err.join('')).toContain(`accord: --tenant ${tenantFlag}: the CRM holds no leads with a known outcome yet`);
  });

  it('refuses CSV flags and unknown tenants with exit 2', async () => {
    expect(await runCommand(['calibrate', '--tenant', tenantFlag, '--label', 'Converted'])).toBe(2);
    expect(err.join('')).toContain('--label only applies with --csv');
    err = [];
    expect(await runCommand(['calibrate', '--tenant', 'hubspot:999'])).toBe(2);
    expect(err.join('')).toContain('accord: --tenant hubspot:999: hubspot:999 is not an installed tenant');
    err = [];
    expect(await runCommand(['backtest', '--tenant', tenantFlag, '--definition', path.join(dir, 'none.json')])).toBe(2);
  });

  it('learns a draft from the portal’s won and lost contacts, saves it for the tenant, and backtests it against the live definition', async () => {
    addOutcomeContacts(sandbox, 800, 3);
    const draftFile = path.join(dir, 'draft.json');
    expect(await runCommand(['calibrate', '--tenant', tenantFlag, '--json', '--out', draftFile, '--now', '2026-01-01T00:00:00.000Z'])).toBe(0);
    const report = JSON.parse(out.join(''));
    const open = sandbox.state.hubspot.contacts.list().filter((c) => c.properties.hs_lead_status === 'NEW').length;
    expect(report.draft.rows).toBe(800 - open);
    expect(report.holdout.leads).toBe(800 - open - Math.round((800 - open) * 0.75));
    expect(report.holdout.learned.auc).toBeGreaterThan(0.7);
    expect(report.holdout.learned.auc).toBeGreaterThan(report.holdout.current.auc);
    // The CRM's own outcome fields are post-contact: left out by the leakage guard.
    const leftOut = report.draft.leakage.filter((f: { excluded: boolean }) => f.excluded).map((f: { name: string }) => f.name);
    expect(leftOut).toEqual(expect.arrayContaining(['lifecyclestage', 'hs_lead_status', 'accord_rejection_reason']));
    const draft = definitionSchema.parse(JSON.parse(readFileSync(draftFile, 'utf8')));
    expect(draft.calibration?.rows).toBe(800 - open);
    expect(err.join('')).toMatch(new RegExp(`Saved as draft \\d+ for ${tenantFlag}`));

    const store = await openStore(process.env.DATABASE_URL as string);
    try {
      const drafts = (await store.listDefinitions(tenant)).filter((d) => d.status === 'draft');
      expect(drafts).toHaveLength(1);
      expect(drafts[0]?.definition.criteria).toEqual(draft.criteria);
    } finally {
      await store.close();
    }

    out = [];
    expect(await runCommand(['backtest', '--tenant', tenantFlag, '--definition', draftFile, '--json', '--changes', '2'])).toBe(0);
    const result = JSON.parse(out.join(''));
    expect(result.leads).toBe(800 - open);
    expect(result.changes).toHaveLength(2);
    expect(result.draft.stages.sales_ready + result.draft.stages.mql + result.draft.stages.nurture + result.draft.stages.disqualified + result.draft.stages.sql).toBe(800 - open);
  });
});
