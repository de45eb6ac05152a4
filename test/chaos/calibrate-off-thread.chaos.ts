import { join } from 'node:path';
import type * as OffThread from '../../src/calibration-io/calibrate-off-thread';
import { resolveColumns } from '../../src/calibration-io/column-mapping';
import { csvOutcomeRows } from '../../src/calibration-io/csv-outcome-rows';
import { findSharedDataFile } from '../../src/calibration-io/find-shared-data-file';
import { readCsvTable } from '../../src/calibration-io/read-csv-table';
import { calibrateFromOutcomes } from '../../src/core/calibration/calibrate-from-outcomes';
import { defaultDefinition } from '../../src/core/default-definition';

// The built module: only there does the compiled thread script sit beside it, as in the server.
const built = require(join(__dirname, '../../dist/src/calibration-io/calibrate-off-thread.js')) as typeof OffThread;

describe('calibration off the event loop (built server code)', () => {
  it('learns the same draft in a worker thread while the event loop keeps running', async () => {
    const file = findSharedDataFile('leads-x-education/train.csv');
    if (file === null) throw new Error('shared/data/leads-x-education/train.csv not found');
    const table = readCsvTable(file);
    const columns = resolveColumns(table.header, [], file);
    const rows = csvOutcomeRows(table, { columns, label: 'Converted', order: 'Lead Number', id: 'Prospect ID' });
    const candidates = columns.filter((c) => !['Converted', 'Lead Number', 'Prospect ID'].includes(c.column)).map((c) => ({ field: c.field, name: c.column }));
    const options = { current: defaultDefinition, candidates, now: new Date('2026-01-01T00:00:00Z') };

    let ticks = 0;
    const timer = setInterval(() => {
      ticks += 1;
    }, 5);
    const report = await built.calibrateOffThread(rows, options);
    clearInterval(timer);
    // Learning in this thread would have run to the end before any timer could fire.
    expect(ticks).toBeGreaterThan(0);

    const inline = calibrateFromOutcomes(rows, options);
    expect(report.draft.definition).toEqual(inline.draft.definition);
    expect(report.holdout?.learned.auc).toBe(inline.holdout?.learned.auc);
  });
});
