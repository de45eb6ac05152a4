import { parseCsv } from '../../src/core/parse-csv';

describe('parseCsv', () => {
  it('splits plain rows and drops the trailing line break', () => {
    expect(parseCsv('a,b\n1,2\n')).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
  });

  it('keeps commas, doubled quotes and line breaks inside quoted fields', () => {
    expect(parseCsv('name,note\r\n"Gekko, & Co","said ""hi""\nthen left"\r\nx,\n')).toEqual([
      ['name', 'note'],
      ['Gekko, & Co', 'said "hi"\nthen left'],
      ['x', ''],
    ]);
  });

  it('keeps empty trailing fields and strips a byte-order mark', () => {
    expect(parseCsv('\ufeffa,b,c\n1,,')).toEqual([
      ['a', 'b', 'c'],
      ['1', '', ''],
    ]);
  });

  it('refuses an unterminated quote', () => {
    expect(() => parseCsv('a\n"open')).toThrow('quoted field');
  });
});
