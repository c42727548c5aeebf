import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startCountdown } from '../src/self-diagnosis/countdown.ts';

describe('the 3-second countdown to the next level', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('ticks 3, 2, 1, 0 and then opens the next level once', () => {
    const ticks: number[] = [];
    const done = vi.fn();
    startCountdown(3, (s) => ticks.push(s), done);
    expect(ticks).toEqual([3]);
    vi.advanceTimersByTime(2000);
    expect(ticks).toEqual([3, 2, 1]);
    expect(done).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1000);
    expect(ticks).toEqual([3, 2, 1, 0]);
    expect(done).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(5000);
    expect(done).toHaveBeenCalledTimes(1);
  });

  it('can be cancelled (立即进入 or leaving the page)', () => {
    const done = vi.fn();
    const c = startCountdown(3, () => undefined, done);
    vi.advanceTimersByTime(1500);
    c.cancel();
    vi.advanceTimersByTime(5000);
    expect(done).not.toHaveBeenCalled();
  });
});
