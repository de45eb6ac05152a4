import fc from 'fast-check';
import { apportionPoints } from '../../src/core/apportion-points';

describe('apportionPoints', () => {
  test.each([
    [[30, 25, 10], 65, [30, 25, 10]],
    [[15.56, 7.78, 7.78, 3.89], 35, [15, 8, 8, 4]],
    [[33.4, 33.3, 33.3], 100, [34, 33, 33]],
    [[0.5, 0.5], 1, [1, 0]],
    [[0.5, 0.5, 0.5], 2, [1, 1, 0]],
    [[0.4, 0.4], 1, [1, 0]],
    [[0, 0, 0], 0, [0, 0, 0]],
  ])('%j into %d → %j', (shares, total, expected) => {
    expect(apportionPoints(shares, total)).toEqual(expected);
  });

  test('adds up exactly to the rounded total, each integer within 1 of its share', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0, max: 100, noNaN: true }), { maxLength: 20 }), (shares) => {
        const total = Math.round(shares.reduce((s, x) => s + x, 0));
        const points = apportionPoints(shares, total);
        expect(points.reduce((s, x) => s + x, 0)).toBe(total);
        points.forEach((p, i) => {
          expect(Number.isInteger(p)).toBe(true);
          expect(Math.abs(p - (shares[i] ?? 0))).toBeLessThan(1);
        });
      }),
    );
  });
});
