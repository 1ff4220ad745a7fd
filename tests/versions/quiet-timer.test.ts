import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { QuietTimer } from '../../server/versions/quiet-timer';

const MIN = 60_000;

describe('quiet period before an automatic version (fake clock)', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('fires ten minutes after the last edit, not while edits keep coming', () => {
    const fired: string[] = [];
    const timer = new QuietTimer(10 * MIN, 60 * MIN, (id) => fired.push(id));
    timer.edited('d1');
    vi.advanceTimersByTime(5 * MIN);
    timer.edited('d1');
    vi.advanceTimersByTime(9 * MIN);
    timer.edited('d1');
    vi.advanceTimersByTime(10 * MIN - 1);
    expect(fired).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(fired).toEqual(['d1']);
    vi.advanceTimersByTime(60 * MIN);
    expect(fired).toEqual(['d1']);
    expect(timer.size).toBe(0);
  });

  it('fires at the latest an hour after the first edit while someone types without pause', () => {
    const fired: number[] = [];
    const timer = new QuietTimer(10 * MIN, 60 * MIN, () => fired.push(Date.now()));
    const start = Date.now();
    for (let m = 0; m < 90; m++) {
      timer.edited('d1');
      vi.advanceTimersByTime(MIN);
    }
    expect(fired).toEqual([start + 60 * MIN]);
  });

  it('keeps documents apart and stops on close', () => {
    const fired: string[] = [];
    const timer = new QuietTimer(10 * MIN, 60 * MIN, (id) => fired.push(id));
    timer.edited('a');
    vi.advanceTimersByTime(3 * MIN);
    timer.edited('b');
    vi.advanceTimersByTime(7 * MIN);
    expect(fired).toEqual(['a']);
    timer.close();
    vi.advanceTimersByTime(60 * MIN);
    expect(fired).toEqual(['a']);
  });

  it('hands over the documents still waiting when drained, and fires none of them later', () => {
    const fired: string[] = [];
    const timer = new QuietTimer(10 * MIN, 60 * MIN, (id) => fired.push(id));
    timer.edited('d1');
    timer.edited('d2');
    vi.advanceTimersByTime(10 * MIN);
    timer.edited('d3');
    expect(fired).toEqual(['d1', 'd2']);
    expect(timer.drain()).toEqual(['d3']);
    expect(timer.size).toBe(0);
    vi.advanceTimersByTime(60 * MIN);
    expect(fired).toEqual(['d1', 'd2']);
  });
});
