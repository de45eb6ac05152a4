import { parseDashboardFilters } from '../../src/server/dashboard/parse-dashboard-filters';

const now = Date.parse('2026-11-20T15:00:00.000Z');

describe('parseDashboardFilters', () => {
  it('defaults to the last 90 days, today included', () => {
    expect(parseDashboardFilters({}, now)).toEqual({ ok: true, filters: { from: '2026-08-23', to: '2026-11-20' } });
  });

  it('takes dates, groupings and a version, and reads blanks as "all"', () => {
    expect(
      parseDashboardFilters({ from: '2026-01-01', to: '2026-02-28', source: ' PAID_SEARCH ', campaign: '', owner: '1000012', region: '(none)', version: '2' }, now),
    ).toEqual({ ok: true, filters: { from: '2026-01-01', to: '2026-02-28', source: 'PAID_SEARCH', owner: '1000012', region: '(none)', version: 2 } });
  });

  it.each([
    [{ from: '2026-02-30' }, /from must be a date/],
    [{ to: '20-11-2026' }, /to must be a date/],
    [{ from: '2026-11-21', to: '2026-11-20' }, /after/],
    [{ from: '2020-01-01', to: '2026-01-01' }, /longer than/],
    [{ version: '0' }, /version/],
    [{ version: 'latest' }, /version/],
  ])('refuses %j', (query, message) => {
    const parsed = parseDashboardFilters(query, now);
    expect(parsed.ok).toBe(false);
    expect(parsed.ok ? '' : parsed.message).toMatch(message);
  });
});
