import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { refusedEdits } from '../../client/src/editor/refused-edits';
import { SaveTracker } from '../../client/src/editor/save-state';
import { addMember, createDocumentFor } from '../helpers/api';
import { connectClient, destroyAll, synced } from '../helpers/clients';
import { startTestServer } from '../helpers/server';

let server: Awaited<ReturnType<typeof startTestServer>>;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server?.close());

function write(doc: Y.Doc, text: string) {
  const t = new Y.XmlText();
  t.insert(0, text);
  const p = new Y.XmlElement('paragraph');
  p.insert(0, [t]);
  doc.getXmlFragment('default').push([p]);
}

/** The tracker on a stock provider against the real server: what the browser's session runs. */
function tracked(documentId: string, token: string) {
  const client = connectClient(`ws://127.0.0.1:${server.port}/sync`, documentId, { token });
  const tracker = new SaveTracker(client.doc, client.provider, documentId);
  return { ...client, tracker };
}

describe('the server’s acknowledgement of local edits', () => {
  it('says saved only after the server holds an edit (items and deletions), saving before', async () => {
    const owner = await createDocumentFor(server.url);
    const a = tracked(owner.documentId, owner.token);
    try {
      await synced(a.provider);
      await expect.poll(() => a.tracker.current).toBe('saved');
      write(a.doc, 'Een zin die de server moet bevestigen.');
      expect(a.tracker.current).toBe('saving');
      expect(a.tracker.unconfirmed).toBe(true);
      await expect.poll(() => a.tracker.current).toBe('saved');

      // A deletion alone adds no item: the delete set must be confirmed too.
      const text = (a.doc.getXmlFragment('default').get(0) as Y.XmlElement).get(0) as Y.XmlText;
      text.delete(0, 4);
      expect(a.tracker.unconfirmed).toBe(true);
      await expect.poll(() => a.tracker.current).toBe('saved');

      // What a second client loads is what the tracker called saved.
      const b = connectClient(`ws://127.0.0.1:${server.port}/sync`, owner.documentId, { token: owner.token });
      await synced(b.provider);
      expect(b.doc.getXmlFragment('default').toString()).toBe(a.doc.getXmlFragment('default').toString());
      destroyAll(b.provider);
    } finally {
      a.tracker.destroy();
      destroyAll(a.provider);
    }
  });

  it('reports edits the server silently drops (a viewer’s socket) as refused, never as saved', async () => {
    const owner = await createDocumentFor(server.url);
    const viewer = await addMember(server.url, owner.token, owner.workspaceId, 'viewer');
    const v = tracked(owner.documentId, viewer.token);
    try {
      await synced(v.provider);
      write(v.doc, 'Dit wordt niet aanvaard.');
      await expect.poll(() => refusedEdits.current(owner.documentId)?.reason, { timeout: 10_000 }).toBe('not_accepted');
      expect(v.tracker.current).not.toBe('saved');
      expect(v.tracker.unconfirmed).toBe(true);
    } finally {
      v.tracker.destroy();
      destroyAll(v.provider);
      refusedEdits.clear(owner.documentId);
    }
  });
});
