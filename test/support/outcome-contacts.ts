import { seededRandom } from '../../src/core/calibration/seeded-random';
import type { Sandbox } from '../../scripts/sandbox/start-sandbox';

const titles = ['VP of Sales', 'Director of Marketing', 'Head of Operations', 'Engineer', 'Student', 'Analyst', 'Founder', 'Consultant'];
const sizes = ['1-5', '5-25', '25-50', '50-100', '100-500', '500-1000', '1000+'];
const sources = ['ORGANIC_SEARCH', 'PAID_SEARCH', 'EMAIL_MARKETING', 'REFERRALS', 'DIRECT_TRAFFIC'];
const start = Date.parse('2025-01-01T00:00:00.000Z');

/**
 * `count` HubSpot contacts whose outcome the CRM already records, created an hour apart: referrals
 * and email leads win far more often, buyer titles at mid-size companies with page views somewhat
 * more (sales-qualified, opportunity or customer); the rest end unqualified, bad timing or rejected.
 * A tenth are still open.
 * Created straight in the sandbox's store (existing data: no webhooks), as an import would.
 */
export function addOutcomeContacts(sandbox: Sandbox, count: number, seed = 7): void {
  const next = seededRandom(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)] as T;
  const inputs = Array.from({ length: count }, (_, i) => {
    const title = pick(titles);
    const size = pick(sizes);
    const views = Math.floor(next() * 30);
    const source = pick(sources);
    const buyer = /VP|Director|Head|Founder/.test(title);
    const midSize = ['50-100', '100-500', '500-1000'].includes(size);
    // The source matters most, and the default definition does not read it: learning has something to find.
    const chance = 0.05 + (source === 'REFERRALS' || source === 'EMAIL_MARKETING' ? 0.45 : 0) + (buyer ? 0.2 : 0) + (midSize ? 0.15 : 0) + (views >= 10 ? 0.1 : 0);
    const roll = next();
    const open = roll < 0.1;
    const won = !open && next() < chance;
    const properties: Record<string, string> = {
      email: `person${seed}-${i}@company${i % 97}.example`,
      jobtitle: title,
      numemployees: size,
      hs_analytics_source: source,
      hs_analytics_num_page_views: String(views),
      country: pick(['United States', 'Germany', 'United Kingdom', 'France']),
      createdate: new Date(start + i * 3600 * 1000).toISOString(),
    };
    if (open) Object.assign(properties, { lifecyclestage: 'lead', hs_lead_status: 'NEW' });
    else if (won) properties.lifecyclestage = pick(['salesqualifiedlead', 'opportunity', 'customer']);
    else if (next() < 0.2) Object.assign(properties, { lifecyclestage: 'marketingqualifiedlead', accord_rejection_reason: 'no_budget' });
    else Object.assign(properties, { lifecyclestage: 'lead', hs_lead_status: pick(['UNQUALIFIED', 'BAD_TIMING']) });
    return properties;
  });
  sandbox.state.hubspot.contacts.createMany(inputs, { changeSource: 'IMPORT', sourceId: '1' }, { silent: true });
}
