/** An Opportunity as lead conversion creates it: just what says how it ended. */
export interface SalesforceOpportunity {
  Id: string;
  Name: string;
  StageName: string;
  IsClosed: boolean;
  IsWon: boolean;
  CloseDate: string;
  Amount: number | null;
  /** When it last changed (ISO): closing it does not touch the lead it was converted from. */
  LastModifiedDate: string;
  SystemModstamp: string;
}

export type OpportunityOutcome = 'open' | 'won' | 'lost';

/** A new org's standard stages for each way an opportunity can stand. */
export const opportunityStages: Readonly<Record<OpportunityOutcome, { StageName: string; IsClosed: boolean; IsWon: boolean }>> = {
  open: { StageName: 'Prospecting', IsClosed: false, IsWon: false },
  won: { StageName: 'Closed Won', IsClosed: true, IsWon: true },
  lost: { StageName: 'Closed Lost', IsClosed: true, IsWon: false },
};
