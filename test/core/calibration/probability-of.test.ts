import { probabilityOf } from '../../../src/core/calibration/probability-of';
import { defaultDefinition } from '../../../src/core/default-definition';
import { definitionSchema } from '../../../src/core/definition';

describe('probabilityOf', () => {
  const calibration = { method: 'isotonic' as const, points: [[20, 0.1], [60, 0.5], [80, 0.9]] as Array<[number, number]> };

  it('interpolates linearly between points and stays flat beyond them', () => {
    expect(probabilityOf(40, { calibration })).toBeCloseTo(0.3, 12);
    expect(probabilityOf(70, { calibration })).toBeCloseTo(0.7, 12);
    expect(probabilityOf(0, { calibration })).toBe(0.1);
    expect(probabilityOf(100, { calibration })).toBe(0.9);
  });

  it('is null for a definition that was never calibrated', () => {
    expect(probabilityOf(50, defaultDefinition)).toBeNull();
  });
});

describe('the calibration field of a definition', () => {
  const problems = (calibration: unknown) => {
    const result = definitionSchema.safeParse({ ...defaultDefinition, calibration });
    return result.success ? [] : result.error.issues.map((i) => i.message);
  };

  it('is optional and accepts a monotone map', () => {
    expect(problems(undefined)).toEqual([]);
    expect(problems({ method: 'platt', points: [[0, 0.01], [100, 0.99]], rows: 10, converted: 3 })).toEqual([]);
  });

  it('refuses scores out of order and probabilities that fall', () => {
    expect(problems({ method: 'isotonic', points: [[50, 0.2], [40, 0.3]] })).toContain('calibration scores must be strictly ascending');
    expect(problems({ method: 'isotonic', points: [[40, 0.5], [50, 0.3]] })).toContain('calibration probabilities must not fall as the score rises');
  });

  it('accepts a definition whose intent cap is 0, as learned definitions have', () => {
    const learned = { ...defaultDefinition, intent: { maxPoints: 0, halfLifeDays: 30, signals: [] }, autoAccept: null };
    expect(definitionSchema.safeParse(learned).success).toBe(true);
  });
});
