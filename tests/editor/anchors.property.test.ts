// @vitest-environment happy-dom
import type { Editor } from '@tiptap/core';
import { ySyncPluginKey } from '@tiptap/y-tiptap';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { encodeAnchor, resolveAnchor, resolveThreadRange, type ProsemirrorMapping } from '../../shared/comment-anchors';
import { Network, type Peer } from './two-editors';

const QUOTE = 'Doelzin met commentaar';

const INITIAL = `
<p>Eerste alinea over wonen.</p>
<ul><li><p>Punt een over mobiliteit.</p></li><li><p>Punt twee: de ${QUOTE} staat hier.</p></li><li><p>Punt drie over zorg.</p></li></ul>
<p>Tweede alinea over cultuur.</p>
<h2>Een kop</h2>
<p>Derde alinea over onderwijs.</p>`;

const INITIAL_IN_PARAGRAPH = INITIAL.replace(`<li><p>Punt twee: de ${QUOTE} staat hier.</p></li>`, '<li><p>Punt twee.</p></li>').replace(
  '<p>Tweede alinea over cultuur.</p>',
  `<p>Tweede alinea: de ${QUOTE} staat hier.</p>`,
);

function binding(editor: Editor) {
  const b = ySyncPluginKey.getState(editor.state)!.binding as { doc: import('yjs').Doc; type: import('yjs').XmlFragment; mapping: ProsemirrorMapping };
  return b;
}

/** Text blocks (paragraphs, headings) with their start position, in document order. */
function textBlocks(editor: Editor): { pos: number; size: number; text: string }[] {
  const out: { pos: number; size: number; text: string }[] = [];
  editor.state.doc.descendants((node, pos) => {
    if (node.isTextblock) {
      out.push({ pos, size: node.content.size, text: node.textContent });
      return false;
    }
    return true;
  });
  return out;
}

type Op = { kind: 'delete' | 'split' | 'join' | 'indent' | 'outdent' | 'move' | 'type'; peer: number; block: number; at: number; offline: boolean };

const op = fc.record({
  kind: fc.constantFrom<Op['kind']>('delete', 'split', 'join', 'indent', 'outdent', 'move', 'type'),
  peer: fc.integer({ min: 0, max: 1 }),
  block: fc.nat(20),
  at: fc.double({ min: 0, max: 1, noNaN: true }),
  offline: fc.boolean(),
});

/** One structural edit near (never inside) the commented sentence, as a person would make it. */
function apply(editor: Editor, o: Op): void {
  const blocks = textBlocks(editor);
  if (blocks.length === 0) return;
  const b = blocks[o.block % blocks.length]!;
  const ownsQuote = b.text.includes(QUOTE);
  const inside = b.pos + 1 + Math.round(o.at * b.size);
  const chain = editor.chain();
  switch (o.kind) {
    case 'delete':
      if (ownsQuote || blocks.length < 2) return;
      editor.commands.deleteRange({ from: b.pos, to: b.pos + b.size + 2 });
      return;
    case 'split': {
      if (ownsQuote) return;
      chain.setTextSelection(inside).splitBlock().run();
      return;
    }
    case 'join':
      chain.setTextSelection(b.pos + 1).joinBackward().run();
      return;
    case 'indent':
      chain.setTextSelection(b.pos + 1).sinkListItem('listItem').run();
      return;
    case 'outdent':
      chain.setTextSelection(b.pos + 1).liftListItem('listItem').run();
      return;
    case 'move': {
      if (ownsQuote || blocks.length < 3) return;
      const slice = editor.state.doc.slice(b.pos, b.pos + b.size + 2);
      editor.view.dispatch(editor.state.tr.delete(b.pos, b.pos + b.size + 2));
      const target = textBlocks(editor)[(o.block + 2) % (blocks.length - 1)];
      if (target) editor.view.dispatch(editor.state.tr.insert(target.pos, slice.content));
      return;
    }
    case 'type':
      if (ownsQuote) return;
      chain.setTextSelection(inside).insertContent(' nieuw').run();
  }
}

function run(initial: string, ops: Op[], resolve: typeof resolveThreadRange): string[] {
  const net = new Network();
  try {
    const a = net.add('a', 1);
    a.editor.commands.setContent(initial);
    const b = net.add('b', 2);
    const peers: Peer[] = [a, b];
    const start = textBlocks(a.editor).find((x) => x.text.includes(QUOTE))!;
    const from = start.pos + 1 + start.text.indexOf(QUOTE);
    const ba = binding(a.editor);
    const thread = { anchor: encodeAnchor(from, from + QUOTE.length, ba.type, ba.mapping), quote: QUOTE };

    for (const o of ops) {
      const peer = peers[o.peer]!;
      if (o.offline && peer.online) net.disconnect(peer);
      if (!o.offline && !peer.online) net.reconnect(peer);
      apply(peer.editor, o);
    }
    for (const p of peers) if (!p.online) net.reconnect(p);

    const problems: string[] = [];
    for (const p of peers) {
      const doc = p.editor.state.doc;
      const text = doc.textBetween(0, doc.content.size, ' ', ' ').replace(/\s+/g, ' ');
      if (!text.includes(QUOTE)) continue; // its text is gone: orphaned is right
      const bp = binding(p.editor);
      const range = resolve(thread, bp.doc, bp.type, bp.mapping, doc);
      const got = range ? doc.textBetween(range.from, range.to, ' ', ' ') : '(orphaned)';
      if (got !== QUOTE) problems.push(`${p.name}: "${got}" in "${text}"`);
    }
    return problems;
  } finally {
    net.destroy();
  }
}

/** What anchors did before: the Yjs relative positions alone. */
const anchorOnly: typeof resolveThreadRange = (thread, ydoc, fragment, mapping) => resolveAnchor(thread.anchor, ydoc, fragment, mapping);

describe('comment anchors under structure edits by two people', () => {
  it('never orphan a thread whose sentence is still in the document', () => {
    fc.assert(
      fc.property(fc.boolean(), fc.array(op, { minLength: 1, maxLength: 8 }), (inList, ops) => {
        expect(run(inList ? INITIAL : INITIAL_IN_PARAGRAPH, ops, resolveThreadRange)).toEqual([]);
      }),
      { numRuns: 80 },
    );
  }, 120_000);

  it('(the anchor alone loses such threads: deleting the list item before it, then joining)', () => {
    const ops: Op[] = [
      { kind: 'delete', peer: 0, block: 1, at: 0, offline: false },
      { kind: 'join', peer: 1, block: 1, at: 0, offline: false },
    ];
    const before = run(INITIAL, ops, anchorOnly);
    const after = run(INITIAL, ops, resolveThreadRange);
    expect(after).toEqual([]);
    expect(before.length).toBeGreaterThan(0);
  });
});
