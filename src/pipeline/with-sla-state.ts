import type { Decision } from '../core/decision';
import type { Definition } from '../core/definition';
import { slaState } from '../core/sla-state';

/** The decision carrying where its response clock stands at `now`, so the record shows it too. */
export function withSlaState(decision: Decision, definition: Definition, now: Date): Decision {
  return { ...decision, slaState: slaState(decision, now, definition.sla.dueSoonFraction) };
}
