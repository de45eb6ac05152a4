import { inChunks } from '../../src/store/in-chunks';

describe('inChunks', () => {
  it('splits into pieces of the given size, the last one shorter', () => {
    expect(inChunks([1, 2, 3, 4, 5], 2)).toEqual([[1, 2], [3, 4], [5]]);
    expect(inChunks([1, 2, 3, 4], 2)).toEqual([[1, 2], [3, 4]]);
  });

  it('gives no pieces for an empty list', () => {
    expect(inChunks([], 500)).toEqual([]);
  });

  it('refuses a size that would never finish or split nothing', () => {
    expect(() => inChunks([1], 0)).toThrow(/positive integer/);
    expect(() => inChunks([1], 1.5)).toThrow(/positive integer/);
  });
});
