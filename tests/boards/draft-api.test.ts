/**
 * "Maak aanbevelingen" and the board export through the real API: a board filled by stock
 * clients becomes a new recommendation whose content a fresh client loads from the server.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { startTestServer } from '../helpers/server';
import type { RunningServer } from '../../server/server';
import { addMember, call, createDocument, createDocumentFor } from '../helpers/api';
import { connectClient, destroyAll, synced, waitFor } from '../helpers/clients';
import * as ops from '../../client/src/board/board-doc';

let server: RunningServer;
let wsUrl: string;

beforeAll(async () => {
  server = await startTestServer();
  wsUrl = server.url.replace('http', 'ws') + '/sync';
});
afterAll(() => server.close());

/** A board with two columns; "Deelfietsen" gets 2 votes, "Trage wegen" 1, "Parkeren" none. */
async function filledBoard() {
  const owner = await createDocumentFor(server.url, { kind: 'board', title: 'Mobiliteit' });
  const member = await addMember(server.url, owner.token, owner.workspaceId, 'editor', { name: 'Bram', organization: 'Stad Leuven' });
  const a = connectClient(wsUrl, owner.documentId, { token: owner.token });
  const b = connectClient(wsUrl, owner.documentId, { token: member.token });
  await Promise.all([synced(a.provider), synced(b.provider)]);
  const kansen = ops.addColumn(a.doc, 'Kansen');
  const zorgen = ops.addColumn(a.doc, 'Zorgen');
  ops.addCard(a.doc, { columnId: kansen, text: 'Parkeren', authorId: owner.userId, order: 1 });
  const trage = ops.addCard(a.doc, { columnId: kansen, text: 'Trage wegen', authorId: owner.userId, order: 2 });
  const deel = ops.addCard(a.doc, { columnId: kansen, text: 'Deelfietsen', authorId: owner.userId, order: 3 });
  ops.addCard(a.doc, { columnId: zorgen, text: 'Budget', authorId: owner.userId, order: 1 });
  await waitFor(() => b.doc.getMap('cards').size === 4, 5_000, 'cards at B');
  ops.vote(b.doc, deel, member.user.id);
  ops.vote(b.doc, deel, member.user.id);
  ops.vote(a.doc, trage, owner.userId);
  await waitFor(() => votesOn(a.doc, deel) === 2 && votesOn(b.doc, trage) === 1, 5_000, 'votes synced');
  destroyAll(a.provider, b.provider);
  return { ...owner, member };
}

function votesOn(doc: Y.Doc, cardId: string): number {
  const votes = doc.getMap<Y.Map<unknown>>('cards').get(cardId)?.get('votes');
  return votes instanceof Y.Map ? [...votes.values()].reduce((s: number, n) => s + (n as number), 0) : 0;
}

describe('POST /api/documents/:did/draft', () => {
  it('creates a recommendation with a heading per column and cards by votes, and records the event', async () => {
    const board = await filledBoard();
    const res = await call(server.url, 'POST', `/api/documents/${board.documentId}/draft`, { token: board.member.token });
    expect(res.status).toBe(201);
    expect(res.body.document).toMatchObject({ kind: 'recommendation', workspaceId: board.workspaceId, title: 'Aanbevelingen uit Mobiliteit' });

    const md = await call(server.url, 'GET', `/api/documents/${res.body.document.id}/export?format=markdown`, { token: board.token });
    expect(md.status).toBe(200);
    const lines = (md.body as string).split('\n').filter((l) => l.trim() !== '');
    const headings = lines.filter((l) => l.startsWith('## '));
    expect(headings).toEqual(['## Kansen', '## Zorgen']);
    const items = lines.filter((l) => /^\d+\. /.test(l));
    expect(items).toEqual(['1. Deelfietsen — 2 stemmen', '2. Trage wegen — 1 stem', '3. Parkeren — 0 stemmen', '1. Budget — 0 stemmen']);

    // A stock client opening the new document gets the same content from the server.
    const reader = connectClient(wsUrl, res.body.document.id, { token: board.token });
    await synced(reader.provider);
    expect(reader.doc.getXmlFragment('default').toString()).toContain('Deelfietsen — 2 stemmen');
    destroyAll(reader.provider);

    const activity = await call(server.url, 'GET', `/api/workspaces/${board.workspaceId}/activity`, { token: board.token });
    expect(activity.body.events).toContainEqual(
      expect.objectContaining({ type: 'document.created', subject: res.body.document.id, actor: expect.objectContaining({ id: board.member.user.id }) }),
    );
  });

  it('is for editors and owners, only for boards, and 404 for outsiders', async () => {
    const board = await createDocumentFor(server.url, { kind: 'board' });
    const commenter = await addMember(server.url, board.token, board.workspaceId, 'commenter');
    const forbidden = await call(server.url, 'POST', `/api/documents/${board.documentId}/draft`, { token: commenter.token });
    expect(forbidden.status).toBe(403);
    expect(forbidden.body.error.code).toBe('forbidden');

    const note = await createDocument(server.url, board.token, board.workspaceId, { kind: 'note' });
    const notBoard = await call(server.url, 'POST', `/api/documents/${note.id}/draft`, { token: board.token });
    expect(notBoard.status).toBe(409);
    expect(notBoard.body.error.code).toBe('not_a_board');

    const outsider = await createDocumentFor(server.url);
    const hidden = await call(server.url, 'POST', `/api/documents/${board.documentId}/draft`, { token: outsider.token });
    expect(hidden.status).toBe(404);
    const anonymous = await call(server.url, 'POST', `/api/documents/${board.documentId}/draft`);
    expect(anonymous.status).toBe(401);

    // An empty board still gives a valid draft.
    const empty = await call(server.url, 'POST', `/api/documents/${board.documentId}/draft`, { token: board.token });
    expect(empty.status).toBe(201);
  });
});

describe('board export', () => {
  it('gives JSON, Markdown and HTML with honest counts, most votes first', async () => {
    const board = await filledBoard();
    const path = `/api/documents/${board.documentId}/export?format=`;
    const json = await call(server.url, 'GET', path + 'json', { token: board.token });
    expect(json.headers.get('content-type')).toContain('application/json');
    expect(json.body.title).toBe('Mobiliteit');
    expect(json.body.columns.map((c: { title: string }) => c.title)).toEqual(['Kansen', 'Zorgen']);
    expect(json.body.columns[0].cards.map((c: { text: string; votes: number }) => [c.text, c.votes])).toEqual([
      ['Deelfietsen', 2],
      ['Trage wegen', 1],
      ['Parkeren', 0],
    ]);

    const md = await call(server.url, 'GET', path + 'markdown', { token: board.token });
    expect(md.headers.get('content-type')).toContain('text/markdown');
    expect(md.body).toContain('## Kansen');
    expect(md.body).toMatch(/- Deelfietsen \(2 stemmen\)\n+- Trage wegen \(1 stem\)/);

    const html = await call(server.url, 'GET', path + 'html', { token: board.token });
    expect(html.headers.get('content-type')).toContain('text/html');
    expect(html.body).toMatch(/<h2>Kansen<\/h2>\s*<ul>\s*<li>\s*(<p>)?Deelfietsen \(2 stemmen\)/);
  });
});
