import { findSharedDataFile } from '../../../src/calibration-io/find-shared-data-file';
import { resolveColumns } from '../../../src/calibration-io/column-mapping';
import { csvOutcomeRows } from '../../../src/calibration-io/csv-outcome-rows';
import { readCsvTable } from '../../../src/calibration-io/read-csv-table';
import { calibrateFromOutcomes } from '../../../src/core/calibration/calibrate-from-outcomes';
import { defaultDefinition } from '../../../src/core/default-definition';

const file = findSharedDataFile('leads-x-education/train.csv');

// The real data set lives beside the repository (shared/data); without it there is nothing to check.
(file === null ? describe.skip : describe)('calibrating on the X Education leads', () => {
  const table = readCsvTable(file as string);
  const columns = resolveColumns(table.header, [], table.file);
  const rows = csvOutcomeRows(table, { columns, label: 'Converted', order: 'Lead Number', id: 'Prospect ID' });
  const candidates = columns.filter((c) => !['Converted', 'Lead Number', 'Prospect ID'].includes(c.column)).map((c) => ({ field: c.field, name: c.column }));
  const report = calibrateFromOutcomes(rows, { current: defaultDefinition, candidates, now: new Date('2026-01-01T00:00:00Z') });
  const excluded = report.draft.leakage.filter((l) => l.excluded).map((l) => l.name);

  it('leaves out the fields sales fills in after contact', () => {
    expect(excluded).toEqual(expect.arrayContaining(['Tags', 'Lead Quality', 'Lead Profile', 'Last Notable Activity']));
    expect(excluded).toEqual(expect.arrayContaining(['Asymmetrique Activity Index', 'Asymmetrique Profile Score']));
    const used = JSON.stringify(report.draft.definition.criteria);
    for (const leaky of ['Tags', 'Lead Quality', 'Lead Profile', 'Last Notable Activity', 'Asymmetrique']) expect(used).not.toContain(`raw.${leaky}`);
  });

  it('keeps genuine pre-contact fields even when one value converts almost always', () => {
    expect(excluded).not.toContain('Lead Source');
    expect(report.draft.features.map((f) => f.name)).toEqual(expect.arrayContaining(['Total Time Spent on Website', 'Lead Origin', 'Last Activity', 'Lead Source']));
  });

  it('ranks the newest leads far better than the default definition, with calibrated probabilities', () => {
    const holdout = report.holdout;
    expect(holdout).not.toBeNull();
    expect(holdout?.leads).toBe(1616);
    expect(holdout?.learned.auc).toBeGreaterThan(0.88);
    expect(holdout?.learned.auc).toBeGreaterThan(holdout?.current.auc ?? 1);
    expect(holdout?.learned.ece).toBeLessThan(0.06);
    expect(holdout?.learned.brier).toBeLessThan(holdout?.current.brier ?? 0);
  });
});
