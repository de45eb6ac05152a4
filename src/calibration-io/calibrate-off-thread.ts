import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { calibrateFromOutcomes, type CalibrateOptions, type CalibrationReport } from '../core/calibration/calibrate-from-outcomes';
import type { OutcomeRow } from '../core/calibration/outcome-row';

const threadScript = join(__dirname, 'calibration-thread.js');

/**
 * `calibrateFromOutcomes` in a worker thread: learning from thousands of outcomes takes seconds of
 * CPU, and in the server that would hold up every webhook ack (HubSpot gives up on a webhook after
 * 5 s). Rows, options and report are plain data, so they cross the thread boundary as they are.
 * Where no compiled thread script sits beside this file (TypeScript run directly, as under ts-jest)
 * it learns in the calling thread; the built server always has the script.
 */
export function calibrateOffThread(rows: readonly OutcomeRow[], options: CalibrateOptions): Promise<CalibrationReport> {
  if (!existsSync(threadScript)) return Promise.resolve().then(() => calibrateFromOutcomes(rows, options));
  return new Promise((resolve, reject) => {
    const worker = new Worker(threadScript, { workerData: { rows, options } });
    let settled = false;
    worker.once('message', (report: CalibrationReport) => {
      settled = true;
      resolve(report);
    });
    worker.once('error', (error) => {
      settled = true;
      reject(error);
    });
    worker.once('exit', (code) => {
      if (!settled) reject(new Error(`the calibration thread stopped (exit code ${code}) before it answered`));
    });
  });
}
