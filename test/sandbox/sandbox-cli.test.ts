import { EventEmitter } from 'node:events';
import { parseSandboxArgs } from '../../scripts/sandbox/parse-sandbox-args';
import { silentLogger } from '../../scripts/sandbox/sandbox-logger';
import { runSandboxCli } from '../../scripts/sandbox/sandbox-main';
import type { Sandbox } from '../../scripts/sandbox/start-sandbox';

describe('parseSandboxArgs', () => {
  it('defaults to the .env.example sandbox credentials and 300 seeded contacts', () => {
    expect(parseSandboxArgs([])).toEqual({
      help: false,
      options: {
        port: 0,
        webhookUrl: null,
        clientSecret: 'sandbox-client-secret',
        appId: '424242',
        accessToken: 'sandbox-token',
        portalId: '62515',
        seed: { contacts: 300 },
        preinstallAccordProperties: false,
      },
    });
  });

  it('reads every flag', () => {
    const command = parseSandboxArgs(['--port', '4100', '--webhook-url', 'http://127.0.0.1:3000/webhooks/hubspot', '--client-secret', 's', '--app-id', '7', '--seed-contacts', '25']);
    expect(command).toEqual({
      help: false,
      options: expect.objectContaining({ port: 4100, webhookUrl: 'http://127.0.0.1:3000/webhooks/hubspot', clientSecret: 's', appId: '7', seed: { contacts: 25 } }),
    });
  });

  it('refuses bad values and unknown flags', () => {
    expect(() => parseSandboxArgs(['--port', 'eighty'])).toThrow('--port');
    expect(() => parseSandboxArgs(['--seed-contacts', '-1'])).toThrow();
    expect(() => parseSandboxArgs(['--webhook-url', 'nope'])).toThrow('--webhook-url');
    expect(() => parseSandboxArgs(['--colour'])).toThrow();
  });
});

describe('runSandboxCli', () => {
  it('starts, prints its URL, serves, and closes on SIGTERM', async () => {
    const signals = new EventEmitter();
    const lines: string[] = [];
    let running: Sandbox | undefined;
    const done = runSandboxCli(['--seed-contacts', '10'], { out: (line) => lines.push(line), signals, logger: silentLogger(), onStarted: (sandbox) => (running = sandbox) });
    await new Promise<void>((resolve) => {
      const check = () => (running ? resolve() : setTimeout(check, 5));
      check();
    });
    expect(lines[0]).toBe(`Sandbox CRM (HubSpot API) listening on ${running?.url}`);
    const health = await fetch(`${running?.url}/_sandbox/health`);
    expect(await health.json()).toEqual(expect.objectContaining({ contacts: 10, owners: 41 }));

    signals.emit('SIGTERM');
    await done;
    expect(lines[lines.length - 1]).toBe('Sandbox CRM stopped.');
    await expect(fetch(`${running?.url}/_sandbox/health`)).rejects.toThrow();
    expect(signals.listenerCount('SIGINT')).toBe(0);
  });

  it('prints usage for --help without starting anything', async () => {
    const lines: string[] = [];
    await runSandboxCli(['--help'], { out: (line) => lines.push(line), signals: new EventEmitter() });
    expect(lines.join('\n')).toContain('--webhook-url');
  });
});
