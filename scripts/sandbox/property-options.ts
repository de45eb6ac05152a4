import type { PropertyOption } from './hubspot-property-definition';

/** Enumeration options in the order given; HubSpot requires `hidden` on each. */
export function propertyOptions(values: readonly string[], labels: Record<string, string> = {}): PropertyOption[] {
  return values.map((value, displayOrder) => ({ label: labels[value] ?? value, value, displayOrder, hidden: false }));
}
