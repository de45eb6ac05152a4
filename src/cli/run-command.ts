import { hasCrmCredentials, loadConfig } from '../config/load-config';
import { runBacktest } from './run-backtest';
import { runCalibrate } from './run-calibrate';
import { runBackfillCommand } from './run-backfill';
import { runDeadLetters } from './run-dead-letters';
import { runDefinition } from './run-definition';
import { runDemo } from './run-demo';
import { runStart } from './run-start';
import { runSandbox } from './run-sandbox';
import { runScore } from './run-score';
import { runShadow } from './run-shadow';
import { UsageError } from './usage-error';

export const usage = `Usage: accord <command> [options]

Commands:
  start                 Run the webhook server, worker and jobs against the CRM set in the environment
  demo [options]        Start the sandbox CRM and Accord on SQLite, stream seed leads, show the results
      --crm NAME          hubspot (default), salesforce or both
      --contacts N        leads to stream (default 200)
      --port N            Accord's port (default $PORT or 3000)
      --sandbox-port N    the sandbox CRM's port (default 4100)
      --exit-when-done    stop once every lead is decided (for scripts)
  sandbox [options]     Run the sandbox CRM alone (--port N --webhook-url URL --seed-contacts N)
  backfill [--tenant crm:id]  Re-score every open lead under the live definition (all tenants, or one)
  dead-letters [retry]  List events that failed for good, or put them back in the inbox (--id N to pick one)
  definition            Print the published definition of each tenant (or the default) as JSON;
                        drafts | save | approve | publish --tenant crm:id …: sign off and publish a draft
  calibrate [options]   Learn a draft definition from a CSV of outcomes (--csv FILE --label COLUMN) or from
                        a tenant's CRM (--tenant crm:id); --help for mapping, holdout, leakage and saving
  backtest [options]    Replay a draft over historical leads against the current definition
                        (--definition FILE [--against FILE] --csv FILE | --tenant crm:id)
  score [options]       Score a CSV of leads with a definition (--csv IN --definition FILE --out OUT)
  shadow <action>       Run a candidate definition alongside the live one, stored but never written to the CRM,
                        and compare them by outcomes (start | stop | report | list --tenant crm:id; --help)
  auto                  demo when no CRM credentials are set, otherwise start (what npm start runs)
`;

/** Dispatches a command line; resolves to the exit code for commands that end by themselves. */
export async function runCommand(argv: string[]): Promise<number | undefined> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'start':
      return runStart(loadConfig(), rest);
    case 'demo':
      return runDemo(loadConfig(), rest);
    case 'auto': {
      const config = loadConfig();
      return hasCrmCredentials(config) ? runStart(config, rest) : runDemo(config, rest);
    }
    case 'sandbox':
      return runSandbox(rest);
    case 'backfill':
      return runBackfillCommand(loadConfig(), rest);
    case 'dead-letters':
      return runDeadLetters(loadConfig(), rest);
    case 'calibrate':
      return runCalibrate(rest);
    case 'backtest':
      return runBacktest(rest);
    case 'score':
      return runScore(rest);
    case 'shadow':
      return runShadow(loadConfig(), rest);
    case 'definition':
      return runDefinition(loadConfig(), rest);
    case undefined:
    case 'help':
    case '--help':
    case '-h':
      process.stdout.write(usage);
      return command === undefined ? 2 : 0;
    default:
      throw new UsageError(`unknown command "${command}"\n\n${usage}`);
  }
}
