import { defaultDefinition } from '../../../src/core/default-definition';
import { definitionSchema, type Definition, type DefinitionInput } from '../../../src/core/definition';
import type { Lead } from '../../../src/core/lead';
import { makeLead, signal } from '../make-lead';

export const hourMs = 3_600_000;
export const dayMs = 24 * hourMs;

/** The default definition with some settings changed, parsed as a stored definition would be. */
export function definitionWith(changes: Partial<DefinitionInput>): Definition {
  return definitionSchema.parse({ ...defaultDefinition, ...changes });
}

/** The default definition with its SLA settings changed. */
export function definitionWithSla(sla: Partial<DefinitionInput['sla']>, changes: Partial<DefinitionInput> = {}): Definition {
  return definitionWith({ ...changes, sla: { ...defaultDefinition.sla, ...sla } });
}

/** Sales-ready on score (85) with a standard SLA: fit 65 plus a demo request; in territory East. */
export function salesReadyLead(overrides: Partial<Lead> = {}): Lead {
  return makeLead({
    title: 'VP Sales',
    employees: 120,
    phone: '+1 415 867 5309',
    country: 'Germany',
    activity: [signal('demo_request', 1)],
    ...overrides,
  });
}
