// withDeadline: the work wins when it is first, the deadline's value or error otherwise, and no
// timer is left behind either way (a left-over timer would keep the CLI alive).
import { afterEach, describe, expect, it, vi } from 'vitest';
import { withDeadline } from '../../../../src/main/engine/deadline';

afterEach(() => {
  vi.useRealTimers();
});

describe('withDeadline', () => {
  it('settles with the work when it finishes first, and clears its timer', async () => {
    vi.useFakeTimers();
    const result = withDeadline(Promise.resolve('answer'), 1000, () => 'late');
    await expect(result).resolves.toBe('answer');
    expect(vi.getTimerCount()).toBe(0);
  });

  it('passes the work\'s own failure through unchanged', async () => {
    const boom = new Error('boom');
    await expect(withDeadline(Promise.reject(boom), 1000, () => 'late')).rejects.toBe(boom);
  });

  it('settles with the deadline\'s value, or rejects with what it throws, when the work is slower', async () => {
    vi.useFakeTimers();
    const never = new Promise<string>(() => undefined);
    const value = withDeadline(never, 50, () => 'timed out');
    const error = withDeadline(never, 50, () => {
      throw new Error('too slow');
    });
    const settled = Promise.allSettled([value, error]);
    await vi.advanceTimersByTimeAsync(50);
    const [v, e] = await settled;
    expect(v).toEqual({ status: 'fulfilled', value: 'timed out' });
    expect(e).toMatchObject({ status: 'rejected', reason: { message: 'too slow' } });
    expect(vi.getTimerCount()).toBe(0);
  });
});
