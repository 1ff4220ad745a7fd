import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PresenceThrottle, type PresenceState } from '../../server/presence/presence-throttle';
import type { PresenceConnection } from '../../server/presence/presence-tracker';

/** The per-person allowance of presence events (issue #11, item 6), on a fake clock. */
const conn = (userId: string, documentId: string): PresenceConnection => ({
  id: `${userId}-${documentId}-${Math.random()}`,
  documentId,
  workspaceId: 'w1',
  user: { id: userId, name: userId, organization: 'Stad Gent' },
  since: new Date().toISOString(),
});

let published: Array<[string, string, PresenceState]>;
let throttle: PresenceThrottle;
beforeEach(() => {
  vi.useFakeTimers();
  published = [];
  throttle = new PresenceThrottle(4, 10_000, (c, state) => published.push([c.user.id, c.documentId, state]));
});
afterEach(() => {
  throttle.stop();
  vi.useRealTimers();
});

describe('presence throttle', () => {
  it('publishes at once within the allowance', () => {
    throttle.changed(conn('ann', 'd1'), 'joined');
    throttle.changed(conn('ann', 'd1'), 'left');
    throttle.changed(conn('ann', 'd2'), 'joined');
    expect(published).toEqual([
      ['ann', 'd1', 'joined'],
      ['ann', 'd1', 'left'],
      ['ann', 'd2', 'joined'],
    ]);
  });

  it('holds back a flood and publishes only the final state when the window turns', () => {
    for (let i = 0; i < 150; i++) {
      throttle.changed(conn('eve', 'd1'), 'joined');
      throttle.changed(conn('eve', 'd1'), 'left');
    }
    throttle.changed(conn('eve', 'd1'), 'joined');
    expect(published).toHaveLength(4);
    vi.advanceTimersByTime(10_000);
    // Four in the window, then one: the state she ended in.
    expect(published).toHaveLength(5);
    expect(published.at(-1)).toEqual(['eve', 'd1', 'joined']);
    vi.advanceTimersByTime(60_000);
    expect(published).toHaveLength(5);
  });

  it('publishes nothing for held-back changes that cancel out', () => {
    for (let i = 0; i < 2; i++) {
      throttle.changed(conn('eve', 'd1'), 'joined');
      throttle.changed(conn('eve', 'd1'), 'left');
    }
    throttle.changed(conn('eve', 'd1'), 'joined');
    throttle.changed(conn('eve', 'd1'), 'left');
    vi.advanceTimersByTime(60_000);
    expect(published.map((p) => p[2])).toEqual(['joined', 'left', 'joined', 'left']);
  });

  it('counts per person: a flood by one delays nobody else', () => {
    for (let i = 0; i < 50; i++) throttle.changed(conn('eve', 'd1'), i % 2 === 0 ? 'joined' : 'left');
    throttle.changed(conn('bob', 'd1'), 'joined');
    expect(published.filter((p) => p[0] === 'bob')).toEqual([['bob', 'd1', 'joined']]);
  });

  it('flushes held-back documents in arrival order, a window’s allowance at a time', () => {
    for (let d = 0; d < 10; d++) throttle.changed(conn('ann', `d${d}`), 'joined');
    expect(published.map((p) => p[1])).toEqual(['d0', 'd1', 'd2', 'd3']);
    vi.advanceTimersByTime(10_000);
    expect(published.map((p) => p[1])).toEqual(['d0', 'd1', 'd2', 'd3', 'd4', 'd5', 'd6', 'd7']);
    vi.advanceTimersByTime(10_000);
    expect(published).toHaveLength(10);
  });
});
