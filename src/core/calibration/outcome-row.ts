import type { Lead } from '../lead';

/**
 * One lead whose outcome is known: what it looked like, whether it converted, and when it came in
 * (`at` orders rows in time: an ISO time, or any sortable key such as a lead number).
 */
export interface OutcomeRow {
  lead: Lead;
  converted: boolean;
  at: string;
}

/**
 * Where outcomes come from: a CSV today; HubSpot contacts by lifecycle stage or Salesforce
 * converted leads later. Anything that yields rows plugs in.
 */
export type OutcomeSource = Iterable<OutcomeRow>;
