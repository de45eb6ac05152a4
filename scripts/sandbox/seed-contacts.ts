import { companyDomain } from './company-domain';
import { employeeRange } from './employee-range';
import { shuffledProfiles, type ContactProfile } from './seed-contact-profiles';
import { seedIntentSignals } from './seed-intent-signals';
import type { SeedOwner } from './seed-owners';
import { seedPhoneNumber } from './seed-phone-number';
import { SeededRandom } from './seeded-random';
import * as words from './seed-vocabulary';

export type { ContactProfile } from './seed-contact-profiles';

export interface AccountRow {
  account: string;
  sector: string;
  year_established: string;
  revenue: string;
  employees: string;
  office_location: string;
  subsidiary_of: string;
}

export type BadDataKind = 'invalid_email' | 'bad_phone' | 'missing_fields';

export interface SeedContact {
  profile: ContactProfile;
  badData?: BadDataKind;
  /** The accounts.csv row the person works at; null for students at a university and competitors. */
  account: string | null;
  createdAt: number;
  updatedAt: number;
  /** HubSpot property values, all strings, including `createdate`. */
  properties: Record<string, string>;
}

export interface SeedContactOptions {
  count: number;
  now: number;
  seed?: number;
}

const dayMs = 24 * 60 * 60 * 1000;
const defaultSeed = 0xacc0d;
const badDataKinds: readonly BadDataKind[] = ['invalid_email', 'bad_phone', 'missing_fields'];

function slug(name: string): string {
  return name.toLowerCase().replace(/[^a-z]/g, '');
}

/** Hands out emails that are unique across the seed, as HubSpot requires (`jane.doe2@…` on a clash). */
function emailRegistry() {
  const used = new Set<string>();
  return {
    take(local: string, domain: string, separator = '@'): string {
      let email = `${local}${separator}${domain}`;
      for (let n = 2; used.has(email); n++) email = `${local}${n}${separator}${domain}`;
      used.add(email);
      return email;
    },
    release(email: string | undefined): void {
      if (email) used.delete(email);
    },
  };
}

function firmographics(account: AccountRow, random: SeededRandom): Record<string, string> {
  const country = words.countrySpellings[account.office_location] ?? account.office_location;
  return {
    company: account.account,
    industry: words.sectorIndustries[account.sector] ?? account.sector,
    numemployees: employeeRange(Number(account.employees)),
    annualrevenue: String(Math.round(Number(account.revenue) * 1_000_000)),
    country,
    ...(country === 'United States' ? { state: random.weighted(words.usStateWeights) } : {}),
  };
}

/**
 * Contacts at the data set's accounts, deterministic for a given seed and `now`: firmographics from
 * accounts.csv, a realistic title mix, intent from the last 60 days, and the usual junk (free-mail,
 * students, competitors, bad data) in fixed proportions.
 */
export function buildSeedContacts(accounts: readonly AccountRow[], owners: readonly SeedOwner[], options: SeedContactOptions): SeedContact[] {
  if (accounts.length === 0) throw new Error('no accounts to seed contacts at');
  const random = new SeededRandom(options.seed ?? defaultSeed);
  const agents = owners.filter((o) => o.role === 'agent');
  const emails = emailRegistry();
  let badDataCount = 0;

  return shuffledProfiles(options.count, random).map((profile): SeedContact => {
    const firstName = random.pick(words.firstNames);
    const lastName = random.pick(words.lastNames);
    const local = `${slug(firstName)}.${slug(lastName)}`;
    const account = random.pick(accounts);
    const domain = companyDomain(account.account);
    let accountName: string | null = account.account;
    let properties: Record<string, string> = { firstname: firstName, lastname: lastName };

    if (profile === 'business' || profile === 'bad_data') {
      properties = { ...properties, ...firmographics(account, random) };
      properties.email = emails.take(local, domain);
      properties.jobtitle = random.weighted(words.businessTitles);
      properties.website = `https://www.${domain}`;
      properties.phone = seedPhoneNumber(properties.country ?? '', random);
      if (random.chance(0.3)) properties.mobilephone = seedPhoneNumber(properties.country ?? '', random);
    } else if (profile === 'free_mail') {
      properties = { ...properties, ...firmographics(account, random) };
      properties.email = emails.take(local, random.pick(words.freeMailDomains));
      properties.jobtitle = random.weighted(words.freeMailTitles);
      properties.phone = seedPhoneNumber(properties.country ?? '', random);
    } else if (profile === 'student') {
      const school = random.pick(words.universities);
      const intern = random.chance(0.5);
      if (intern) properties = { ...properties, ...firmographics(account, random) };
      else {
        accountName = null;
        properties = { ...properties, company: school.name, country: 'United States', state: random.weighted(words.usStateWeights) };
      }
      properties.email = emails.take(local, school.domain);
      properties.jobtitle = intern ? random.pick(words.internTitles) : random.pick(words.studentTitles);
    } else {
      const rival = random.pick(words.competitors);
      accountName = null;
      properties = { ...properties, company: rival.name, industry: 'Technology', country: 'United States', state: random.weighted(words.usStateWeights) };
      properties.email = emails.take(local, rival.domain);
      properties.jobtitle = random.pick(words.competitorTitles);
      properties.website = `https://www.${rival.domain}`;
    }

    const badData = profile === 'bad_data' ? badDataKinds[badDataCount++ % badDataKinds.length] : undefined;
    if (badData === 'invalid_email') {
      emails.release(properties.email);
      const shape = random.int(0, 2);
      // No top-level domain, no @, or a space in the local part.
      properties.email =
        shape === 0
          ? emails.take(local, domain.replace(/\.[a-z]+$/, ''))
          : shape === 1
            ? emails.take(local, domain, '.')
            : emails.take(`${slug(firstName)} ${slug(lastName)}`, domain);
    }
    if (badData === 'bad_phone') properties.phone = random.pick(['0000000000', '123-456-7890']);
    if (badData === 'missing_fields') {
      delete properties.jobtitle;
      delete properties.company;
    }

    const createdAt = Math.floor((options.now - random.float() * 120 * dayMs) / 1000) * 1000;
    const intent = seedIntentSignals(random, createdAt, options.now);
    properties = { ...properties, ...intent.properties };
    properties.hs_lead_status = random.weighted(words.leadStatusWeights);
    properties.lifecyclestage = random.weighted(words.lifecycleWeights);
    if (agents.length > 0 && random.chance(0.25)) properties.hubspot_owner_id = random.pick(agents).id;
    if (random.chance(0.03)) properties.hs_email_optout = 'true';
    properties.createdate = new Date(createdAt).toISOString();

    return { profile, ...(badData ? { badData } : {}), account: accountName, createdAt, updatedAt: intent.lastActivityAt, properties };
  });
}
