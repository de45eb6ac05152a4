import type { SeededRandom } from './seeded-random';
import { countryCallingCodes, usAreaCodes } from './seed-vocabulary';

/**
 * A phone number shaped for the country. US exchanges skip 555, whose 555-01xx block is reserved
 * for fiction — Accord rightly treats those as placeholders, so good seed data must avoid them.
 */
export function seedPhoneNumber(country: string, random: SeededRandom): string {
  if (country === 'United States') {
    let exchange = random.int(201, 989);
    if (exchange === 555) exchange = 556;
    return `+1 ${random.pick(usAreaCodes)}-${exchange}-${String(random.int(1000, 9899)).padStart(4, '0')}`;
  }
  const code = countryCallingCodes[country] ?? '+44';
  return `${code} ${random.int(10, 99)} ${random.int(100, 999)} ${random.int(1000, 9999)}`;
}
