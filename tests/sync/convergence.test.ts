import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { roundTrip, settled } from '../helpers/barrier';
import { connectClient, destroyAll, synced, waitFor } from '../helpers/clients';
import { createDocumentFor } from '../helpers/api';
import { startTestServer } from '../helpers/server';

let server: Awaited<ReturnType<typeof startTestServer>>;
let wsUrl: string;

beforeAll(async () => {
  server = await startTestServer();
  wsUrl = `ws://127.0.0.1:${server.port}/sync`;
});
afterAll(() => server.close());

/** Every socket needs a signed-in member: one owner per document, both clients as that owner. */
const docs = new Map<string, Promise<{ token: string; documentId: string }>>();
async function client(name: string) {
  if (!docs.has(name)) docs.set(name, createDocumentFor(server.url));
  const { token, documentId } = await docs.get(name)!;
  return connectClient(wsUrl, documentId, { token });
}

describe('two stock y-websocket clients', () => {
  it('converge on Y.Text edits from both sides', async () => {
    const a = await client('text-doc');
    const b = await client('text-doc');
    await Promise.all([synced(a.provider), synced(b.provider)]);
    a.doc.getText('t').insert(0, 'Hallo ');
    b.doc.getText('t').insert(0, 'Gent');
    await waitFor(() => a.doc.getText('t').length === 10 && b.doc.getText('t').length === 10, 5000, 'both edits');
    expect(a.doc.getText('t').toString()).toBe(b.doc.getText('t').toString());
    destroyAll(a.provider, b.provider);
  });

  it('converge on XmlFragment("default") edits and a late joiner gets the full state', async () => {
    const a = await client('xml-doc');
    const b = await client('xml-doc');
    await Promise.all([synced(a.provider), synced(b.provider)]);
    const heading = new Y.XmlElement('heading');
    heading.setAttribute('level', '1');
    heading.insert(0, [new Y.XmlText('Aanbevelingen')]);
    a.doc.getXmlFragment('default').insert(0, [heading]);
    const para = new Y.XmlElement('paragraph');
    para.insert(0, [new Y.XmlText('Steden werken samen.')]);
    b.doc.getXmlFragment('default').insert(0, [para]);
    await waitFor(
      () => a.doc.getXmlFragment('default').length === 2 && b.doc.getXmlFragment('default').length === 2,
      5000,
      'both blocks',
    );
    expect(a.doc.getXmlFragment('default').toString()).toBe(b.doc.getXmlFragment('default').toString());

    const late = await client('xml-doc');
    await synced(late.provider);
    expect(late.doc.getXmlFragment('default').toString()).toBe(a.doc.getXmlFragment('default').toString());
    expect(late.doc.getXmlFragment('default').toString()).toContain('Aanbevelingen');
    destroyAll(a.provider, b.provider, late.provider);
  });

  it('merges edits made while a client was disconnected', async () => {
    const a = await client('offline-doc');
    const b = await client('offline-doc');
    await Promise.all([synced(a.provider), synced(b.provider)]);
    a.doc.getText('t').insert(0, 'start.');
    await waitFor(() => b.doc.getText('t').toString() === 'start.', 5000, 'first edit');

    b.provider.disconnect();
    b.doc.getText('t').insert(6, ' offline-B');
    a.doc.getText('t').insert(0, 'online-A ');
    await roundTrip(a.provider); // whatever reached the server before A's round trip has reached A
    expect(a.doc.getText('t').toString()).not.toContain('offline-B');

    b.provider.connect();
    await waitFor(
      () => a.doc.getText('t').toString().includes('offline-B') && b.doc.getText('t').toString().includes('online-A'),
      5000,
      'offline merge',
    );
    expect(a.doc.getText('t').toString()).toBe(b.doc.getText('t').toString());
    destroyAll(a.provider, b.provider);
  });

  it('keeps documents apart', async () => {
    const a = await client('room-one');
    const b = await client('room-two');
    await Promise.all([synced(a.provider), synced(b.provider)]);
    a.doc.getText('t').insert(0, 'alleen in één');
    await settled(a.provider, b.provider); // A's edit is handled; anything broadcast to B has arrived
    expect(b.doc.getText('t').toString()).toBe('');
    destroyAll(a.provider, b.provider);
  });
});
