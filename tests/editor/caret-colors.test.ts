import { describe, expect, it } from 'vitest';
import { assignColorSlots, CARET_PALETTE } from '../../client/src/editor/caret-colors';

function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

describe('caret colours', () => {
  it('are readable: white text on each, and each on white, at 4.5:1 or more', () => {
    for (const c of CARET_PALETTE) expect((1.05 / (luminance(c) + 0.05))).toBeGreaterThanOrEqual(4.5);
  });

  it('differ for everyone in a document of up to eight people, and every browser assigns the same', () => {
    for (let n = 1; n <= CARET_PALETTE.length; n++) {
      const ids = Array.from({ length: n }, (_, i) => `user-${i * 7919}-${n}`);
      const slots = assignColorSlots(ids);
      expect(new Set(slots.values()).size).toBe(n);
      expect(assignColorSlots([...ids].reverse())).toEqual(slots);
    }
  });
});
