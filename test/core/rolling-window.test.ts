import { RollingWindow } from '../../src/core/rolling-window';
import { RollingWindowLimiter } from '../../scripts/sandbox/rolling-window-limiter';

describe('RollingWindow', () => {
  it('slides: capacity returns as each old request leaves the window, not all at once', () => {
    const window = new RollingWindow(3, 1_000);
    expect(window.take(0)).toEqual({ allowed: true, remaining: 2 });
    window.take(400);
    window.take(400);
    expect(window.take(900)).toEqual({ allowed: false, retryAfterMs: 100 });
    expect(window.take(1_001)).toEqual({ allowed: true, remaining: 0 });
    expect(window.take(1_001)).toEqual({ allowed: false, retryAfterMs: 399 });
    expect(window.count(1_401)).toBe(1);
  });

  it('never allows more than the limit in any window, whatever the arrival pattern', () => {
    const window = new RollingWindow(110, 10_000);
    const allowed: number[] = [];
    for (let t = 0; t < 60_000; t += 37) if (window.take(t).allowed) allowed.push(t);
    for (let i = 110; i < allowed.length; i += 1) {
      expect((allowed[i] as number) - (allowed[i - 110] as number)).toBeGreaterThan(10_000 - 1);
    }
    // …and it does use the limit: about 110 per 10 s over a minute.
    expect(allowed.length).toBeGreaterThanOrEqual(6 * 110 - 1);
  });
});

describe('the sandbox limiter', () => {
  it('keeps separate windows per key and does not count refusals', () => {
    let now = 0;
    const limiter = new RollingWindowLimiter({ requests: 1, windowMs: 100 }, () => now);
    limiter.take('a');
    for (let i = 0; i < 5; i++) expect(limiter.take('a').allowed).toBe(false);
    expect(limiter.take('b').allowed).toBe(true);
    now = 100;
    expect(limiter.take('a').allowed).toBe(true);
  });
});
