import { sigmoid } from '../../../src/core/calibration/fit-logistic-regression';
import type { OutcomeRow } from '../../../src/core/calibration/outcome-row';
import { seededRandom } from '../../../src/core/calibration/seeded-random';
import { makeLead } from '../make-lead';

/**
 * Leads whose outcome follows known log-odds: Source A helps, B hurts, Visits help in steps,
 * Colour is noise. `leak` copies the outcome into a field, as a sales-filled field would.
 */
export function syntheticOutcomes(count: number, seed = 11, options: { leak?: boolean } = {}): OutcomeRow[] {
  const random = seededRandom(seed);
  const sources = ['A', 'B', 'C', 'C', 'C', 'Rare1', 'Rare2'];
  return Array.from({ length: count }, (_, i) => {
    const source = sources[Math.floor(random() * sources.length)] as string;
    const visits = Math.floor(random() * 20);
    const z = -0.5 + (source === 'A' ? 1.5 : source === 'B' ? -1.5 : 0) + (visits >= 10 ? 1 : 0) + (visits >= 15 ? 1 : 0);
    const converted = random() < sigmoid(z);
    const raw: Record<string, string | null> = {
      Source: source,
      Visits: random() < 0.05 ? null : String(visits),
      Colour: ['red', 'green', 'blue'][Math.floor(random() * 3)] as string,
    };
    if (options.leak) raw['Outcome Copy'] = converted ? (random() < 0.97 ? 'won' : 'lost') : 'lost';
    return { lead: makeLead({ recordId: String(i + 1), title: null, employees: null, raw }), converted, at: String(1000 + i) };
  });
}

export const syntheticCandidates = ['Source', 'Visits', 'Colour', 'Outcome Copy'].map((name) => ({ field: `raw.${name}`, name }));
