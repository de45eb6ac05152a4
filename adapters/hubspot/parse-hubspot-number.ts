/** A HubSpot number property value; thousands separators tolerated because imports sometimes keep them. */
export function parseHubspotNumber(value: string | null): number | null {
  if (value === null) return null;
  const cleaned = value.replace(/[,\s]/g, '');
  if (cleaned === '') return null;
  const number = Number(cleaned);
  return Number.isFinite(number) ? number : null;
}
