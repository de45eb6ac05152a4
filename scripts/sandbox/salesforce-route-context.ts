import type { RequestHandler } from 'express';
import type { Clock } from './clock';
import type { SalesforceQueryLocators } from './salesforce-query-locators';
import type { SalesforceState } from './salesforce-state';

/** What every Salesforce route module needs: the org, the guard chains, and the org's settings. */
export interface SalesforceRouteContext {
  state: SalesforceState;
  clock: Clock;
  /** endpoint marker → faults → session → daily API allocation */
  guards: RequestHandler[];
  /** endpoint marker → faults → session (calls that do not count against the allocation) */
  sessionGuards: RequestHandler[];
  /** endpoint marker → faults (the OAuth token endpoint takes no session) */
  publicGuards: RequestHandler[];
  /** Records per query page (Salesforce: 2,000 unless the client asks for fewer). */
  queryBatchSize: number;
  locators: SalesforceQueryLocators;
  /** The owner the org's active lead assignment rule gives a lead written without `Sforce-Auto-Assign: FALSE`; null when no rule is active. */
  assignmentRuleOwnerId: string | null;
}

/** `/services/data/v62.0/…`: versions look like v62.0. */
export const apiVersionPattern = /^v\d{2,3}\.0$/;
