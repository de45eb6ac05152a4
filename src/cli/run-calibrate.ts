import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { crmCandidateFields } from '../calibration-io/crm-candidate-fields';
import { crmSourceOptions, outcomeRulesFrom, refuseCsvFlags } from '../calibration-io/crm-source-options';
import { csvCommandOptions } from '../calibration-io/csv-command-options';
import { calibrationReportJson, formatCalibrationReport } from '../calibration-io/format-calibration-report';
import { InputError } from '../calibration-io/input-error';
import { loadDefinitionFile } from '../calibration-io/load-definition-file';
import { candidateColumns, readCsvLeads } from '../calibration-io/read-csv-leads';
import { runInputCommand } from '../calibration-io/run-input-command';
import { calibrateFromOutcomes } from '../core/calibration/calibrate-from-outcomes';
import type { OutcomeRow } from '../core/calibration/outcome-row';
import type { CandidateField } from '../core/calibration/prepare-features';
import { defaultDefinition } from '../core/default-definition';
import type { Definition } from '../core/definition';
import type { TenantRef } from '../core/lead';
import { loadConfig } from '../config/load-config';
import { openStore } from '../store/open-store';
import type { Store } from '../store/store';
import { withTenantCrmOutcomes } from './with-tenant-crm-outcomes';

export const calibrateUsage = `accord calibrate --csv FILE --label COLUMN [options]
accord calibrate --tenant crm:id [options]
  Learns a definition from outcomes and saves it as a draft (never published by itself).
  Outcomes come from the CSV, or without --csv from the tenant's CRM (DATABASE_URL and the CRM's
  credentials as for accord start): HubSpot contacts by lifecycle stage, lead status and rejection,
  Salesforce leads converted (and won) against closed unconverted or rejected ones.
      --won-stages a,b       HubSpot lifecycle stages that count as won (default salesqualifiedlead,opportunity,customer)
      --lost-statuses x,y    HubSpot lead statuses that count as lost (default UNQUALIFIED,BAD_TIMING)
      --map 'Column=field'   map a column to a lead field, raw.<property> or signals.<activity>
                             (":number" checks numbers); unmapped columns are raw.<column>
      --mapping FILE         the same as a JSON object {"Column": "field"}
      --order COLUMN         time order (lead number, created date); the newest rows are the holdout
      --id COLUMN            record ids for the report
      --current FILE         the definition to compare with and build on (default: the tenant's, else the default)
      --out FILE             write the draft definition JSON here
      --tenant crm:id        also save it as the tenant's draft in the store (DATABASE_URL)
      --allow-field NAME     use a field the leakage guard left out (repeatable)
      --exclude-field NAME   never use this field (repeatable)
      --holdout SHARE        newest share kept apart to judge on (default 0.25)
      --calibration platt|isotonic, --prior-strength N (default 100), --json
`;

/** `accord calibrate`: learn from a CSV of outcomes, report on a time-ordered holdout, save a draft. */
export function runCalibrate(argv: string[]): Promise<number> {
  return runInputCommand(async () => {
    if (argv.includes('--help') || argv.includes('-h')) {
      process.stdout.write(calibrateUsage);
      return 0;
    }
    const { values } = parseArgs({
      args: argv,
      options: {
        ...csvCommandOptions,
        ...crmSourceOptions,
        current: { type: 'string' },
        out: { type: 'string' },
        tenant: { type: 'string' },
        'allow-field': { type: 'string', multiple: true },
        'exclude-field': { type: 'string', multiple: true },
        holdout: { type: 'string' },
        calibration: { type: 'string' },
        'prior-strength': { type: 'string' },
        name: { type: 'string' },
        now: { type: 'string' },
        json: { type: 'boolean' },
      },
      strict: true,
      allowPositionals: false,
    });
    const now = parseNow(values.now);
    const holdoutShare = numberOption(values.holdout, '--holdout', 0.25, 0.05, 0.5);
    const priorStrength = numberOption(values['prior-strength'], '--prior-strength', 100, 0, 1e9);
    const method = values.calibration ?? 'platt';
    if (method !== 'platt' && method !== 'isotonic') throw new InputError('--calibration is platt or isotonic');
    const tenant = values.tenant === undefined ? null : parseTenant(values.tenant);

    const learn = async (rows: readonly OutcomeRow[], candidates: CandidateField[], store: Store | null): Promise<number> => {
      const current = values.current !== undefined ? loadDefinitionFile(values.current) : tenant !== null ? await tenantDefinition(tenant, store) : defaultDefinition;
      const report = calibrateFromOutcomes(rows, {
        current,
        candidates,
        allowFields: values['allow-field'] ?? [],
        excludeFields: values['exclude-field'] ?? [],
        priorStrength,
        calibration: method,
        holdoutShare,
        now,
        ...(values.name === undefined ? {} : { name: values.name }),
      });
      const draft = report.draft.definition;
      process.stdout.write(values.json ? `${JSON.stringify(calibrationReportJson(report), null, 2)}\n` : formatCalibrationReport(report));
      if (values.out !== undefined) {
        writeFileSync(values.out, `${JSON.stringify(draft, null, 2)}\n`);
        process.stderr.write(`Draft definition written to ${values.out}\n`);
      }
      if (tenant !== null) {
        await withStore(store, async (open) => {
          const saved = await open.saveDraft(tenant, draft, 'accord calibrate', now.toISOString());
          process.stderr.write(`Saved as draft ${saved.id} for ${tenant.crm}:${tenant.tenantId}; publish it from the settings page.\n`);
        });
      }
      if (values.out === undefined && tenant === null) process.stderr.write('Not saved: pass --out FILE or --tenant crm:id to keep the draft.\n');
      return 0;
    };

    if (values.csv === undefined && tenant !== null) {
      refuseCsvFlags(values);
      return withTenantCrmOutcomes(tenant, outcomeRulesFrom(values), ({ rows, store }) => learn(rows, crmCandidateFields(tenant.crm), store));
    }
    const csv = readCsvLeads(values, true);
    const rows = csv.outcomes ?? [];
    if (rows.length === 0) throw new InputError(`${csv.table.file} has no data rows`);
    return learn(rows, candidateColumns(csv.columns, values), null);
  });
}

/** Runs `body` on the given store, or on one opened from DATABASE_URL for the occasion. */
async function withStore<T>(store: Store | null, body: (store: Store) => Promise<T>): Promise<T> {
  if (store !== null) return body(store);
  const opened = await openStore(loadConfig().DATABASE_URL);
  try {
    return await body(opened);
  } finally {
    await opened.close();
  }
}

export async function tenantDefinition(tenant: TenantRef, store: Store | null): Promise<Definition> {
  return withStore(store, async (open) => {
    if ((await open.getTenant(tenant)) === null) throw new InputError(`--tenant ${tenant.crm}:${tenant.tenantId}: no such tenant in the store`);
    return (await open.getPublishedDefinition(tenant))?.definition ?? defaultDefinition;
  });
}

export function parseTenant(text: string): TenantRef {
  const match = /^(hubspot|salesforce):(.+)$/.exec(text.trim());
  if (match === null) throw new InputError(`--tenant "${text}": write it as hubspot:<portal id> or salesforce:<org id>`);
  return { crm: match[1] as TenantRef['crm'], tenantId: match[2] as string };
}

export function parseNow(text: string | undefined): Date {
  if (text === undefined) return new Date();
  const ms = Date.parse(text);
  if (Number.isNaN(ms)) throw new InputError(`--now "${text}" is not a date/time`);
  return new Date(ms);
}

export function numberOption(text: string | undefined, flag: string, fallback: number, min: number, max: number): number {
  if (text === undefined) return fallback;
  const n = Number(text);
  if (!Number.isFinite(n) || n < min || n > max) throw new InputError(`${flag} "${text}": expected a number from ${min} to ${max}`);
  return n;
}
