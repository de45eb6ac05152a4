import { RollingWindowLimiter } from '../../src/pipeline/rolling-window-limiter';
import { ManualClock } from '../support/manual-clock';

describe('RollingWindowLimiter', () => {
  it('lets the limit through at once, then waits for the oldest request to leave the window', async () => {
    const clock = new ManualClock(0);
    const limiter = new RollingWindowLimiter(3, 1000, clock);
    for (let i = 0; i < 3; i++) await limiter.acquire();
    expect(clock.time).toBe(0);
    await limiter.acquire();
    expect(clock.time).toBe(1000);
    expect(limiter.inWindow()).toBe(1);
  });

  it('sends nothing while paused by a 429, then resumes', async () => {
    const clock = new ManualClock(0);
    const limiter = new RollingWindowLimiter(100, 10_000, clock);
    await limiter.acquire();
    limiter.pauseFor(2500);
    await limiter.acquire();
    expect(clock.time).toBe(2500);
  });
});
