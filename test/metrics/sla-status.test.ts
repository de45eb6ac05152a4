import { hoursToFirstTouch, slaStatus } from '../../src/metrics/sla-status';
import { handedOver, hours, timeline } from './make-timeline';

describe('slaStatus', () => {
  const now = Date.parse(hours(100));

  it('meets the SLA with a response by the due time, breaches it after', () => {
    expect(slaStatus(handedOver('a', { tier: 'hot', touchAfterHours: 1 }), now)).toBe('met');
    expect(slaStatus(handedOver('b', { tier: 'hot', touchAfterHours: 1.01 }), now)).toBe('breached');
  });

  it('is open until the due time passes without a response, then breached', () => {
    const waiting = handedOver('a', { routedAt: hours(90), slaHours: 24 });
    expect(slaStatus(waiting, now)).toBe('open');
    expect(slaStatus(waiting, Date.parse(hours(114.5)))).toBe('breached');
  });

  it('owes nothing for a lead taken back in time, but a late take-back is still a breach', () => {
    const lead = handedOver('a', { routedAt: hours(1), slaHours: 24 });
    expect(slaStatus({ ...lead, handover: { ...lead.handover!, withdrawnAt: hours(10) } }, now)).toBe('withdrawn');
    expect(slaStatus({ ...lead, handover: { ...lead.handover!, withdrawnAt: hours(30) } }, now)).toBe('breached');
  });

  it('has no status, and no response time, for a lead never handed over', () => {
    expect(slaStatus(timeline(), now)).toBeNull();
    expect(hoursToFirstTouch(timeline())).toBeNull();
    expect(hoursToFirstTouch(handedOver('a', { touchAfterHours: 2.5 }))).toBe(2.5);
  });
});
