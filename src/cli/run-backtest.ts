import { parseArgs } from 'node:util';
import { csvCommandOptions } from '../calibration-io/csv-command-options';
import { formatBacktestReport } from '../calibration-io/format-backtest-report';
import { InputError } from '../calibration-io/input-error';
import { loadDefinitionFile } from '../calibration-io/load-definition-file';
import { readCsvLeads } from '../calibration-io/read-csv-leads';
import { runInputCommand } from '../calibration-io/run-input-command';
import { compareDefinitions } from '../core/backtest/compare-definitions';
import { defaultDefinition } from '../core/default-definition';
import type { Owner } from '../core/owner';
import { numberOption, parseNow } from './run-calibrate';

export const backtestUsage = `accord backtest --definition FILE --csv FILE [options]
  Replays a draft over historical leads against the current definition (default or --against FILE):
  stage counts, sales-ready volume, load per owner, expected SQL rate, SLA load, leads that change.
      --against FILE   the definition to compare with (default: the default definition)
      --label COLUMN   outcomes, for the observed SQL rate; mapping flags as for calibrate
      --changes N      how many changed leads to list (default 20), --json, --now ISO
`;

/** `accord backtest`: what a draft would change, replayed over a CSV of past leads. */
export function runBacktest(argv: string[]): Promise<number> {
  return runInputCommand(async () => {
    if (argv.includes('--help') || argv.includes('-h')) {
      process.stdout.write(backtestUsage);
      return 0;
    }
    const { values } = parseArgs({
      args: argv,
      options: {
        ...csvCommandOptions,
        definition: { type: 'string' },
        against: { type: 'string' },
        changes: { type: 'string' },
        now: { type: 'string' },
        json: { type: 'boolean' },
      },
      strict: true,
      allowPositionals: false,
    });
    if (values.definition === undefined) throw new InputError('--definition is required: the draft definition JSON to replay');
    const draft = loadDefinitionFile(values.definition);
    const current = values.against === undefined ? defaultDefinition : loadDefinitionFile(values.against);
    const listChanges = numberOption(values.changes, '--changes', 20, 0, 100_000);
    const now = parseNow(values.now);
    const csv = readCsvLeads(values, false);
    const ordered = csv.outcomes ?? null;
    const leads = ordered?.map((r) => r.lead) ?? csv.leads;
    // Routing over the owners the data names; none means every sales-ready lead shows as unrouted.
    const ownerIds = [...new Set(leads.map((l) => l.ownerId).filter((id): id is string => id !== null))].sort();
    const owners: Owner[] = ownerIds.map((id) => ({ id, name: id, email: null, teams: [], available: true }));
    const result = compareDefinitions({
      leads,
      ...(ordered === null ? {} : { outcomes: ordered.map((r) => r.converted) }),
      current,
      draft,
      owners,
      now,
      listChanges,
    });
    process.stdout.write(values.json ? `${JSON.stringify(result, null, 2)}\n` : formatBacktestReport(result, { current: current.name, draft: draft.name }));
    return 0;
  });
}
