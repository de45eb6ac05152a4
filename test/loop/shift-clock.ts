import type { Clock } from '../../src/pipeline/clock';

/** The wall clock moved ahead on demand: webhooks stay fresh while a test jumps to an SLA's deadline. */
export class ShiftClock implements Clock {
  offsetMs = 0;
  now(): number {
    return Date.now() + this.offsetMs;
  }
  sleep(ms: number): Promise<void> {
    return new Promise((resolve) => setTimeout(resolve, ms));
  }
  advance(ms: number): void {
    this.offsetMs += ms;
  }
}
