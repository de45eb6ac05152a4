import { median, percentile } from '../../src/metrics/percentile';

describe('percentile', () => {
  it('interpolates between the nearest ranks, as PERCENTILE.INC does', () => {
    expect(median([10, 1, 3, 2])).toBe(2.5);
    expect(median([7, 1, 3])).toBe(3);
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.9)).toBeCloseTo(9.1, 10);
    expect(percentile([4, 8], 0)).toBe(4);
    expect(percentile([4, 8], 1)).toBe(8);
    expect(percentile([42], 0.9)).toBe(42);
  });

  it('has no value for no data, rather than zero', () => {
    expect(median([])).toBeNull();
    expect(percentile([Number.NaN, Infinity], 0.5)).toBeNull();
  });

  it('refuses a percentile outside 0–1', () => {
    expect(() => percentile([1], 90)).toThrow(/between 0 and 1/);
  });
});
