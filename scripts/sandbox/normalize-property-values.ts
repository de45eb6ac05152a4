import type { HubspotOwnerDirectory } from './hubspot-owner-directory';
import type { HubspotPropertyCatalog } from './hubspot-property-catalog';
import { normalizePropertyValue } from './normalize-property-value';
import type { PropertyValueError } from './property-value-error';

export interface NormalizedProperties {
  values: Record<string, string>;
  errors: PropertyValueError[];
}

/** Validates a write's `properties` object against the portal's schema, collecting every error like HubSpot. */
export function normalizePropertyValues(
  input: Record<string, unknown>,
  catalog: HubspotPropertyCatalog,
  owners: HubspotOwnerDirectory,
): NormalizedProperties {
  const values: Record<string, string> = {};
  const errors: PropertyValueError[] = [];
  for (const [name, raw] of Object.entries(input)) {
    const property = catalog.find(name);
    if (!property) {
      errors.push({ name, error: 'PROPERTY_DOESNT_EXIST', message: `Property "${name}" does not exist` });
      continue;
    }
    if (property.readOnlyValue) {
      errors.push({ name, error: 'READ_ONLY_VALUE', message: `"${name}" is a read only property; its value cannot be set.` });
      continue;
    }
    const normalized = normalizePropertyValue(property, raw);
    if (!normalized.ok) {
      errors.push({ name, error: normalized.error, message: normalized.message });
      continue;
    }
    if (property.referencedObjectType === 'OWNER' && normalized.value !== '' && !owners.isAssignable(normalized.value)) {
      errors.push({ name, error: 'INVALID_OWNER_ID', message: `${normalized.value} is not a valid owner id` });
      continue;
    }
    // HubSpot keeps emails lower-case, which is also what makes them unique regardless of case.
    values[name] = name === 'email' ? normalized.value.toLowerCase() : normalized.value;
  }
  return { values, errors };
}
