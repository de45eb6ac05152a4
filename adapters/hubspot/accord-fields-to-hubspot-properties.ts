import type { AccordFields } from '../../src/core/lead';

/**
 * Accord's fields as HubSpot contact property values. Only the given fields are included;
 * null becomes "", which is how HubSpot clears a property.
 * Throws when slaDueAt is not a date, so the caller can fail that one record.
 */
export function accordFieldsToHubspotProperties(fields: Partial<AccordFields>): Record<string, string> {
  const properties: Record<string, string> = {};
  if (fields.score !== undefined) properties.accord_score = fields.score === null ? '' : String(fields.score);
  if (fields.stage !== undefined) properties.accord_stage = fields.stage ?? '';
  if (fields.why !== undefined) properties.accord_why = fields.why ?? '';
  if (fields.definitionVersion !== undefined) {
    properties.accord_definition_version = fields.definitionVersion === null ? '' : String(fields.definitionVersion);
  }
  if (fields.slaDueAt !== undefined) properties.accord_sla_due_at = fields.slaDueAt === null ? '' : epochMillisOf(fields.slaDueAt);
  if (fields.ownerId !== undefined) properties.hubspot_owner_id = fields.ownerId ?? '';
  if (fields.slaState !== undefined) properties.accord_sla_state = fields.slaState ?? '';
  return properties;
}

// Datetime properties accept ISO 8601 or epoch ms; epoch ms is the one form HubSpot never reinterprets by time zone.
function epochMillisOf(iso: string): string {
  const ms = Date.parse(iso);
  if (!Number.isFinite(ms)) throw new RangeError(`slaDueAt is not a date: ${JSON.stringify(iso)}`);
  return String(ms);
}
