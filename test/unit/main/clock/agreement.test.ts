import { describe, expect, it } from 'vitest';
import { agree, median } from '../../../../src/main/clock/agreement';

const a = (server: string, offsetMs: number, delayMs = 10) => ({ server, offsetMs, delayMs });

describe('agree', () => {
  it('ignores one liar among three and reports the median of the rest', () => {
    const r = agree([a('x', 360_100), a('y', 359_900), a('liar', -3_600_000)], 1000)!;
    expect(r.agreeing.sort()).toEqual(['x', 'y']);
    expect(r.disagreeing).toEqual(['liar']);
    expect(r.offsetMs).toBe(360_000);
  });

  it('two that disagree: the group with the lower delay wins, the other is reported', () => {
    const r = agree([a('slow', 100_000, 300), a('fast', 0, 5)], 1000)!;
    expect(r.agreeing).toEqual(['fast']);
    expect(r.disagreeing).toEqual(['slow']);
    expect(r.offsetMs).toBe(0);
  });

  it('nothing to agree on', () => {
    expect(agree([], 1000)).toBeUndefined();
  });

  it('median', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 2, 3])).toBe(2.5);
  });
});
