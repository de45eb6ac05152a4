import { rejectionReasonLabels, rejectionReasons } from '../../src/core/rejection-reasons';
import { slaStateLabels, slaStates } from '../../src/core/sla-state';
import { stageLabels, stages } from '../../src/core/stage';

/** One HubSpot contact property Accord creates on install (HubSpot's property-create shape, without SDK types). */
export interface AccordPropertyDefinition {
  name: string;
  label: string;
  description: string;
  type: 'string' | 'number' | 'datetime' | 'enumeration';
  fieldType: 'text' | 'textarea' | 'number' | 'date' | 'select';
  groupName: typeof accordPropertyGroup.name;
  options?: Array<{ label: string; value: string; displayOrder: number; hidden: boolean }>;
}

export const accordPropertyGroup = { name: 'accord', label: 'Accord' } as const;

function optionsOf(values: readonly string[], labels: Record<string, string>): AccordPropertyDefinition['options'] {
  // HubSpot requires `hidden` on every enumeration option.
  return values.map((value, displayOrder) => ({ label: labels[value] ?? value, value, displayOrder, hidden: false }));
}

export const accordContactProperties: readonly AccordPropertyDefinition[] = [
  {
    name: 'accord_score',
    label: 'Accord score',
    description: 'Lead score from 0 to 100 under the published qualification definition.',
    type: 'number',
    fieldType: 'number',
    groupName: 'accord',
  },
  {
    name: 'accord_stage',
    label: 'Accord stage',
    description: 'Where the lead stands under the shared definition.',
    type: 'enumeration',
    fieldType: 'select',
    groupName: 'accord',
    options: optionsOf(stages, stageLabels),
  },
  {
    name: 'accord_why',
    label: 'Accord why',
    description: 'Why the lead got its score and stage: criteria met and missed.',
    type: 'string',
    fieldType: 'textarea',
    groupName: 'accord',
  },
  {
    name: 'accord_definition_version',
    label: 'Accord definition version',
    description: 'Version of the qualification definition that decided the score.',
    type: 'number',
    fieldType: 'number',
    groupName: 'accord',
  },
  {
    name: 'accord_sla_due_at',
    label: 'Accord SLA due at',
    description: 'When the owner is due to follow up.',
    type: 'datetime',
    fieldType: 'date',
    groupName: 'accord',
  },
  {
    name: 'accord_sla_state',
    label: 'Accord SLA state',
    description: 'Where the response clock stands while the lead waits for sales.',
    type: 'enumeration',
    fieldType: 'select',
    groupName: 'accord',
    options: optionsOf(slaStates, slaStateLabels),
  },
  {
    name: 'accord_rejection_reason',
    label: 'Accord rejection reason',
    description: 'Set by sales to send the lead back to marketing, with the reason.',
    type: 'enumeration',
    fieldType: 'select',
    groupName: 'accord',
    options: optionsOf(rejectionReasons, rejectionReasonLabels),
  },
  {
    name: 'accord_rejection_note',
    label: 'Accord rejection note',
    description: 'Optional detail on the rejection.',
    type: 'string',
    fieldType: 'textarea',
    groupName: 'accord',
  },
];
