import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AwarenessPacer } from '../../server/sync/awareness-pacer';
import type { EncodedAwarenessEntry } from '../../server/sync/messages';

/** When coalesced awareness goes out: window by room size, one state per client per 100 ms. */
describe('AwarenessPacer', () => {
  let sent: EncodedAwarenessEntry[][];
  let roomSize: number;
  const pacer = () => new AwarenessPacer({ windowMs: 30, minIntervalMs: 100 }, () => roomSize, (e) => sent.push(e));
  const entry = (clientId: number, clock: number, json = `{"c":${clock}}`) => ({ clientId, clock, json });

  beforeEach(() => {
    vi.useFakeTimers();
    sent = [];
    roomSize = 10;
  });
  afterEach(() => vi.useRealTimers());

  it('sends everything queued within a small room’s window as one batch, the newest state per client', () => {
    const p = pacer();
    p.queue(entry(1, 1));
    p.queue(entry(2, 1));
    p.queue(entry(1, 2));
    vi.advanceTimersByTime(29);
    expect(sent).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(sent).toEqual([[entry(1, 2), entry(2, 1)]]);
  });

  it('waits longer in a large room: 4 × the window from 200 sockets on', () => {
    roomSize = 200;
    const p = pacer();
    p.queue(entry(1, 1));
    vi.advanceTimersByTime(119);
    expect(sent).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(sent).toHaveLength(1);
    roomSize = 100;
    p.queue(entry(2, 1));
    vi.advanceTimersByTime(60);
    expect(sent).toHaveLength(2);
  });

  it('relays one client at most every 100 ms, keeping only its latest state, while others go out', () => {
    const p = pacer();
    p.queue(entry(1, 1));
    vi.advanceTimersByTime(30);
    expect(sent).toEqual([[entry(1, 1)]]);
    for (let clock = 2; clock <= 20; clock++) p.queue(entry(1, clock));
    p.queue(entry(2, 1));
    vi.advanceTimersByTime(30);
    // Client 2 goes out in the window; client 1 waits for its interval.
    expect(sent[1]).toEqual([entry(2, 1)]);
    // Sent at 30 ms, so due again at 130 ms.
    vi.advanceTimersByTime(69);
    expect(sent).toHaveLength(2);
    vi.advanceTimersByTime(1);
    expect(sent[2]).toEqual([entry(1, 20)]);
  });

  it('never holds a removal back, and forgets the interval of a client that left', () => {
    const p = pacer();
    p.queue(entry(1, 1));
    vi.advanceTimersByTime(30);
    p.queue(entry(1, 2, 'null'));
    vi.advanceTimersByTime(30);
    expect(sent[1]).toEqual([entry(1, 2, 'null')]);
    p.queue(entry(1, 3));
    vi.advanceTimersByTime(30);
    expect(sent[2]).toEqual([entry(1, 3)]);
  });

  it('flushes everything at once when asked (room closing), whatever the interval', () => {
    const p = pacer();
    p.queue(entry(1, 1));
    p.flush(true);
    p.queue(entry(1, 2));
    p.flush(true);
    expect(sent).toEqual([[entry(1, 1)], [entry(1, 2)]]);
    vi.advanceTimersByTime(1000);
    expect(sent).toHaveLength(2);
  });
});
