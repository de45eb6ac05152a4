import type { Feature } from '../../../src/core/calibration/feature';
import { unionOfBands } from '../../../src/core/calibration/union-of-bands';
import { defaultDefinition } from '../../../src/core/default-definition';
import { evaluatePredicate } from '../../../src/core/evaluate-predicate';
import { predicateListsOf } from '../../../src/core/predicate-lists';
import { makeLead } from '../make-lead';

// Values most common first, as categoryFeature orders them.
const sources = ['Google', 'Direct Traffic', 'Olark Chat', 'Organic Search', 'Reference', 'Welingak Website'];
const feature: Feature = {
  field: 'raw.Lead Source',
  name: 'Lead Source',
  kind: 'category',
  bands: [...sources.map((value) => ({ type: 'value' as const, value })), { type: 'other' }, { type: 'missing' }],
};
const band = (value: string) => feature.bands.find((b) => b.type === 'value' && b.value === value) as Feature['bands'][number];
const other = feature.bands[sources.length] as Feature['bands'][number];
const holds = (when: ReturnType<typeof unionOfBands>['when'], value: string | null) =>
  evaluatePredicate(when, makeLead({ raw: { 'Lead Source': value } }), predicateListsOf(defaultDefinition));

describe('unionOfBands labels', () => {
  it('lists up to three values, most common first', () => {
    expect(unionOfBands(feature, [band('Reference'), band('Google')]).words).toBe('Lead Source: Google or Reference');
  });

  it('names the two most common values and counts the rest beyond three, without changing what matches', () => {
    const chosen = [band('Welingak Website'), band('Reference'), band('Organic Search'), band('Direct Traffic'), other];
    const { when, words } = unionOfBands(feature, chosen);
    expect(words).toBe('Lead Source: anything but Google or Olark Chat');
    const many = unionOfBands(feature, [band('Welingak Website'), band('Reference'), band('Organic Search'), band('Direct Traffic')]);
    expect(many.words).toBe('Lead Source: Direct Traffic, Organic Search or 2 more');
    expect(holds(many.when, 'Welingak Website')).toBe(true);
    expect(holds(many.when, 'Google')).toBe(false);
    expect(holds(when, 'Some New Source')).toBe(true);
    expect(holds(when, 'Olark Chat')).toBe(false);
  });
});
