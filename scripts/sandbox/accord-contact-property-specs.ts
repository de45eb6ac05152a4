import type { PropertyGroup, PropertySpec } from './hubspot-property-definition';
import { propertyOptions } from './property-options';
import { rejectionReasons } from '../../src/core/rejection-reasons';
import { stages } from '../../src/core/stage';

// Kept here rather than imported from the adapter: the sandbox stands in for a portal where
// Accord's install already ran, and must not change when the adapter's install code does.

export const accordPropertyGroup: Omit<PropertyGroup, 'archived'> = { name: 'accord', label: 'Accord', displayOrder: 10 };

// The values are the domain's own lists; the property shapes stay the sandbox's (see above).
export const accordStages = stages;
export const accordRejectionReasons = rejectionReasons;

const inAccordGroup = { groupName: accordPropertyGroup.name, hubspotDefined: false } as const;

/** The contact properties Accord's install creates, for tests that start from an installed portal. */
export const accordContactPropertySpecs: readonly PropertySpec[] = [
  { ...inAccordGroup, name: 'accord_score', label: 'Accord score', type: 'number', fieldType: 'number' },
  {
    ...inAccordGroup,
    name: 'accord_stage',
    label: 'Accord stage',
    type: 'enumeration',
    fieldType: 'select',
    options: propertyOptions(accordStages, {
      disqualified: 'Disqualified',
      nurture: 'Nurture',
      mql: 'Marketing qualified',
      sales_ready: 'Sales ready',
      sql: 'Sales accepted',
    }),
  },
  { ...inAccordGroup, name: 'accord_why', label: 'Accord why', type: 'string', fieldType: 'textarea' },
  { ...inAccordGroup, name: 'accord_definition_version', label: 'Accord definition version', type: 'number', fieldType: 'number' },
  { ...inAccordGroup, name: 'accord_sla_due_at', label: 'Accord SLA due at', type: 'datetime', fieldType: 'date' },
  {
    ...inAccordGroup,
    name: 'accord_sla_state',
    label: 'Accord SLA state',
    type: 'enumeration',
    fieldType: 'select',
    options: propertyOptions(['on_track', 'due_soon', 'breached'], { on_track: 'On track', due_soon: 'Due soon', breached: 'Breached' }),
  },
  {
    ...inAccordGroup,
    name: 'accord_rejection_reason',
    label: 'Accord rejection reason',
    type: 'enumeration',
    fieldType: 'select',
    options: propertyOptions(accordRejectionReasons, {
      wrong_industry: 'Wrong industry',
      no_budget: 'No budget',
      poor_timing: 'Poor timing',
      student: 'Student',
      competitor: 'Competitor',
      bad_contact_data: 'Bad contact data',
      not_decision_maker: 'Not a decision maker',
      unserved_market: 'Unserved market',
      duplicate: 'Duplicate',
      other: 'Other',
    }),
  },
  { ...inAccordGroup, name: 'accord_rejection_note', label: 'Accord rejection note', type: 'string', fieldType: 'textarea' },
];
