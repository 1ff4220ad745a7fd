import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../server/config';
import { bigState } from './attacks';
import { hostileFixture } from './fixture';

/**
 * `npm run bench` prices the hardening by running the server without it (issue #19, item 7).
 * The switch must not reach production by accident: it takes only `1`, production refuses
 * it, and everything else leaves the limits on.
 */
describe('the bench-only switch that turns the hardening off', () => {
  it('leaves the hardening on by default and for anything but 1', () => {
    expect(loadConfig({}).hardening).toBe(true);
    expect(loadConfig({ BENCH_UNHARDENED: '0' }).hardening).toBe(true);
    expect(() => loadConfig({ BENCH_UNHARDENED: 'true' })).toThrow(ConfigError);
    expect(() => loadConfig({ BENCH_UNHARDENED: 'yes' })).toThrow(/BENCH_UNHARDENED/);
  });

  it('is refused with NODE_ENV=production', () => {
    expect(() => loadConfig({ BENCH_UNHARDENED: '1', NODE_ENV: 'production' })).toThrow(/refused with NODE_ENV=production/);
    expect(loadConfig({ BENCH_UNHARDENED: '1' }).hardening).toBe(false);
  });

  describe('with the switch on', () => {
    const f = hostileFixture({ BENCH_UNHARDENED: '1' });

    it('really lets through what the awareness limits refuse (so the bench measures them off)', async () => {
      const raw = await f.attacker();
      raw.sendAwareness([{ clientId: 4343, clock: 1, json: bigState(64 * 1024) }]);
      expect(await raw.roundTrip()).toBe(true);
      const joiner = await f.attacker();
      await expect.poll(() => joiner.awareness.has(4343) || (joiner.send(new Uint8Array([3])), false), { timeout: 5_000 }).toBe(true);
    });
  });
});
