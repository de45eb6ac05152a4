import { parentPort, workerData } from 'node:worker_threads';
import { calibrateFromOutcomes, type CalibrateOptions } from '../core/calibration/calibrate-from-outcomes';
import type { OutcomeRow } from '../core/calibration/outcome-row';

/** The body of the thread `calibrateOffThread` starts: learn, post the report back, end. */
const { rows, options } = workerData as { rows: OutcomeRow[]; options: CalibrateOptions };
parentPort?.postMessage(calibrateFromOutcomes(rows, options));
