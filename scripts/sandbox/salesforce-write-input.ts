import type { Request } from 'express';
import type { SalesforceRouteContext } from './salesforce-route-context';

/**
 * The values a REST write stores: what the client sent, plus the owner the org's active assignment
 * rule picks — Salesforce runs that rule on API writes unless the request says `Sforce-Auto-Assign: FALSE`.
 */
export function withAssignmentRule(req: Request, ctx: SalesforceRouteContext, input: Record<string, unknown>): Record<string, unknown> {
  const header = (req.get('sforce-auto-assign') ?? 'TRUE').trim().toUpperCase();
  if (header === 'FALSE' || ctx.assignmentRuleOwnerId === null) return input;
  return { ...input, OwnerId: ctx.assignmentRuleOwnerId };
}
