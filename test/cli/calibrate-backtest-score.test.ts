import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runCommand } from '../../src/cli/run-command';
import { formatCsvLine } from '../../src/calibration-io/format-csv';
import { parseCsv } from '../../src/core/parse-csv';
import { definitionSchema } from '../../src/core/definition';
import { syntheticOutcomes } from '../core/calibration/synthetic-outcomes';

let dir: string;
let out: string[];
let err: string[];

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'accord-cli-'));
  out = [];
  err = [];
  jest.spyOn(process.stdout, 'write').mockImplementation((chunk) => (out.push(String(chunk)), true));
  jest.spyOn(process.stderr, 'write').mockImplementation((chunk) => (err.push(String(chunk)), true));
});

afterEach(() => {
  jest.restoreAllMocks();
  rmSync(dir, { recursive: true, force: true });
});

/** A CSV of synthetic leads with outcomes; a quoted comma and line break in the notes column. */
function writeLeadsCsv(rows = 400): string {
  const file = path.join(dir, 'leads.csv');
  const lines = [formatCsvLine(['Lead Number', 'Source', 'Visits', 'Colour', 'Notes', 'Owner', 'Converted'])];
  syntheticOutcomes(rows, 3).forEach((row, i) => {
    const raw = row.lead.raw;
    lines.push(formatCsvLine([String(5000 + i), raw.Source ?? '', raw.Visits ?? '', raw.Colour ?? '', i % 7 === 0 ? 'called, "busy"\nretry' : '', i % 2 === 0 ? 'ann' : 'bob', row.converted ? '1' : '0']));
  });
  writeFileSync(file, `${lines.join('\n')}\n`);
  return file;
}

const mapping = ['--map', 'Owner=ownerId', '--map', 'Visits=raw.Visits:number', '--order', 'Lead Number', '--label', 'Converted'];

describe('accord calibrate → backtest → score', () => {
  it('learns a draft, reports on the holdout, and writes the definition', async () => {
    const csv = writeLeadsCsv();
    const draftFile = path.join(dir, 'draft.json');
    expect(await runCommand(['calibrate', '--csv', csv, ...mapping, '--exclude-field', 'Notes', '--out', draftFile, '--now', '2026-01-01'])).toBe(0);
    const text = out.join('');
    expect(text).toContain('Time-ordered holdout: the newest 100 leads');
    expect(text).toMatch(/AUC\s+0\.\d{3}\s+0\.500/);
    expect(text).toContain('expected calibration error (10 bins)');
    expect(text).toContain('Lift by decile');
    expect(text).toContain('Leakage guard');
    const draft = definitionSchema.parse(JSON.parse(readFileSync(draftFile, 'utf8')));
    expect(draft.calibration?.rows).toBe(400);
    expect(err.join('')).toContain(`Draft definition written to ${draftFile}`);
  });

  it('prints the report as JSON with --json', async () => {
    const csv = writeLeadsCsv(200);
    expect(await runCommand(['calibrate', '--csv', csv, ...mapping, '--json'])).toBe(0);
    const report = JSON.parse(out.join(''));
    expect(report.holdout.learned.auc).toBeGreaterThan(0.6);
    expect(report.holdout.learned.scores).toBeUndefined();
    expect(report.draft.definition.criteria.length).toBeGreaterThan(0);
  });

  it('backtests the draft against the default, routing over the owners in the data', async () => {
    const csv = writeLeadsCsv(200);
    const draftFile = path.join(dir, 'draft.json');
    await runCommand(['calibrate', '--csv', csv, ...mapping, '--out', draftFile]);
    out = [];
    expect(await runCommand(['backtest', '--definition', draftFile, '--csv', csv, ...mapping, '--changes', '1', '--json'])).toBe(0);
    const result = JSON.parse(out.join(''));
    expect(result.leads).toBe(200);
    expect(result.current.stages.sales_ready).toBe(0);
    expect(result.draft.salesReady).toBeGreaterThan(0);
    expect(result.draft.ownerLoad.map((o: { ownerId: string }) => o.ownerId).sort()).toEqual(['ann', 'bob']);
    expect(result.changes).toHaveLength(1);
  });

  it('scores a file: every input column plus score, probability, stage and why', async () => {
    const csv = writeLeadsCsv(200);
    const draftFile = path.join(dir, 'draft.json');
    await runCommand(['calibrate', '--csv', csv, ...mapping, '--out', draftFile]);
    const scored = path.join(dir, 'scored.csv');
    err = [];
    expect(await runCommand(['score', '--csv', csv, '--definition', draftFile, '--out', scored, '--map', 'Owner=ownerId'])).toBe(0);
    const [header, ...rows] = parseCsv(readFileSync(scored, 'utf8'));
    expect(header).toEqual(['Lead Number', 'Source', 'Visits', 'Colour', 'Notes', 'Owner', 'Converted', 'accord_score', 'accord_probability', 'accord_stage', 'accord_why']);
    expect(rows).toHaveLength(200);
    expect(rows[0]?.[4]).toBe('called, "busy"\nretry');
    for (const row of rows) {
      const probability = Number(row[8]);
      expect(probability).toBeGreaterThanOrEqual(0);
      expect(probability).toBeLessThanOrEqual(1);
      expect(['nurture', 'mql', 'sales_ready', 'disqualified']).toContain(row[9]);
    }
    // Piped (not a terminal): no progress bar, just the closing line.
    expect(err.join('')).toBe(`Scored 200 leads into ${scored}\n`);
  });
});

describe('bad input exits 2 with the file, row and column', () => {
  it('a missing label column', async () => {
    const csv = writeLeadsCsv(50);
    expect(await runCommand(['calibrate', '--csv', csv, '--label', 'Won'])).toBe(2);
    expect(err.join('')).toMatch(/--label "Won": .*leads\.csv has no such column/);
  });

  it('a mapping that names an unknown column or field', async () => {
    const csv = writeLeadsCsv(50);
    expect(await runCommand(['calibrate', '--csv', csv, '--label', 'Converted', '--map', 'Budget=raw.Budget'])).toBe(2);
    expect(err.join('')).toContain('the mapping names column "Budget"');
    err = [];
    expect(await runCommand(['score', '--csv', csv, '--definition', 'x.json', '--out', 'y.csv', '--map', 'Source=sauce'])).toBe(2);
    expect(err.join('')).toContain('unknown field "sauce"');
  });

  it('an unparsable number in a mapped numeric field', async () => {
    const csv = path.join(dir, 'bad.csv');
    writeFileSync(csv, 'Visits,Converted\n3,1\nlots,0\n');
    expect(await runCommand(['calibrate', '--csv', csv, '--label', 'Converted', '--map', 'Visits=raw.Visits:number'])).toBe(2);
    expect(err.join('')).toContain('bad.csv row 3, column "Visits": "lots" is not a number');
  });

  it('an outcome that is neither converted nor not', async () => {
    const csv = path.join(dir, 'bad.csv');
    writeFileSync(csv, 'Source,Converted\nA,1\nB,maybe\n');
    expect(await runCommand(['calibrate', '--csv', csv, '--label', 'Converted'])).toBe(2);
    expect(err.join('')).toContain('bad.csv row 3, column "Converted": "maybe" is not an outcome');
  });

  it('a ragged row, an unterminated quote, an invalid definition and an unknown flag', async () => {
    const ragged = path.join(dir, 'ragged.csv');
    writeFileSync(ragged, 'a,b\n1,2\n3\n');
    expect(await runCommand(['score', '--csv', ragged, '--definition', 'x.json', '--out', path.join(dir, 'o.csv')])).toBe(2);
    const fine = path.join(dir, 'fine.csv');
    writeFileSync(fine, 'a,b\n1,2\n');
    const invalid = path.join(dir, 'def.json');
    writeFileSync(invalid, JSON.stringify({ name: 'x' }));
    expect(await runCommand(['score', '--csv', fine, '--definition', invalid, '--out', path.join(dir, 'o.csv')])).toBe(2);
    const open = path.join(dir, 'open.csv');
    writeFileSync(open, 'a,b\n1,"two\n');
    expect(await runCommand(['backtest', '--definition', path.join(dir, 'missing.json'), '--csv', open])).toBe(2);
    expect(await runCommand(['calibrate', '--colour'])).toBe(2);
    const messages = err.join('');
    expect(messages).toContain('ragged.csv row 3: 1 fields where the header has 2');
    expect(messages).toContain('cannot read');
    expect(messages).toContain('is not a valid definition');
    expect(messages).toContain("Unknown option '--colour'");
  });

  it('names the problem rows of a broken CSV', async () => {
    const ragged = path.join(dir, 'ragged.csv');
    writeFileSync(ragged, 'a,Converted\n1,1\n3\n');
    expect(await runCommand(['calibrate', '--csv', ragged, '--label', 'Converted'])).toBe(2);
    expect(err.join('')).toContain('ragged.csv row 3: 1 fields where the header has 2');
    err = [];
    const open = path.join(dir, 'open.csv');
    writeFileSync(open, 'a,Converted\n1,1\n2,"1\n');
    expect(await runCommand(['calibrate', '--csv', open, '--label', 'Converted'])).toBe(2);
    expect(err.join('')).toContain('quoted field opened on line 3');
  });
});
