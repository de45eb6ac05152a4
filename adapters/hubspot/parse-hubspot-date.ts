const epochMillis = /^-?\d+$/;

/** A HubSpot date value as ISO time: properties come back as ISO 8601, older APIs and webhooks use epoch ms strings. */
export function parseHubspotDate(value: string | null): string | null {
  if (value === null) return null;
  const trimmed = value.trim();
  if (trimmed === '') return null;
  const ms = epochMillis.test(trimmed) ? Number(trimmed) : Date.parse(trimmed);
  if (!Number.isFinite(ms)) return null;
  const date = new Date(ms);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}
