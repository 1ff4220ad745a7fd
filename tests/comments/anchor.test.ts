import { getSchema } from '@tiptap/core';
import StarterKit from '@tiptap/starter-kit';
import { initProseMirrorDoc, prosemirrorJSONToYXmlFragment } from '@tiptap/y-tiptap';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { encodeAnchor, resolveAnchor, type EncodedAnchor } from '../../shared/comment-anchors';
import { addMember, call, createDocumentFor } from '../helpers/api';
import { connectClient, destroyAll, synced, waitFor } from '../helpers/clients';
import { startTestServer } from '../helpers/server';

const schema = getSchema([StarterKit.configure({ undoRedo: false })]);
const SENTENCE = 'Tweede zin over fietsstraten.';

let server: Awaited<ReturnType<typeof startTestServer>>;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server?.close());

/** What the anchor covers in `doc` right now, as a browser would compute it from its own copy. */
function anchoredText(doc: Y.Doc, anchor: EncodedAnchor): string | null {
  const fragment = doc.getXmlFragment('default');
  const { doc: pmDoc, mapping } = initProseMirrorDoc(fragment, schema);
  const range = resolveAnchor(anchor, doc, fragment, mapping);
  return range && pmDoc.textBetween(range.from, range.to);
}

function firstParagraphText(doc: Y.Doc): Y.XmlText {
  const paragraph = doc.getXmlFragment('default').get(0) as Y.XmlElement;
  return paragraph.get(0) as Y.XmlText;
}

describe('comment anchors (Yjs relative positions into the default fragment)', () => {
  it('keep pointing at their sentence through concurrent inserts and deletes by two clients, and orphan when it is deleted', async () => {
    const owner = await createDocumentFor(server.url);
    const editor = await addMember(server.url, owner.token, owner.workspaceId, 'editor', { name: 'Bert' });
    const wsUrl = `ws://127.0.0.1:${server.port}/sync`;
    const a = connectClient(wsUrl, owner.documentId, { token: owner.token });
    const b = connectClient(wsUrl, owner.documentId, { token: editor.token });
    try {
      await Promise.all([synced(a.provider), synced(b.provider)]);
      prosemirrorJSONToYXmlFragment(
        schema,
        {
          type: 'doc',
          content: [
            { type: 'paragraph', content: [{ type: 'text', text: `Eerste zin. ${SENTENCE} Derde zin.` }] },
            { type: 'paragraph', content: [{ type: 'text', text: 'Slot.' }] },
          ],
        },
        a.doc.getXmlFragment('default'),
      );
      await waitFor(() => b.doc.getXmlFragment('default').length === 2, 5000, 'content reaches B');

      // A comments on the sentence; the anchor goes through the API and comes back as stored.
      const fragment = a.doc.getXmlFragment('default');
      const { doc: pmDoc, mapping } = initProseMirrorDoc(fragment, schema);
      let from = -1;
      pmDoc.descendants((node, pos) => {
        const i = node.isText ? node.text!.indexOf(SENTENCE) : -1;
        if (i >= 0) from = pos + i;
      });
      expect(from).toBeGreaterThan(0);
      const created = await call(server.url, 'POST', `/api/documents/${owner.documentId}/comments`, {
        token: owner.token,
        body: { anchor: encodeAnchor(from, from + SENTENCE.length, fragment, mapping), quote: SENTENCE, body: 'Welke straten?' },
      });
      expect(created.status).toBe(201);
      const listed = await call(server.url, 'GET', `/api/documents/${owner.documentId}/comments`, { token: editor.token });
      const anchor = listed.body.threads[0].anchor as EncodedAnchor;
      expect(anchoredText(b.doc, anchor)).toBe(SENTENCE);

      // Concurrent edits (same tick, before either side hears of the other's): A adds a
      // paragraph in front and text at the start; B deletes the first sentence, inserts
      // right before the commented one, and appends after it.
      const aText = firstParagraphText(a.doc);
      const intro = new Y.XmlElement('paragraph');
      intro.insert(0, [new Y.XmlText('Inleiding.')]);
      a.doc.transact(() => {
        a.doc.getXmlFragment('default').insert(0, [intro]);
        aText.insert(0, 'Vooraf. ');
      });
      const bText = firstParagraphText(b.doc);
      b.doc.transact(() => {
        bText.delete(0, 'Eerste zin. '.length);
        bText.insert(0, 'Ingevoegd. ');
        bText.insert(bText.length, ' Nog een zin.');
      });
      const same = () =>
        JSON.stringify(a.doc.getXmlFragment('default').toJSON()) === JSON.stringify(b.doc.getXmlFragment('default').toJSON());
      await waitFor(() => same() && a.doc.getXmlFragment('default').length === 3, 5000, 'clients converge');

      const text = a.doc.getXmlFragment('default').toJSON();
      expect(text).not.toContain('Eerste zin.');
      expect(text).toContain('Inleiding.');
      expect(text).toContain('Vooraf. ');
      expect(text).toContain('Ingevoegd. ');
      expect(text).toContain('Nog een zin.');
      expect(anchoredText(a.doc, anchor)).toBe(SENTENCE);
      expect(anchoredText(b.doc, anchor)).toBe(SENTENCE);

      // B deletes the sentence: the anchor no longer covers anything on either side…
      const para = b.doc.getXmlFragment('default').get(1) as Y.XmlElement;
      const pText = para.get(0) as Y.XmlText;
      const at = pText.toString().indexOf(SENTENCE);
      expect(at).toBeGreaterThanOrEqual(0);
      pText.delete(at, SENTENCE.length);
      await waitFor(() => !a.doc.getXmlFragment('default').toJSON().includes(SENTENCE), 5000, 'deletion reaches A');
      expect(anchoredText(a.doc, anchor)).toBeNull();
      expect(anchoredText(b.doc, anchor)).toBeNull();
      // …and the thread, with its quote, is still there to be shown as orphaned.
      const after = await call(server.url, 'GET', `/api/documents/${owner.documentId}/comments`, { token: owner.token });
      expect(after.body.threads).toHaveLength(1);
      expect(after.body.threads[0].quote).toBe(SENTENCE);
    } finally {
      destroyAll(a.provider, b.provider);
    }
  });
});
