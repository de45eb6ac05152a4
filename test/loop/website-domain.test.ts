import { websiteDomain } from '../../src/core/website-domain';

describe('websiteDomain', () => {
  it.each([
    ['https://www.acme.com/', 'acme.com'],
    ['http://WWW.Acme.com/about?x=1', 'acme.com'],
    ['acme.com', 'acme.com'],
    ['www2.acme.co.uk:8080', 'acme.co.uk'],
    ['eu.acme.com', 'eu.acme.com'],
    ['  https://acme.com.  ', 'acme.com'],
  ])('%s → %s', (website, domain) => {
    expect(websiteDomain(website)).toBe(domain);
  });

  it.each([[null], [''], ['   '], ['localhost'], ['https://']])('%p has no domain', (website) => {
    expect(websiteDomain(website)).toBeNull();
  });
});
