import type { AccordFields } from '../../src/core/lead';

/**
 * Accord's fields as Lead field values for a REST write. Only the given fields are included; null
 * clears a field. Throws when slaDueAt is not a date, so the caller can fail that one record.
 */
export function accordFieldsToSalesforceFields(fields: Partial<AccordFields>): Record<string, string | number | null> {
  const values: Record<string, string | number | null> = {};
  if (fields.score !== undefined) values.Accord_Score__c = fields.score;
  if (fields.stage !== undefined) values.Accord_Stage__c = fields.stage;
  if (fields.why !== undefined) values.Accord_Why__c = fields.why;
  if (fields.definitionVersion !== undefined) values.Accord_Definition_Version__c = fields.definitionVersion;
  if (fields.slaDueAt !== undefined) values.Accord_SLA_Due__c = fields.slaDueAt === null ? null : isoOf(fields.slaDueAt);
  if (fields.slaState !== undefined) values.Accord_SLA_State__c = fields.slaState;
  // Every lead has an owner in Salesforce: Accord only ever hands a lead to someone, never clears it.
  if (fields.ownerId !== undefined && fields.ownerId !== null) values.OwnerId = fields.ownerId;
  return values;
}

function isoOf(value: string): string {
  const ms = Date.parse(value);
  if (!Number.isFinite(ms)) throw new RangeError(`slaDueAt is not a date: ${JSON.stringify(value)}`);
  return new Date(ms).toISOString();
}
