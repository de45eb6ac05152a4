import { chunk } from '../../src/core/chunk';

describe('chunk', () => {
  it('splits into pieces of the given size, the last one shorter', () => {
    expect(chunk([1, 2, 3, 4, 5], 2)).toEqual([[1, 2], [3, 4], [5]]);
    expect(chunk([1, 2, 3, 4], 2)).toEqual([[1, 2], [3, 4]]);
  });

  it('gives no pieces for an empty list', () => {
    expect(chunk([], 500)).toEqual([]);
  });

  it('refuses a size that would never finish or split nothing', () => {
    expect(() => chunk([1], 0)).toThrow(/positive integer/);
    expect(() => chunk([1], 1.5)).toThrow(/positive integer/);
  });
});
