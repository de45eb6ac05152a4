import { tableToCsv } from '../../src/metrics/table-to-csv';
import type { DashboardTable } from '../../src/metrics/dashboard-table';

describe('tableToCsv', () => {
  const table: Pick<DashboardTable, 'columns' | 'rows'> = {
    columns: [
      { key: 'source', label: 'Source', format: 'text' },
      { key: 'leads', label: 'Leads', format: 'count' },
      { key: 'rate', label: 'MQL→SQL', format: 'percent' },
      { key: 'hours', label: 'Median', format: 'hours' },
      { key: 'revenue', label: 'Revenue', format: 'money' },
    ],
    rows: [
      {
        source: { value: 'Trade show, "Berlin"' },
        leads: { value: 12, versions: [2] },
        rate: { value: 0.28571, versions: [1, 2] },
        hours: { value: 1.25 },
        revenue: { value: 1234.5 },
      },
      { source: { value: '=HYPERLINK("http://evil")' }, leads: { value: 0 }, rate: { value: null, note: 'no MQL' }, hours: { value: null, note: 'immature' }, revenue: { value: -5 } },
      { source: { value: 'line\nbreak' }, leads: { value: 3 }, rate: { value: 1 }, hours: { value: 0 }, revenue: { value: null } },
    ],
  };

  it('writes RFC 4180 rows with units in the header and the definition versions of each row', () => {
    expect(tableToCsv(table).split('\r\n')).toEqual([
      'Source,Leads,MQL→SQL (%),Median (h),Revenue,Definition versions',
      '"Trade show, ""Berlin""",12,28.6,1.3,1234.50,1 2',
      `"'=HYPERLINK(""http://evil"")",0,no MQL,immature,-5.00,`,
      '"line\nbreak",3,100.0,0.0,,',
      '',
    ]);
  });
});
