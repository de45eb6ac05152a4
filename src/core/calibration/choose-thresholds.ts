import type { Calibration } from '../definition';
import { interpolateCalibration } from './probability-of';

/**
 * Thresholds read off the calibration: MQL at the lowest score whose probability reaches
 * `mqlProbability`, sales-ready at the lowest reaching `salesReadyProbability` (100 when none does).
 */
export function chooseThresholds(calibration: Calibration, mqlProbability: number, salesReadyProbability: number): { mql: number; salesReady: number } {
  const lowest = (p: number) => {
    for (let score = 0; score <= 100; score++) if (interpolateCalibration(calibration, score) >= p) return score;
    return 100;
  };
  const salesReady = lowest(salesReadyProbability);
  return { mql: Math.min(lowest(mqlProbability), salesReady), salesReady };
}
