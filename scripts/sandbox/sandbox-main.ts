import type { EventEmitter } from 'node:events';
import pino from 'pino';
import { parseSandboxArgs, sandboxUsage } from './parse-sandbox-args';
import { sandboxDefaults } from './sandbox-options';
import type { SandboxLogger } from './sandbox-logger';
import { startSandbox, type Sandbox } from './start-sandbox';

export interface SandboxCliIo {
  out: (line: string) => void;
  /** Where SIGINT/SIGTERM come from (the process, or a stand-in in tests). */
  signals: Pick<EventEmitter, 'once' | 'off'>;
  /** Called with the running sandbox, e.g. so a test can reach it. */
  onStarted?: (sandbox: Sandbox) => void;
  /** Default: pino to stderr at LOG_LEVEL (info). */
  logger?: SandboxLogger;
}

const defaultIo: SandboxCliIo = { out: (line) => process.stdout.write(`${line}\n`), signals: process };

/** `sandbox` command: starts the sandbox CRM, prints its URL and runs until SIGINT or SIGTERM, then closes cleanly. */
export async function runSandboxCli(argv: readonly string[], io: SandboxCliIo = defaultIo): Promise<void> {
  const command = parseSandboxArgs(argv);
  if (command.help) {
    io.out(sandboxUsage);
    return;
  }
  const logger = io.logger ?? pino({ level: process.env.LOG_LEVEL ?? 'info' }, pino.destination(2));
  const sandbox = await startSandbox({ ...command.options, logger });
  const { options } = command;
  io.out(`Sandbox CRM (HubSpot API) listening on ${sandbox.url}`);
  io.out(`  portal ${options.portalId}, app ${options.appId}, access token '${options.accessToken}'`);
  io.out(`  ${sandbox.state.hubspot.owners.size} owners, ${sandbox.state.hubspot.contacts.size} contacts`);
  io.out(`  webhooks → ${options.webhookUrl ?? '(none; PUT /_sandbox/webhooks {"url": …} to set)'}`);
  const org = sandbox.state.salesforce;
  io.out(`Salesforce org ${org.orgId} on the same URL (login and instance): client id '${sandboxDefaults.salesforce.clientId}', refresh token '${sandboxDefaults.salesforce.refreshToken}'`);
  io.out(`  ${org.users.size} users, ${org.leads.size} leads; outbound messages → ${options.salesforce?.outboundUrl ?? '(none; PUT /_sandbox/salesforce/outbound {"url": …} to set)'}`);
  io.onStarted?.(sandbox);
  await new Promise<void>((resolve) => {
    const stop = () => {
      io.signals.off('SIGINT', stop);
      io.signals.off('SIGTERM', stop);
      resolve();
    };
    io.signals.once('SIGINT', stop);
    io.signals.once('SIGTERM', stop);
  });
  await sandbox.close();
  io.out('Sandbox CRM stopped.');
}

if (require.main === module) {
  runSandboxCli(process.argv.slice(2)).catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  });
}
