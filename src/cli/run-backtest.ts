import { parseArgs } from 'node:util';
import { crmSourceOptions, outcomeRulesFrom, refuseCsvFlags } from '../calibration-io/crm-source-options';
import { csvCommandOptions } from '../calibration-io/csv-command-options';
import { formatBacktestReport } from '../calibration-io/format-backtest-report';
import { InputError } from '../calibration-io/input-error';
import { loadDefinitionFile } from '../calibration-io/load-definition-file';
import { readCsvLeads } from '../calibration-io/read-csv-leads';
import { runInputCommand } from '../calibration-io/run-input-command';
import { compareDefinitions } from '../core/backtest/compare-definitions';
import { defaultDefinition } from '../core/default-definition';
import type { Definition } from '../core/definition';
import type { Lead } from '../core/lead';
import type { Owner } from '../core/owner';
import { numberOption, parseNow, parseTenant, tenantDefinition } from './run-calibrate';
import { withTenantCrmOutcomes } from './with-tenant-crm-outcomes';

export const backtestUsage = `accord backtest --definition FILE --csv FILE [options]
accord backtest --definition FILE --tenant crm:id [options]
  Replays a draft over historical leads against the current definition (default or --against FILE):
  stage counts, sales-ready volume, load per owner, expected SQL rate, SLA load, leads that change.
  Without --csv the leads are the tenant's CRM records with a known outcome (as accord calibrate
  reads them), routed over the tenant's owners; --won-stages / --lost-statuses as for calibrate.
      --against FILE   the definition to compare with (default: the tenant's live one, else the default)
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
        ...crmSourceOptions,
        tenant: { type: 'string' },
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
    const listChanges = numberOption(values.changes, '--changes', 20, 0, 100_000);
    const now = parseNow(values.now);
    const replay = (leads: Lead[], outcomes: boolean[] | null, current: Definition, owners: Owner[]): number => {
      const result = compareDefinitions({ leads, ...(outcomes === null ? {} : { outcomes }), current, draft, owners, now, listChanges });
      process.stdout.write(values.json ? `${JSON.stringify(result, null, 2)}\n` : formatBacktestReport(result, { current: current.name, draft: draft.name }));
      return 0;
    };

    if (values.csv === undefined && values.tenant !== undefined) {
      refuseCsvFlags(values);
      const tenant = parseTenant(values.tenant);
      return withTenantCrmOutcomes(tenant, outcomeRulesFrom(values), async ({ rows, store }) => {
        const current = values.against === undefined ? await tenantDefinition(tenant, store) : loadDefinitionFile(values.against);
        return replay(rows.map((r) => r.lead), rows.map((r) => r.converted), current, await store.listOwners(tenant));
      });
    }
    const current = values.against === undefined ? defaultDefinition : loadDefinitionFile(values.against);
    const csv = readCsvLeads(values, false);
    const ordered = csv.outcomes ?? null;
    const leads = ordered?.map((r) => r.lead) ?? csv.leads;
    // Routing over the owners the data names; none means every sales-ready lead shows as unrouted.
    const ownerIds = [...new Set(leads.map((l) => l.ownerId).filter((id): id is string => id !== null))].sort();
    const owners: Owner[] = ownerIds.map((id) => ({ id, name: id, email: null, teams: [], available: true }));
    return replay(leads, ordered?.map((r) => r.converted) ?? null, current, owners);
  });
}
