import { factsWithOutcome } from '../../src/metrics/facts-with-outcome';
import type { LeadFacts } from '../../src/store/store';

const open: LeadFacts = { recordId: '1501', createdAt: '2026-01-05T09:00:00.000Z', source: 'PAID_SEARCH', campaign: null, country: 'France', region: null, outcome: null, outcomeAt: null, amount: null };

describe('factsWithOutcome', () => {
  it('sets the verdict, its time and the amount, keeping everything else', () => {
    expect(factsWithOutcome(open, { result: 'won', at: '2026-02-01T00:00:00.000Z', amount: 48000 })).toEqual({
      ...open,
      outcome: 'won',
      outcomeAt: '2026-02-01T00:00:00.000Z',
      amount: 48000,
    });
  });

  it('answers null when nothing would change, so a sync of unchanged deals writes nothing', () => {
    const won = { ...open, outcome: 'won' as const, outcomeAt: '2026-02-01T00:00:00.000Z', amount: 48000 };
    expect(factsWithOutcome(won, { result: 'won', at: '2026-02-01T00:00:00.000Z', amount: 48000 })).toBeNull();
    // The CRM no longer showing the time or the amount is not a change: the store keeps them too.
    expect(factsWithOutcome(won, { result: 'won', at: null, amount: null })).toBeNull();
  });

  it('fills in what the worker could not see: the time and amount of a win it already recorded', () => {
    const seenByWorker = { ...open, outcome: 'won' as const };
    expect(factsWithOutcome(seenByWorker, { result: 'won', at: '2026-02-01T00:00:00.000Z', amount: null })).toMatchObject({ outcomeAt: '2026-02-01T00:00:00.000Z', amount: null });
  });

  it('drops the old time when the verdict itself changes', () => {
    const won = { ...open, outcome: 'won' as const, outcomeAt: '2026-02-01T00:00:00.000Z', amount: 48000 };
    expect(factsWithOutcome(won, { result: 'lost', at: null, amount: null })).toEqual({ ...won, outcome: 'lost', outcomeAt: null });
  });
});
