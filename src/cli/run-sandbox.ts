import { runSandboxCli } from '../../scripts/sandbox/sandbox-main';

/** `accord sandbox`: the sandbox CRM alone, for trying Accord (or anything else) against HubSpot's API on loopback. */
export async function runSandbox(argv: string[]): Promise<number> {
  await runSandboxCli(argv);
  return 0;
}
