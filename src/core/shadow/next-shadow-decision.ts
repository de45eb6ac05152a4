import type { Decision } from '../decision';
import type { Definition } from '../definition';
import { isOwnCall, shadowCallOf } from './shadow-call-of';
import type { ShadowDecision } from './shadow-run';

export interface ShadowPass {
  prior: ShadowDecision | null;
  live: { decision: Decision; definition: Definition };
  candidate: { decision: Decision; definition: Definition };
  now: Date;
}

/**
 * The row to keep for a record after a worker pass, or null to keep what is stored. Each side keeps
 * its last own call: once sales accepted or rejected the lead, re-decisions echo sales, and the calls
 * made before are what the comparison judges. A record first seen after sales had their say is left
 * out: neither definition's call on it can be judged by an outcome that came before it.
 */
export function nextShadowDecision({ prior, live, candidate, now }: ShadowPass): ShadowDecision | null {
  const liveOwn = isOwnCall(live.decision);
  const candidateOwn = isOwnCall(candidate.decision);
  if (prior === null && !(liveOwn && candidateOwn)) return null;
  if (prior !== null && !liveOwn && !candidateOwn) return null;
  const liveCall = { ...shadowCallOf(live.decision, live.definition), definitionVersion: live.decision.definitionVersion };
  return {
    recordId: live.decision.recordId,
    candidate: candidateOwn || prior === null ? shadowCallOf(candidate.decision, candidate.definition) : prior.candidate,
    live: liveOwn || prior === null ? liveCall : prior.live,
    decidedAt: now.toISOString(),
  };
}
