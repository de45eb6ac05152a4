import type { SalesforceFieldType } from './salesforce-lead-fields';
import { toSalesforceId18 } from './salesforce-id';
import { salesforceBoolean, salesforceDatetime, salesforceNumber, salesforceText } from './salesforce-value';

/**
 * One field's value in a single canonical text form, whichever API it came from: what `Lead.raw`
 * holds and what the input digest is computed over. Ids take their 18-character form.
 */
export function salesforceFieldText(type: SalesforceFieldType, value: unknown): string | null {
  switch (type) {
    case 'number': {
      const number = salesforceNumber(value);
      return number === null ? null : String(number);
    }
    case 'boolean':
      return salesforceText(value) === null ? null : String(salesforceBoolean(value));
    case 'datetime':
      return salesforceDatetime(value);
    case 'id': {
      const text = salesforceText(value);
      return text === null ? null : (toSalesforceId18(text) ?? text);
    }
    case 'text':
      return salesforceText(value);
  }
}
