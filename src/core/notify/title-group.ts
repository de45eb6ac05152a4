/**
 * A job title reduced to its level, so "VP Sales" and "Vice President, Marketing" count together
 * when the digest asks what converted leads had in common.
 */
export function titleGroup(title: string | null): string {
  const t = ` ${(title ?? '').toLowerCase().replace(/[^a-z0-9-]+/g, ' ')} `;
  if (t.trim() === '') return 'Unknown';
  if (/ (vp|svp|evp|avp|vice president) /.test(t)) return 'VP';
  if (/ (ceo|cto|cfo|coo|cio|cmo|cro|cso|cpo|cdo|chief) /.test(t)) return 'C-level';
  if (/ (founder|co-founder|cofounder|owner|proprietor|president|partner) /.test(t)) return 'Founder / owner';
  if (/ director /.test(t)) return 'Director';
  if (/ head /.test(t)) return 'Head of';
  if (/ manager /.test(t)) return 'Manager';
  return 'Other';
}
