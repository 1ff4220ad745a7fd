// @vitest-environment happy-dom
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Network, splicedSessions } from './two-editors';

// A small alphabet makes typed text share characters with its neighbours all the time,
// which is what tempts a character diff to place an insert beside the wrong neighbour.
const word = fc.stringMatching(/^[ren d]{1,8}$/);
const turn = fc.record({
  /** Where the caret goes first: stay where it is, or a fraction of the paragraph. */
  caret: fc.oneof(fc.constant<'stay'>('stay'), fc.double({ min: 0, max: 1, noNaN: true })),
  text: word,
});
const round = fc.record({
  turns: fc.array(fc.option(turn, { nil: null }), { minLength: 3, maxLength: 3 }),
  reconnectOrder: fc.shuffledSubarray([0, 1, 2], { minLength: 3, maxLength: 3 }),
});

describe('random concurrent typing sessions with network drops', () => {
  it('leave every session as one contiguous run in the merged text, the same on every peer', () => {
    fc.assert(
      fc.property(word, fc.integer({ min: 2, max: 3 }), fc.array(round, { minLength: 1, maxLength: 5 }), (initial, peerCount, rounds) => {
        const net = new Network();
        try {
          const first = net.add('p0', 10);
          net.type(first, initial);
          for (let i = 1; i < peerCount; i++) net.add(`p${i}`, 10 + i);
          for (const r of rounds) {
            net.round += 1;
            for (const p of net.peers) net.disconnect(p);
            r.turns.slice(0, peerCount).forEach((t, i) => {
              if (!t) return;
              const peer = net.peers[i]!;
              if (t.caret !== 'stay') {
                const size = peer.editor.state.doc.content.child(0).content.size;
                peer.editor.commands.setTextSelection(1 + Math.round(t.caret * size));
              }
              net.type(peer, t.text);
            });
            for (const i of r.reconnectOrder) if (i < peerCount) net.reconnect(net.peers[i]!);
          }
          const text = net.peers[0]!.editor.getText();
          for (const p of net.peers) expect(p.editor.getText()).toBe(text);
          expect(splicedSessions(net.peers[0]!.doc, net.sessions)).toEqual([]);
        } finally {
          net.destroy();
        }
      }),
      { numRuns: 60 },
    );
  }, 120_000);
});
