import { isoInstant } from '../../src/store/iso-instant';

describe('isoInstant', () => {
  it.each([
    ['2025-03-03T09:00:00Z', '2025-03-03T09:00:00.000Z'],
    ['2025-03-03T09:00:00.5Z', '2025-03-03T09:00:00.500Z'],
    ['2025-03-03T10:00:00+01:00', '2025-03-03T09:00:00.000Z'],
    ['2025-03-03T09:00:00.000Z', '2025-03-03T09:00:00.000Z'],
  ])('normalises %s to %s', (input, expected) => {
    expect(isoInstant(input, 'now')).toBe(expected);
  });

  it('names the bad value and what it was for', () => {
    expect(() => isoInstant('next tuesday', 'leaseUntil')).toThrow('leaseUntil is not an ISO time: "next tuesday"');
  });
});
