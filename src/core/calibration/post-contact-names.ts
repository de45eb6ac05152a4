/**
 * Fields people fill in after talking to a lead, so they reveal the outcome instead of predicting
 * it: sales tags and dispositions, lead quality or rating, the profile sales writes, the CRM's own
 * "last notable activity", statuses, owners, rejection and won/lost fields, conversion, and the
 * CRM's record-keeping stamps of the last sales touch or edit (HubSpot `notes_last_contacted`,
 * `hs_last_sales_activity_timestamp`; Salesforce `LastModifiedDate`, `SystemModstamp`).
 */
const postContactLeadFields: ReadonlySet<string> = new Set(['status', 'ownerId', 'rejectionReason', 'rejectionNote']);

const postContactWords: readonly RegExp[] = [
  /\btags?\b/,
  /\blead (quality|profile|rating|grade|status)\b/,
  /\brating\b/,
  /\bnotable activit/,
  /\bdisposition\b/,
  /\breject/,
  /\bdisqualif/,
  /\blifecycle ?stage\b/,
  /\b(closed|won|lost)\b/,
  /\bowner\b/,
  /\bsales (notes?|stage|status|activity)\b/,
  /\bstatus\b/,
  /\b(is )?converted\b/,
  /\blast (contacted|modified)\b/,
  /\bmodstamp\b/,
  /\baccord\b/,
];

/** True when a field is known, by its name, to be filled in after contact. */
export function isPostContactField(field: string, name: string): boolean {
  if (postContactLeadFields.has(field)) return true;
  const words = name
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ');
  return postContactWords.some((pattern) => pattern.test(words));
}
