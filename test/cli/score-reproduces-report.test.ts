import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { findSharedDataFile } from '../../src/calibration-io/find-shared-data-file';
import { formatCsvLine } from '../../src/calibration-io/format-csv';
import { runCommand } from '../../src/cli/run-command';
import { areaUnderCurve } from '../../src/core/calibration/area-under-curve';
import { expectedCalibrationError } from '../../src/core/calibration/expected-calibration-error';
import { parseCsv } from '../../src/core/parse-csv';

const file = findSharedDataFile('leads-x-education/train.csv');
const columns = ['--label', 'Converted', '--order', 'Lead Number', '--id', 'Prospect ID', '--now', '2026-01-01'];

let dir: string;
let out: string[];

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'accord-reproduce-'));
  out = [];
  jest.spyOn(process.stdout, 'write').mockImplementation((chunk) => (out.push(String(chunk)), true));
  jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
});

afterEach(() => {
  jest.restoreAllMocks();
  rmSync(dir, { recursive: true, force: true });
});

/** The file's rows in Lead Number order, split like the report: the older 75 % and the newest 25 %. */
function writeTimeSlices(source: string): { older: string; newest: string; newestRows: number } {
  const [header, ...rows] = parseCsv(readFileSync(source, 'utf8'));
  if (header === undefined) throw new Error(`${source} is empty`);
  const order = header.indexOf('Lead Number');
  const sorted = rows.filter((r) => r.length === header.length).sort((a, b) => Number(a[order]) - Number(b[order]));
  const cut = Math.round(sorted.length * 0.75);
  const write = (name: string, part: string[][]) => {
    const target = path.join(dir, name);
    writeFileSync(target, `${[header, ...part].map((r) => formatCsvLine(r)).join('\n')}\n`);
    return target;
  };
  return { older: write('older.csv', sorted.slice(0, cut)), newest: write('newest.csv', sorted.slice(cut)), newestRows: sorted.length - cut };
}

describe('accord score reproduces the figures accord calibrate reports', () => {
  it('finds the X Education leads beside the repository', () => {
    expect(file).not.toBeNull();
  });

  it('scoring the holdout with a draft learned on the older rows gives the reported AUC and ECE', async () => {
    const source = file as string;
    expect(await runCommand(['calibrate', '--csv', source, ...columns, '--json'])).toBe(0);
    const report = JSON.parse(out.join(''));
    out = [];

    const { older, newest, newestRows } = writeTimeSlices(source);
    expect(report.holdout.leads).toBe(newestRows);
    const draft = path.join(dir, 'draft.json');
    expect(await runCommand(['calibrate', '--csv', older, ...columns, '--holdout', '0.25', '--out', draft])).toBe(0);
    const scored = path.join(dir, 'scored.csv');
    expect(await runCommand(['score', '--csv', newest, '--definition', draft, '--out', scored, '--now', '2026-01-01'])).toBe(0);

    const [header, ...rows] = parseCsv(readFileSync(scored, 'utf8'));
    const at = (name: string) => (header ?? []).indexOf(name);
    expect(rows).toHaveLength(newestRows);
    const outcomes = rows.map((r) => r[at('Converted')] === '1');
    const scores = rows.map((r) => Number(r[at('accord_score')]));
    const probabilities = rows.map((r) => Number(r[at('accord_probability')]));
    expect(probabilities.every((p) => p >= 0 && p <= 1)).toBe(true);

    const auc = areaUnderCurve(scores, outcomes);
    const ece = expectedCalibrationError(probabilities, outcomes);
    expect(auc.toFixed(3)).toBe(report.holdout.learned.auc.toFixed(3));
    expect(ece.toFixed(3)).toBe(report.holdout.learned.ece.toFixed(3));
    // The report's own figures, as docs/calibration.md quotes them.
    expect(auc).toBeGreaterThan(0.891);
    expect(outcomes.filter(Boolean).length).toBe(report.holdout.converted);
  }, 120_000);
});
