/** A plausible web domain for a company name: `Gekko & Co` → `gekko-co.com`. */
export function companyDomain(company: string, tld = 'com'): string {
  const slug = company
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return `${slug}.${tld}`;
}
