import { smoothWeightedPick } from '../../src/core/smooth-weighted-pick';
import type { WeightedOwner } from '../../src/core/pool-candidates';

function picks(candidates: WeightedOwner[], count: number): string[] {
  let current: Record<string, number> = {};
  const picked: string[] = [];
  for (let i = 0; i < count; i++) {
    const pick = smoothWeightedPick(candidates, current)!;
    picked.push(pick.ownerId);
    current = pick.nextCurrent;
  }
  return picked;
}

describe('smoothWeightedPick', () => {
  test("reproduces nginx's documented sequence for weights 5, 1, 1", () => {
    const owners = [
      { ownerId: 'a', weight: 5 },
      { ownerId: 'b', weight: 1 },
      { ownerId: 'c', weight: 1 },
    ];
    expect(picks(owners, 14)).toEqual(['a', 'a', 'b', 'a', 'c', 'a', 'a', 'a', 'a', 'b', 'a', 'c', 'a', 'a']);
  });

  test('equal weights take turns, lowest id first', () => {
    expect(picks([{ ownerId: '2', weight: 1 }, { ownerId: '1', weight: 1 }, { ownerId: '3', weight: 1 }], 6)).toEqual(
      ['1', '2', '3', '1', '2', '3'],
    );
  });

  test('never changes the state it is given', () => {
    const current = Object.freeze({ a: 2, b: -2 });
    const pick = smoothWeightedPick([{ ownerId: 'a', weight: 1 }, { ownerId: 'b', weight: 1 }], current);
    expect(current).toEqual({ a: 2, b: -2 });
    expect(pick).toMatchObject({ ownerId: 'a', nextCurrent: { a: 1, b: -1 } });
  });

  test('an owner away today gives up credit it was owed but keeps its debt', () => {
    const pick = smoothWeightedPick([{ ownerId: 'a', weight: 1 }], { a: 0, owed: 3, owing: -2, gone: 4 }, ['owed', 'owing']);
    // Owners the pool no longer knows are left as they were.
    expect(pick?.nextCurrent).toEqual({ a: 0, owed: 0, owing: -2, gone: 4 });
  });

  test('an owner back from an absence with credit owed gets one lead, not a run of them', () => {
    const owners = [
      { ownerId: 'a', weight: 1 },
      { ownerId: 'b', weight: 1 },
      { ownerId: 'c', weight: 1 },
    ];
    // "c" left when owed a lot (say its weight was cut from 10 to 1 meanwhile).
    let current: Record<string, number> = smoothWeightedPick(owners.slice(0, 2), { a: 0, b: 0, c: 9 }, ['c'])!.nextCurrent;
    const picked: string[] = [];
    for (let i = 0; i < 9; i++) {
      const pick = smoothWeightedPick(owners, current)!;
      picked.push(pick.ownerId);
      current = pick.nextCurrent;
    }
    expect(picked.filter((id) => id === 'c')).toHaveLength(3);
    expect(picked.slice(0, 3).filter((id) => id === 'c').length).toBeLessThanOrEqual(1);
  });

  test('nobody to pick from', () => {
    expect(smoothWeightedPick([], {})).toBeNull();
  });
});
