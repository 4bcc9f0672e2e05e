import { describe, expect, it } from 'vitest';
import { verplaats } from '../../../../../renderer/features/rapport/volgorde';

describe('verplaats: the order of the presentation’s slides', () => {
  it('moves one slide up, down, to the first and the last place', () => {
    expect(verplaats([1, 2, 3], 1, 1)).toEqual([2, 1, 3]);
    expect(verplaats([1, 2, 3], 3, 1)).toEqual([1, 3, 2]);
    expect(verplaats([1, 2, 3], 3, 0)).toEqual([3, 1, 2]);
    expect(verplaats([1, 2, 3], 1, 2)).toEqual([2, 3, 1]);
  });

  it('keeps the same list when nothing moves: an unknown id, its own place, or beyond the ends', () => {
    const ids = [1, 2, 3];
    expect(verplaats(ids, 9, 0)).toBe(ids);
    expect(verplaats(ids, 2, 1)).toBe(ids);
    expect(verplaats(ids, 1, -1)).toBe(ids);
    expect(verplaats(ids, 3, 7)).toBe(ids);
  });
});
