import { findSharedDataFile } from '../../../src/calibration-io/find-shared-data-file';
import { resolveColumns } from '../../../src/calibration-io/column-mapping';
import { csvOutcomeRows } from '../../../src/calibration-io/csv-outcome-rows';
import { readCsvTable } from '../../../src/calibration-io/read-csv-table';
import { calibrateFromOutcomes } from '../../../src/core/calibration/calibrate-from-outcomes';
import { splitByTime } from '../../../src/core/calibration/split-by-time';
import { decide } from '../../../src/core/decide';
import { defaultDefinition } from '../../../src/core/default-definition';

const file = findSharedDataFile('leads-x-education/train.csv');

it('finds the X Education leads beside the repository (shared/data)', () => {
  expect(file).not.toBeNull();
});

describe('calibrating on the X Education leads', () => {
  if (file === null) return;
  const table = readCsvTable(file);
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

  it('writes short whys a rep can read: a verdict, the criteria worth most, the biggest misses', () => {
    const { holdout } = splitByTime(rows, 0.25);
    const now = new Date('2026-01-01T00:00:00Z');
    const context = { owners: [], routingState: {}, previous: null };
    const decisions = holdout.map((row) => decide(row.lead, report.draft.definition, context, now));
    // A few as reps see them on the record.
    process.stdout.write(`${decisions.filter((_, i) => i % 400 === 0).map((d) => d.why).join('\n\n')}\n`);
    for (const decision of decisions) {
      const [verdict = '', ...lines] = decision.why.split('\n');
      expect(verdict).toMatch(/^(Nurture|Marketing qualified|Sales ready)[^\n]*\(score \d+\/100\)[^\n]*\.$/);
      expect(decision.why.length).toBeLessThanOrEqual(1000);
      expect(lines.length).toBeLessThanOrEqual(10);
      expect(decision.why).not.toContain('raw.');
      // Four criteria at most, then one line for the rest: the "+" points add up to the score.
      const met = lines.filter((l) => l.startsWith('+ '));
      expect(met.length).toBeLessThanOrEqual(5);
      expect(met.reduce((sum, l) => sum + Number(/\(\+(\d+)\)/.exec(l)?.[1] ?? NaN), 0)).toBe(decision.score);
      expect(decision.reasons.reduce((sum, r) => sum + r.points, 0)).toBe(decision.score);
      for (const line of lines.filter((l) => /^[+-] /.test(l))) expect(line.length).toBeLessThanOrEqual(160);
    }
    const missed = decisions.flatMap((d) => d.why.split('\n').filter((l) => l.startsWith('- ')));
    expect(missed.length).toBeGreaterThan(0);
    const salesReady = decisions.find((d) => d.stage === 'sales_ready');
    expect(salesReady?.why).toMatch(/^Sales ready \(score \d+\/100\): most points from [^\n]+\.\n\+ /);
  });
});
