import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError } from '../../src/config/load-config';
import { definitionSchema } from '../../src/core/definition';
import { runCommand } from '../../src/cli/run-command';
import { UsageError } from '../../src/cli/usage-error';

function captureStdout() {
  const chunks: string[] = [];
  const spy = jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    chunks.push(String(chunk));
    return true;
  });
  return { text: () => chunks.join(''), restore: () => spy.mockRestore() };
}

describe('accord command line', () => {
  const savedEnv = { ...process.env };
  const savedCwd = process.cwd();
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'accord-cli-'));
    for (const key of Object.keys(process.env)) if (key.startsWith('HUBSPOT_') || key === 'DATABASE_URL') delete process.env[key];
  });
  afterEach(() => {
    process.chdir(savedCwd);
    process.env = { ...savedEnv };
    rmSync(dir, { recursive: true, force: true });
  });

  it('refuses to start without a CRM, saying what to set', async () => {
    await expect(runCommand(['start'])).rejects.toThrow(ConfigError);
    await expect(runCommand(['start'])).rejects.toThrow(/HUBSPOT_ACCESS_TOKEN.*accord demo/s);
  });

  it('names the bad variable when the environment is wrong', async () => {
    process.env.PORT = 'eighty';
    await expect(runCommand(['start'])).rejects.toThrow(/PORT/);
  });

  it('rejects unknown commands and options with usage', async () => {
    await expect(runCommand(['launch'])).rejects.toThrow(UsageError);
    await expect(runCommand(['demo', '--contacts', 'many'])).rejects.toThrow(/--contacts must be a whole number/);
    await expect(runCommand(['dead-letters', 'explode'])).rejects.toThrow(/unknown action/);
  });

  it('prints the default definition as valid JSON', async () => {
    const out = captureStdout();
    try {
      expect(await runCommand(['definition', '--default'])).toBe(0);
    } finally {
      out.restore();
    }
    const definition = definitionSchema.parse(JSON.parse(out.text()));
    expect(definition.thresholds).toEqual({ mql: 40, salesReady: 70 });
  });

  it('lists dead letters of an empty store', async () => {
    process.env.DATABASE_URL = `file:${join(dir, 'accord.db')}`;
    const out = captureStdout();
    try {
      expect(await runCommand(['dead-letters'])).toBe(0);
    } finally {
      out.restore();
    }
    expect(out.text()).toContain('No dead letters.');
  });

  it('runs the demo end to end: sandbox, Accord on SQLite, streamed leads, summary and URLs', async () => {
    process.chdir(dir);
    const out = captureStdout();
    try {
      expect(await runCommand(['demo', '--exit-when-done', '--contacts', '60', '--port', '0', '--sandbox-port', '0'])).toBe(0);
    } finally {
      out.restore();
    }
    const text = out.text();
    expect(text).toMatch(/All 60 leads scored/);
    expect(text).toMatch(/Sales ready \d+/);
    expect(text).toMatch(/HubSpot API calls: \d+ for \d+ webhook events/);
    expect(text).toMatch(/http:\/\/127\.0\.0\.1:\d+\/demo\/leads/);
  }, 60_000);
});
