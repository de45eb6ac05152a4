import { readLeadField } from '../../src/core/read-lead-field';
import { makeLead, signal } from './make-lead';

describe('readLeadField', () => {
  const lead = makeLead({
    email: 'Pat@Acme.COM',
    domain: null,
    employees: 120,
    doNotContact: true,
    activity: [signal('page_view', 3), signal('page_view', 4), signal('webinar', 1)],
    raw: { hs_lead_status: 'OPEN', empty: null },
  });

  test.each<[string, unknown]>([
    ['email', 'Pat@Acme.COM'],
    ['employees', 120],
    ['doNotContact', true],
    ['annualRevenue', null],
    ['domain', 'acme.com'],
    ['signals.page_view', 7],
    ['signals.webinar', 1],
    ['signals.demo_request', 0],
    ['signals.phone_call', null],
    ['raw.hs_lead_status', 'OPEN'],
    ['raw.empty', null],
    ['raw.never_read', null],
    ['accord', null],
    ['activity', null],
  ])('%s → %j', (path, value) => {
    expect(readLeadField(lead, path)).toBe(value);
  });

  test('the adapter-derived domain wins over the email', () => {
    expect(readLeadField(makeLead({ email: 'pat@acme.com', domain: 'acme.io' }), 'domain')).toBe('acme.io');
    expect(readLeadField(makeLead({ email: null, domain: null }), 'domain')).toBeNull();
  });
});
