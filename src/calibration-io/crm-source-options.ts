import type { OutcomeRules } from '../core/crm-adapter';
import { InputError } from './input-error';

/** The `parseArgs` options of the CRM outcome source (`--tenant crm:id` without `--csv`). */
export const crmSourceOptions = {
  'won-stages': { type: 'string' },
  'lost-statuses': { type: 'string' },
} as const;

export interface CrmSourceValues {
  'won-stages'?: string;
  'lost-statuses'?: string;
}

/** `--won-stages a,b` and `--lost-statuses x,y` (HubSpot lifecycle stages and lead statuses). */
export function outcomeRulesFrom(values: CrmSourceValues): OutcomeRules {
  const list = (text: string | undefined, flag: string) => {
    if (text === undefined) return undefined;
    const items = text.split(',').map((s) => s.trim()).filter((s) => s !== '');
    if (items.length === 0) throw new InputError(`${flag} needs at least one value, comma-separated`);
    return items;
  };
  const wonStages = list(values['won-stages'], '--won-stages');
  const lostStatuses = list(values['lost-statuses'], '--lost-statuses');
  return { ...(wonStages ? { wonStages } : {}), ...(lostStatuses ? { lostStatuses } : {}) };
}

/** The CSV mapping flags mean nothing for CRM records. */
export function refuseCsvFlags(values: Record<string, unknown>): void {
  for (const flag of ['label', 'map', 'mapping', 'order', 'id']) {
    if (values[flag] !== undefined) throw new InputError(`--${flag} only applies with --csv; CRM records come with their own fields and outcomes`);
  }
}
