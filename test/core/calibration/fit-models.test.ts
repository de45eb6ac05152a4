import fc from 'fast-check';
import { fitIsotonic } from '../../../src/core/calibration/fit-isotonic';
import { fitCalibration } from '../../../src/core/calibration/fit-calibration';
import { fitPlatt, plattProbability } from '../../../src/core/calibration/fit-platt';
import { fitLogisticRegression, sigmoid } from '../../../src/core/calibration/fit-logistic-regression';
import { seededRandom } from '../../../src/core/calibration/seeded-random';
import { solvePositiveDefinite } from '../../../src/core/calibration/solve-positive-definite';
import { calibrationSchema } from '../../../src/core/definition';

describe('solvePositiveDefinite', () => {
  it('solves a small system and refuses a matrix that is not positive definite', () => {
    const x = solvePositiveDefinite(Float64Array.of(4, 2, 2, 3), Float64Array.of(2, 1), 2);
    expect(Array.from(x ?? [])).toEqual([expect.closeTo(0.5, 12), expect.closeTo(0, 12)]);
    expect(solvePositiveDefinite(Float64Array.of(1, 2, 2, 1), Float64Array.of(1, 1), 2)).toBeNull();
  });
});

describe('fitLogisticRegression', () => {
  // Two indicator columns with true log-odds −1 (base), +2 (column 0), −1.5 (column 1).
  const random = seededRandom(7);
  const rows: Int32Array[] = [];
  const outcomes: boolean[] = [];
  for (let i = 0; i < 20000; i++) {
    const active = [random() < 0.5 ? 0 : -1, random() < 0.4 ? 1 : -1].filter((c) => c >= 0);
    const z = -1 + (active.includes(0) ? 2 : 0) + (active.includes(1) ? -1.5 : 0);
    rows.push(Int32Array.from(active));
    outcomes.push(random() < sigmoid(z));
  }

  it('recovers the coefficients that generated the data', () => {
    const model = fitLogisticRegression({ columns: 2, rows }, outcomes, { penalties: [0, 0] });
    expect(model.intercept).toBeCloseTo(-1, 1);
    expect(model.coefficients[0]).toBeCloseTo(2, 1);
    expect(model.coefficients[1]).toBeCloseTo(-1.5, 1);
  });

  it('shrinks coefficients toward zero as the penalty grows', () => {
    const loose = fitLogisticRegression({ columns: 2, rows }, outcomes, { penalties: [1, 1] });
    const tight = fitLogisticRegression({ columns: 2, rows }, outcomes, { penalties: [5000, 5000] });
    expect(Math.abs(tight.coefficients[0] as number)).toBeLessThan(Math.abs(loose.coefficients[0] as number));
    expect(Math.abs(tight.coefficients[1] as number)).toBeLessThan(Math.abs(loose.coefficients[1] as number));
  });

  it('stays finite on perfectly separated data thanks to the penalty', () => {
    const model = fitLogisticRegression({ columns: 1, rows: [Int32Array.of(0), Int32Array.of()] }, [true, false], { penalties: [1] });
    expect(Number.isFinite(model.coefficients[0] as number)).toBe(true);
  });
});

describe('fitIsotonic and fitCalibration', () => {
  it('pools adjacent violators into a non-decreasing fit', () => {
    const fit = fitIsotonic([1, 2, 3, 4], [false, true, false, true]);
    expect(fit.values).toEqual([0, 0.5, 1]);
    expect(fit.centres).toEqual([1, 2.5, 4]);
  });

  it('always yields a calibration the definition schema accepts, whatever the outcomes', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 100 }), fc.boolean()), { minLength: 1, maxLength: 300 }), fc.constantFrom('platt', 'isotonic'), (pairs, method) => {
        const calibration = fitCalibration(pairs.map(([s]) => s), pairs.map(([, y]) => y), method as 'platt' | 'isotonic');
        expect(calibrationSchema.safeParse(calibration).success).toBe(true);
      }),
      { numRuns: 60 },
    );
  });

  it('Platt scaling follows a logistic trend in the score', () => {
    const random = seededRandom(3);
    const scores = Array.from({ length: 5000 }, () => Math.floor(random() * 101));
    const outcomes = scores.map((s) => random() < sigmoid((s - 50) / 10));
    const calibration = fitCalibration(scores, outcomes, 'platt');
    expect(calibration.points[50]?.[1]).toBeCloseTo(0.5, 1);
    expect(calibration.points[80]?.[1]).toBeCloseTo(sigmoid(3), 1);
  });

  it('Platt scaling bends with the data: a flatter top is followed, a straight line stays straight', () => {
    const random = seededRandom(5);
    const scores = Array.from({ length: 20000 }, () => Math.floor(random() * 101));
    const bentLogit = (s: number) => 8 * (s / 100 - 0.5) - 12 * (s / 100 - 0.5) ** 2;
    const bent = fitPlatt(scores, scores.map((s) => random() < sigmoid(bentLogit(s))));
    expect(bent.curvature).toBeCloseTo(-12, 0);
    expect(plattProbability(bent, 90)).toBeCloseTo(sigmoid(bentLogit(90)), 1);
    const straight = fitPlatt(scores, scores.map((s) => random() < sigmoid(8 * (s / 100 - 0.5))));
    expect(Math.abs(straight.curvature)).toBeLessThan(2);
    // The map never falls, even where the bent curve would turn down past the scores seen.
    const steep = fitCalibration(scores, scores.map((s) => random() < sigmoid(6 * (s / 100 - 0.5) - 30 * (s / 100 - 0.5) ** 2)), 'platt');
    expect(calibrationSchema.safeParse(steep).success).toBe(true);
  });
});
