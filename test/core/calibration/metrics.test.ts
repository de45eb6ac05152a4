import { areaUnderCurve } from '../../../src/core/calibration/area-under-curve';
import { brierScore } from '../../../src/core/calibration/brier-score';
import { expectedCalibrationError } from '../../../src/core/calibration/expected-calibration-error';
import { liftByDecile } from '../../../src/core/calibration/lift-by-decile';
import { reliabilityTable } from '../../../src/core/calibration/reliability-table';
import { thresholdVolumes } from '../../../src/core/calibration/threshold-volumes';

describe('areaUnderCurve', () => {
  it('is 1 for a perfect ranking, 0 for a reversed one, 0.5 for all ties', () => {
    expect(areaUnderCurve([1, 2, 3, 4], [false, false, true, true])).toBe(1);
    expect(areaUnderCurve([4, 3, 2, 1], [false, false, true, true])).toBe(0);
    expect(areaUnderCurve([5, 5, 5, 5], [false, true, false, true])).toBe(0.5);
  });

  it('counts tied pairs as half, as the Mann–Whitney statistic does', () => {
    // Pairs (pos, neg): (2 vs 1) win, (2 vs 2) tie, (3 vs 1) win, (3 vs 2) win → 3.5 of 4.
    expect(areaUnderCurve([1, 2, 2, 3], [false, false, true, true])).toBeCloseTo(3.5 / 4, 12);
  });

  it('is NaN without both outcomes', () => {
    expect(areaUnderCurve([1, 2], [true, true])).toBeNaN();
  });
});

describe('brierScore and expectedCalibrationError', () => {
  it('score a perfect forecast 0 and a confident wrong one 1', () => {
    expect(brierScore([1, 0], [true, false])).toBe(0);
    expect(brierScore([0, 1], [true, false])).toBe(1);
  });

  it('measure the gap between predicted and observed rates per bin', () => {
    // Bin 0.2–0.3 holds 4 leads predicted 0.25 with 1 converted: calibrated. Bin 0.8–0.9: predicted 0.8, observed 0.5.
    const p = [0.25, 0.25, 0.25, 0.25, 0.8, 0.8];
    const y = [true, false, false, false, true, false];
    expect(expectedCalibrationError(p, y)).toBeCloseTo((2 / 6) * 0.3, 12);
  });
});

describe('reliabilityTable, liftByDecile, thresholdVolumes', () => {
  const scores = Array.from({ length: 100 }, (_, i) => i);
  const outcomes = scores.map((s) => s >= 70);

  it('puts each score in its band of ten with predicted and observed rates', () => {
    const table = reliabilityTable(scores, scores.map((s) => s / 100), outcomes);
    expect(table).toHaveLength(10);
    expect(table[7]).toEqual({ scores: [70, 79], leads: 10, predicted: expect.closeTo(0.745, 10), observed: 1 });
    expect(table[0]?.observed).toBe(0);
  });

  it('ranks deciles best first with lift and cumulative capture', () => {
    const lift = liftByDecile(scores, outcomes);
    expect(lift.map((d) => d.conversion)).toEqual([1, 1, 1, 0, 0, 0, 0, 0, 0, 0]);
    expect(lift[0]?.lift).toBeCloseTo(1 / 0.3, 12);
    expect(lift[2]?.cumulativeCapture).toBe(1);
    expect(lift[0]?.minScore).toBe(90);
  });

  it('counts the leads each threshold lets through, with precision and recall', () => {
    const [at50, at80] = thresholdVolumes(scores, outcomes, [80, 50, 80]);
    expect(at50).toEqual({ threshold: 50, leads: 50, share: 0.5, conversion: 0.6, capture: 1 });
    expect(at80).toEqual({ threshold: 80, leads: 20, share: 0.2, conversion: 1, capture: 20 / 30 });
  });
});
