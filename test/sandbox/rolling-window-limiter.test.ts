import { RollingWindowLimiter } from '../../scripts/sandbox/rolling-window-limiter';

describe('RollingWindowLimiter', () => {
  it('slides: capacity returns as each old request leaves the window, not all at once', () => {
    let now = 0;
    const limiter = new RollingWindowLimiter({ requests: 3, windowMs: 1_000 }, () => now);
    expect(limiter.take('a')).toEqual({ allowed: true, remaining: 2 });
    now = 400;
    limiter.take('a');
    limiter.take('a');
    now = 900;
    expect(limiter.take('a')).toEqual({ allowed: false, retryAfterMs: 100 });
    now = 1_001;
    expect(limiter.take('a')).toEqual({ allowed: true, remaining: 0 });
    expect(limiter.take('a')).toEqual({ allowed: false, retryAfterMs: 399 });
  });

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
