import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { JSONContent } from '@tiptap/core';
import { docJSONToYUpdate, yDocToDocJSON } from '../../server/export/prosemirror';
import type { AuthorshipRun } from '../../server/versions/authorship-repository';
import { diffStates } from '../../server/versions/diff';
import { RunIndex } from '../../server/versions/run-index';
import { changedRanges } from '../../server/versions/update-ranges';
import { bringBack, stateToDocJSON } from '../../server/versions/version-content';
import { changedRuns as changes } from './helpers';

const p = (...content: JSONContent[]): JSONContent => ({ type: 'paragraph', content });
const t = (text: string, marks?: JSONContent['marks']): JSONContent => (marks ? { type: 'text', text, marks } : { type: 'text', text });

/** A document whose edits are recorded the way the sync path records them: per person, from the transaction's update. */
function recordedDoc(initial: JSONContent[]) {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, docJSONToYUpdate({ type: 'doc', content: initial }));
  const runs: AuthorshipRun[] = [];
  doc.on('update', (update: Uint8Array, origin: unknown) => {
    if (typeof origin !== 'string') return;
    const { inserted, deleted } = changedRanges(update);
    for (const r of inserted) runs.push({ kind: 'insert', client: r.client, start: r.start, end: r.end, userId: origin, lastAt: 0 });
    for (const r of deleted) runs.push({ kind: 'delete', client: r.client, start: r.start, end: r.end, userId: origin, lastAt: 0 });
  });
  const paragraph = (i: number) => doc.getXmlFragment('default').get(i) as Y.XmlElement;
  const text = (i: number) => paragraph(i).get(0) as Y.XmlText;
  return { doc, runs, paragraph, text };
}

describe('diff of two states with who changed what', () => {
  it('names the person of every inserted and deleted run, three people in one paragraph', () => {
    const d = recordedDoc([p(t('De stad investeert in fietspaden.')), p(t('Tweede alinea blijft.'))]);
    const v1 = Y.encodeStateAsUpdate(d.doc);
    d.doc.transact(() => d.text(0).insert(8, 'Gent '), 'karim');
    d.doc.transact(() => d.text(0).delete(27, 10), 'anna');
    d.doc.transact(() => d.text(1).insert(0, 'Nieuw: ', { bold: {} }), 'jan');
    const v2 = Y.encodeStateAsUpdate(d.doc);
    const { content, counts } = diffStates(v1, v2, new RunIndex(d.runs));
    expect(changes(content)).toEqual([
      ['added', 'karim', 'Gent '],
      ['removed', 'anna', 'fietspaden'],
      ['added', 'jan', 'Nieuw: '],
    ]);
    const jan = content.content[1]!.content![0]!;
    expect(jan.marks!.map((m) => m.type)).toEqual(['bold', 'versionChange']);
    expect(Object.fromEntries(counts)).toEqual({ karim: { added: 5, removed: 0 }, anna: { added: 0, removed: 10 }, jan: { added: 7, removed: 0 } });
  });

  it('marks whole paragraphs added and removed, with their text', () => {
    const d = recordedDoc([p(t('Eerste.')), p(t('Weg ermee.'))]);
    const v1 = Y.encodeStateAsUpdate(d.doc);
    d.doc.transact(() => d.doc.getXmlFragment('default').delete(1, 1), 'anna');
    d.doc.transact(() => {
      const para = new Y.XmlElement('paragraph');
      para.insert(0, [new Y.XmlText('Erbij.')]);
      d.doc.getXmlFragment('default').insert(1, [para]);
    }, 'karim');
    const { content } = diffStates(v1, Y.encodeStateAsUpdate(d.doc), new RunIndex(d.runs));
    expect(content.content.map((n) => [n.attrs?.change?.kind ?? 'same', n.attrs?.change?.by ?? null])).toEqual([
      ['same', null],
      ['added', 'karim'],
      ['removed', 'anna'],
    ]);
  });

  it('splits one merged Yjs item when someone else continued under the same client id (no forged credit)', () => {
    const d = recordedDoc([p(t('Begin.'))]);
    const v1 = Y.encodeStateAsUpdate(d.doc);
    d.doc.transact(() => d.text(0).insert(6, ' Karim schreef dit.'), 'karim');
    // Another person's client reuses the same client id (a raw client can pick any id):
    // Yjs merges the two runs into one item, the runs keep them apart.
    d.doc.transact(() => d.text(0).insert(25, ' Mallory niet.'), 'mallory');
    const { content } = diffStates(v1, Y.encodeStateAsUpdate(d.doc), new RunIndex(d.runs));
    expect(changes(content)).toEqual([
      ['added', 'karim', ' Karim schreef dit.'],
      ['added', 'mallory', ' Mallory niet.'],
    ]);
  });

  it('says null for changes nobody is recorded for, and nothing when both ends are equal', () => {
    const d = recordedDoc([p(t('Tekst.'))]);
    const v1 = Y.encodeStateAsUpdate(d.doc);
    d.doc.transact(() => d.text(0).insert(0, 'Ongekend '), null);
    const v2 = Y.encodeStateAsUpdate(d.doc);
    expect(changes(diffStates(v1, v2, new RunIndex(d.runs)).content)).toEqual([['added', null, 'Ongekend ']]);
    expect(changes(diffStates(v2, v2, new RunIndex(d.runs)).content)).toEqual([]);
  });
});

describe('bringing an old state back as a new change', () => {
  const rich: JSONContent[] = [
    { type: 'heading', attrs: { level: 2 }, content: [t('Mobiliteit')] },
    p(t('Fietsen is '), t('gezond', [{ type: 'bold' }]), t(' en '), t('snel', [{ type: 'link', attrs: { href: 'https://gent.be' } }])),
    { type: 'bulletList', content: [{ type: 'listItem', content: [p(t('een'))] }, { type: 'listItem', content: [p(t('twee'))] }] },
    {
      type: 'table',
      content: [{ type: 'tableRow', content: [{ type: 'tableCell', content: [p(t('cel'))] }, { type: 'tableCell', content: [p(t('b'))] }] }],
    },
  ];

  it('makes the content exactly the old one, keeps unchanged text as it was, and rewrites no history', () => {
    const d = recordedDoc(rich);
    const v1 = Y.encodeStateAsUpdate(d.doc);
    const untouched = (d.text(0).toDelta() as { insert: string }[])[0]!.insert;
    d.doc.transact(() => {
      d.text(1).insert(0, 'Nu: ');
      d.doc.getXmlFragment('default').delete(2, 1);
      const para = new Y.XmlElement('paragraph');
      para.insert(0, [new Y.XmlText('Slot.')]);
      d.doc.getXmlFragment('default').insert(3, [para]);
    }, 'karim');
    const svBefore = Y.encodeStateVector(d.doc);
    const other = new Y.Doc();
    Y.applyUpdate(other, Y.encodeStateAsUpdate(d.doc));
    const update = bringBack(d.doc, v1, { restore: true });
    expect(update).not.toBeNull();
    expect(yDocToDocJSON(d.doc)).toEqual(stateToDocJSON(v1));
    // The heading is the very same Yjs text, not a copy: its author and anchors stay.
    expect((d.text(0).toDelta() as { insert: string }[])[0]!.insert).toBe(untouched);
    const headingItem = d.paragraph(0)._item!;
    expect(headingItem.deleted).toBe(false);
    // Only new changes: every earlier change is still in the document's history.
    const after = Y.decodeStateVector(Y.encodeStateVector(d.doc));
    for (const [client, clock] of Y.decodeStateVector(svBefore)) expect(after.get(client)!).toBeGreaterThanOrEqual(clock);
    // A replica that receives only the restore's update converges.
    Y.applyUpdate(other, update!);
    expect(yDocToDocJSON(other)).toEqual(stateToDocJSON(v1));
  });

  it('is a no-op (no update) when the content already is the old one', () => {
    const d = recordedDoc(rich);
    expect(bringBack(d.doc, Y.encodeStateAsUpdate(d.doc), { restore: true })).toBeNull();
  });
});
