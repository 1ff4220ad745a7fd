import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';

/** mulberry32: a small seeded PRNG, so a failing run can be replayed from its seed. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function syncFrame(step: number, payload: Uint8Array): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, 0);
  encoding.writeVarUint(e, step);
  encoding.writeVarUint8Array(e, payload);
  return encoding.toUint8Array(e);
}

/** Valid updates of the kinds editors send, as raw material for mutation. */
function sampleUpdates(rand: () => number): Uint8Array[] {
  const doc = new Y.Doc();
  const out: Uint8Array[] = [];
  doc.on('update', (u: Uint8Array) => out.push(u));
  const frag = doc.getXmlFragment('default');
  for (let i = 0; i < 30; i++) {
    const p = new Y.XmlElement(rand() < 0.3 ? 'heading' : 'paragraph');
    if (p.nodeName === 'heading') p.setAttribute('level', '2');
    const t = new Y.XmlText(`regel ${i} ${'x'.repeat(Math.floor(rand() * 20))}`);
    p.insert(0, [t]);
    frag.insert(frag.length, [p]);
    if (rand() < 0.3) t.format(0, 3, { bold: true });
    doc.getMap('meta').set(`k${i}`, { n: i, s: 'waarde', list: [1, 2, 3] });
    if (i > 3 && rand() < 0.3) frag.delete(0, 1);
  }
  return out;
}

export type FrameKind = 'random' | 'truncated' | 'bitflip' | 'lengthLie' | 'oversized' | 'awarenessJunk' | 'unknownType';

/** An endless stream of hostile frames, reproducible from `seed`. */
export function* hostileFrames(seed: number, maxBytes: number): Generator<{ kind: FrameKind; frame: Uint8Array }> {
  const rand = prng(seed);
  const updates = sampleUpdates(rand);
  const pick = <T>(xs: T[]) => xs[Math.floor(rand() * xs.length)]!;
  const randomBytes = (n: number) => Uint8Array.from({ length: n }, () => Math.floor(rand() * 256));
  for (;;) {
    const r = rand();
    const base = syncFrame(rand() < 0.5 ? 1 : 2, pick(updates));
    if (r < 0.25) {
      yield { kind: 'random', frame: randomBytes(1 + Math.floor(rand() * 64)) };
    } else if (r < 0.45) {
      yield { kind: 'truncated', frame: base.slice(0, Math.max(1, Math.floor(rand() * base.length))) };
    } else if (r < 0.7) {
      const f = base.slice();
      const flips = 1 + Math.floor(rand() * 4);
      for (let i = 0; i < flips; i++) f[Math.floor(rand() * f.length)]! ^= 1 << Math.floor(rand() * 8);
      yield { kind: 'bitflip', frame: f };
    } else if (r < 0.85) {
      // A length prefix that claims far more than follows.
      const e = encoding.createEncoder();
      encoding.writeVarUint(e, 0);
      encoding.writeVarUint(e, 2);
      encoding.writeVarUint(e, 1 + Math.floor(rand() * 2 ** 30));
      encoding.writeUint8Array(e, randomBytes(8));
      yield { kind: 'lengthLie', frame: encoding.toUint8Array(e) };
    } else if (r < 0.93) {
      const e = encoding.createEncoder();
      encoding.writeVarUint(e, 1);
      encoding.writeVarUint8Array(e, randomBytes(1 + Math.floor(rand() * 40)));
      yield { kind: 'awarenessJunk', frame: encoding.toUint8Array(e) };
    } else if (r < 0.995) {
      const e = encoding.createEncoder();
      encoding.writeVarUint(e, 4 + Math.floor(rand() * 1000));
      encoding.writeUint8Array(e, randomBytes(4));
      yield { kind: 'unknownType', frame: encoding.toUint8Array(e) };
    } else {
      yield { kind: 'oversized', frame: new Uint8Array(maxBytes + 1 + Math.floor(rand() * 1024)) };
    }
  }
}
