import { CrmRateLimitedError, CrmUnavailableError } from '../../src/core/crm-adapter';
import { callCrm } from '../../src/pipeline/call-crm';
import { RollingWindowLimiter } from '../../src/pipeline/rolling-window-limiter';
import { ManualClock } from '../support/manual-clock';

const policy = { transientRetries: 3, transientBackoffMs: 100, rateLimitBudgetMs: 60_000 };

function failing(errors: Error[], result = 'ok') {
  let calls = 0;
  const request = async () => {
    calls += 1;
    const error = errors.shift();
    if (error) throw error;
    return result;
  };
  return { request, calls: () => calls };
}

describe('callCrm', () => {
  it('waits out a 429 for as long as Retry-After says, then succeeds', async () => {
    const clock = new ManualClock(0);
    const limiter = new RollingWindowLimiter(110, 10_000, clock);
    const limited: number[] = [];
    const call = failing([new CrmRateLimitedError('429', 3000), new CrmRateLimitedError('429', 2000)]);
    const result = await callCrm(limiter, clock, 'read', call.request, policy, { onRateLimited: (_l, ms) => limited.push(ms) });
    expect(result).toBe('ok');
    expect(call.calls()).toBe(3);
    expect(clock.time).toBe(5000);
    expect(limited).toEqual([3000, 2000]);
  });

  it('gives up on rate limits past its budget, so the events go back to the inbox', async () => {
    const clock = new ManualClock(0);
    const limiter = new RollingWindowLimiter(110, 10_000, clock);
    const call = failing(Array.from({ length: 50 }, () => new CrmRateLimitedError('429', 10_000)));
    await expect(callCrm(limiter, clock, 'read', call.request, policy)).rejects.toBeInstanceOf(CrmRateLimitedError);
    expect(clock.time).toBeLessThanOrEqual(policy.rateLimitBudgetMs);
  });

  it('retries transient failures with doubling backoff, then rethrows', async () => {
    const clock = new ManualClock(0);
    const limiter = new RollingWindowLimiter(110, 10_000, clock);
    const call = failing(Array.from({ length: 5 }, () => new CrmUnavailableError('502', 502)));
    await expect(callCrm(limiter, clock, 'write', call.request, policy)).rejects.toBeInstanceOf(CrmUnavailableError);
    expect(call.calls()).toBe(4);
    expect(clock.slept).toEqual([100, 200, 400]);
  });

  it('does not retry other errors', async () => {
    const clock = new ManualClock(0);
    const limiter = new RollingWindowLimiter(110, 10_000, clock);
    const call = failing([new Error('401 token rejected')]);
    await expect(callCrm(limiter, clock, 'write', call.request, policy)).rejects.toThrow('401');
    expect(call.calls()).toBe(1);
  });
});
