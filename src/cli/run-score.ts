import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { parseArgs } from 'node:util';
import { csvCommandOptions } from '../calibration-io/csv-command-options';
import { formatCsvLine } from '../calibration-io/format-csv';
import { InputError } from '../calibration-io/input-error';
import { loadDefinitionFile } from '../calibration-io/load-definition-file';
import { progressBar } from '../calibration-io/progress-bar';
import { readCsvLeads } from '../calibration-io/read-csv-leads';
import { runInputCommand } from '../calibration-io/run-input-command';
import { probabilityOf } from '../core/calibration/probability-of';
import { decideWithRouting } from '../core/decide';
import type { RoutingState } from '../core/routing-state';
import { parseNow } from './run-calibrate';

export const scoreUsage = `accord score --csv IN --definition FILE --out OUT [mapping options]
  Writes every input column plus accord_score, accord_probability (0–1, empty without a
  calibration), accord_stage and accord_why.
`;

const outputColumns = ['accord_score', 'accord_probability', 'accord_stage', 'accord_why'];

/** `accord score`: a CSV of leads in, the same CSV with Accord's score, probability, stage and why out. */
export function runScore(argv: string[]): Promise<number> {
  return runInputCommand(async () => {
    if (argv.includes('--help') || argv.includes('-h')) {
      process.stdout.write(scoreUsage);
      return 0;
    }
    const { values } = parseArgs({
      args: argv,
      options: { ...csvCommandOptions, definition: { type: 'string' }, out: { type: 'string' }, now: { type: 'string' } },
      strict: true,
      allowPositionals: false,
    });
    if (values.definition === undefined) throw new InputError('--definition is required: the definition JSON to score with');
    if (values.out === undefined) throw new InputError('--out is required: where to write the scored CSV');
    const now = parseNow(values.now);
    const csv = readCsvLeads(values, false);
    const definition = loadDefinitionFile(values.definition);
    const clash = csv.table.header.find((column) => outputColumns.includes(column));
    if (clash !== undefined) throw new InputError(`${csv.table.file} already has a column "${clash}"; score the original file instead`);

    const out = createWriteStream(values.out);
    try {
      await once(out, 'open');
    } catch (error) {
      throw new InputError(`cannot write ${values.out}: ${(error as Error).message}`);
    }
    const write = async (line: string) => {
      if (!out.write(`${line}\r\n`)) await once(out, 'drain');
    };
    await write(formatCsvLine([...csv.table.header, ...outputColumns]));
    const progress = progressBar('Scoring', csv.leads.length);
    let routingState: RoutingState = {};
    for (let i = 0; i < csv.leads.length; i++) {
      const lead = csv.leads[i];
      const row = csv.table.rows[i];
      if (lead === undefined || row === undefined) continue;
      const result = decideWithRouting(lead, definition, { owners: [], routingState, previous: null }, now);
      routingState = result.routingState;
      const { score, stage, why } = result.decision;
      const probability = probabilityOf(score, definition);
      await write(formatCsvLine([...row, String(score), probability === null ? '' : probability.toFixed(4), stage, why]));
      progress.advance(i + 1);
    }
    progress.finish();
    out.end();
    await once(out, 'finish');
    process.stderr.write(`Scored ${csv.leads.length} leads into ${values.out}\n`);
    return 0;
  });
}
