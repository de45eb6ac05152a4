/**
 * The bare, lower-case host of a company website as CRMs hold it, for matching against email
 * domains: "https://www.Acme.com/about" → "acme.com". Null for text that has no host.
 */
export function websiteDomain(website: string | null | undefined): string | null {
  const text = website?.trim().toLowerCase() ?? '';
  if (text === '') return null;
  const host = text.replace(/^[a-z][a-z0-9+.-]*:\/\//, '').split(/[/?#:]/)[0]?.replace(/^www\d*\./, '').replace(/\.$/, '') ?? '';
  return host.includes('.') ? host : null;
}
