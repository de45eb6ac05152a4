import type { ClosedDeal } from '../core/crm-adapter';
import type { LeadFacts } from '../store/store';

/**
 * A record's facts once the CRM reported how its deal ended, or null when they would not change (so a
 * sync that finds nothing new writes nothing). Mirrors what the store keeps: an amount or a time the
 * CRM no longer shows stays as stored, unless the verdict itself changed, which makes the old time wrong.
 */
export function factsWithOutcome(facts: LeadFacts, deal: ClosedDeal): LeadFacts | null {
  const sameResult = facts.outcome === deal.result;
  const outcomeAt = deal.at ?? (sameResult ? facts.outcomeAt : null);
  const amount = deal.amount ?? facts.amount;
  if (sameResult && outcomeAt === facts.outcomeAt && amount === facts.amount) return null;
  return { ...facts, outcome: deal.result, outcomeAt, amount };
}
