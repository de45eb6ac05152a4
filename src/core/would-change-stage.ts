import { chooseStage } from './choose-stage';
import { compileDefinition } from './compile-definition';
import type { Decision } from './decision';
import type { Definition } from './definition';
import { detectAcceptance } from './detect-acceptance';
import type { Lead } from './lead';
import { missingRequiredFields } from './missing-required-fields';
import { scoreLead } from './score-lead';

/**
 * Whether re-scoring the lead at `now` would move it to another stage than `previous` has, as
 * intent decays: the daily decay job re-scores (and writes to the CRM) only those. It scores and
 * stages without routing or writing the why (the stage does not depend on owners), so it is cheap
 * to run over every open lead.
 */
export function wouldChangeStage(previous: Decision, lead: Lead, definition: Definition, now: Date): boolean {
  const sheet = scoreLead(lead, definition, compileDefinition(definition), now);
  const missingFields = missingRequiredFields(lead, definition.requiredFields);
  const accepted = previous.stage === 'sql' || detectAcceptance(previous, lead, definition, now) !== null;
  return chooseStage({ lead, definition, sheet, missingFields, accepted }).stage !== previous.stage;
}
