import type { Clock } from '../../src/pipeline/clock';

/** A clock that moves only when a sleeper asks it to: sleeping advances time instantly. */
export class ManualClock implements Clock {
  slept: number[] = [];
  constructor(public time: number) {}
  now(): number {
    return this.time;
  }
  async sleep(ms: number): Promise<void> {
    this.slept.push(ms);
    this.time += ms;
  }
}
