import { describe, expect, it } from 'vitest';
import { CloseCode } from '../../shared/protocol';
import { bigState } from './attacks';
import { hostileFixture } from './fixture';
import { measure } from './measure';

/**
 * Awareness is replayed to every joiner, so one viewer-sized socket must not be able to
 * make a document unopenable (issue #11, item 1): oversize states and surplus client ids
 * close the sender with 4400 and never reach anyone.
 */
const f = hostileFixture();

describe('awareness limits', () => {
  it('closes a socket that sends a state over 8 KiB; nobody sees it', async () => {
    const baseline = await f.baselineStallMs();
    const raw = await f.attacker();
    const m = await measure(f.server.url, async () => {
      raw.sendAwareness([{ clientId: 4242, clock: 1, json: bigState(64 * 1024) }]);
      return raw.closeCode();
    });
    expect(m.result).toBe(CloseCode.badMessage);
    expect(m.stallMs).toBeLessThan(100 + baseline);
    const joiner = await f.attacker();
    expect(await joiner.roundTrip()).toBe(true);
    expect(joiner.awareness.has(4242)).toBe(false);
  });

  it('takes a state just under the limit', async () => {
    const raw = await f.attacker();
    raw.sendAwareness([{ clientId: 5151, clock: 1, json: bigState(7 * 1024) }]);
    expect(await raw.roundTrip()).toBe(true);
    const joiner = await f.attacker();
    await expect.poll(() => joiner.awareness.has(5151) || (joiner.send(new Uint8Array([3])), false)).toBe(true);
  });

  it('closes a socket that claims 200,000 client ids in one frame; joiners get a small snapshot', async () => {
    const baseline = await f.baselineStallMs();
    const raw = await f.attacker();
    const entries = Array.from({ length: 200_000 }, (_, i) => ({ clientId: 1_000_000 + i, clock: 1, json: '{"a":1}' }));
    const m = await measure(f.server.url, async () => {
      raw.sendAwareness(entries);
      return raw.closeCode();
    });
    expect(m.result).toBe(CloseCode.badMessage);
    expect(m.stallMs).toBeLessThan(100 + baseline);
    expect(m.rssGrowthMiB).toBeLessThan(64);
    const joiner = await f.attacker();
    expect(await joiner.roundTrip()).toBe(true);
    expect(joiner.awarenessBytesReceived).toBeLessThan(64 * 1024);
    expect(await f.honestEdit(0)).toBeLessThan(1_000);
  });

  it('allows 4 client ids per connection and closes on the fifth', async () => {
    const raw = await f.attacker();
    raw.sendAwareness([1, 2, 3, 4].map((i) => ({ clientId: 7000 + i, clock: 1, json: '{}' })));
    expect(await raw.roundTrip()).toBe(true);
    raw.sendAwareness([{ clientId: 7005, clock: 1, json: '{}' }]);
    expect(await raw.closeCode()).toBe(CloseCode.badMessage);
    const joiner = await f.attacker();
    expect(await joiner.roundTrip()).toBe(true);
    expect(joiner.awareness.has(7005)).toBe(false);
  });
});
