import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createDocument } from '../helpers/api';
import { waitFor } from '../helpers/clients';
import { startTestServer } from '../helpers/server';
import { SseClient } from '../helpers/sse';
import { castOfRoles, sampleAnchor, startThread, type Cast } from '../comments/fixtures';

let server: Awaited<ReturnType<typeof startTestServer>>;
let cast: Cast;
beforeAll(async () => {
  server = await startTestServer();
  cast = await castOfRoles(server.url);
});
afterAll(() => server?.close());

const post = (body: unknown, token = cast.commenter.token) =>
  call(server.url, 'POST', `/api/documents/${cast.documentId}/comments`, { token, body });

describe('comments: validation and error shapes', () => {
  it('refuses bad threads with 422 naming the field, and never with a 500', async () => {
    const good = { anchor: sampleAnchor(), quote: 'Fietsstraten', body: 'Vraag' };
    const cases: [unknown, string][] = [
      [{ ...good, body: '   ' }, 'body'],
      [{ ...good, body: 'x'.repeat(5001) }, 'body'],
      [{ ...good, body: 'bel\u0007' }, 'body'],
      [{ ...good, quote: '' }, 'quote'],
      [{ ...good, anchor: { start: 'niet base64!', end: good.anchor.end } }, 'anchor.start'],
      [{ ...good, anchor: { start: good.anchor.start, end: 'aGVsbG8=' } }, 'anchor.end'],
      [{ ...good, anchor: { start: good.anchor.start } }, 'anchor.end'],
      [{ quote: 'q', body: 'b' }, 'anchor'],
      [{ ...good, mentions: [cast.outsider.user.id] }, 'mentions.0'],
      [{ ...good, mentions: 'iedereen' }, 'mentions'],
    ];
    for (const [body, field] of cases) {
      const res = await post(body);
      expect(res.status, JSON.stringify(body).slice(0, 80)).toBe(422);
      expect(res.body.error).toMatchObject({ code: 'invalid_field', field });
      expect(typeof res.body.error.message).toBe('string');
    }
    const malformed = await call(server.url, 'POST', `/api/documents/${cast.documentId}/comments`, {
      token: cast.commenter.token,
      rawBody: '{"anchor":',
    });
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.code).toBe('malformed_json');
    const threads = (await call(server.url, 'GET', `/api/documents/${cast.documentId}/comments`, { token: cast.owner.token })).body.threads;
    expect(threads).toEqual([]);
  });

  it('answers 404 for unknown threads, replies and documents, and 422 for empty patches', async () => {
    const thread = await startThread(server.url, cast.documentId, cast.commenter.token);
    const unknown = await call(server.url, 'POST', '/api/comments/bestaat-niet/replies', { token: cast.owner.token, body: { body: 'x' } });
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.code).toBe('not_found');
    const noReply = await call(server.url, 'PATCH', `/api/comments/${thread.id}/replies/bestaat-niet`, { token: cast.owner.token, body: { body: 'x' } });
    expect(noReply.status).toBe(404);
    const noDoc = await call(server.url, 'GET', '/api/documents/bestaat-niet/comments', { token: cast.owner.token });
    expect(noDoc.status).toBe(404);
    const empty = await call(server.url, 'PATCH', `/api/comments/${thread.id}`, { token: cast.commenter.token, body: {} });
    expect(empty.status).toBe(422);
    const wrongType = await call(server.url, 'PATCH', `/api/comments/${thread.id}`, { token: cast.commenter.token, body: { resolved: 'ja' } });
    expect(wrongType.status).toBe(422);
    expect(wrongType.body.error.field).toBe('resolved');
    const board = await createDocument(server.url, cast.owner.token, cast.workspaceId, { title: 'Bord', kind: 'board' });
    const onBoard = await call(server.url, 'POST', `/api/documents/${board.id}/comments`, {
      token: cast.commenter.token,
      body: { anchor: sampleAnchor(), quote: 'q', body: 'b' },
    });
    expect(onBoard.status).toBe(422);
    expect(onBoard.body.error.field).toBe('anchor');
  });
});

describe('comments: events and mention notifications', () => {
  it('records comment.created/replied/resolved/mentioned for the workspace stream, and notifies the mentioned member', async () => {
    const sse = new SseClient(`${server.url}/api/workspaces/${cast.workspaceId}/events`, { authorization: `Bearer ${cast.viewer.token}` });
    expect((await sse.opened).status).toBe(200);
    await waitFor(() => sse.comments.includes('connected'), 5000, 'stream open');
    const ofComments = () => sse.events().filter((e) => e.type.startsWith('comment.'));
    try {
      const created = await post({ anchor: sampleAnchor(), quote: 'Fietsstraten', body: '@Eddy Redacteur kijk jij even?', mentions: [cast.editor.user.id] });
      expect(created.status).toBe(201);
      const threadId = created.body.thread.id as string;
      expect(created.body.thread.mentions).toEqual([cast.editor.user.id]);
      const reply = await call(server.url, 'POST', `/api/comments/${threadId}/replies`, {
        token: cast.editor.token,
        body: { body: '@Carla Commentaar en @Olivia Eigenaar: de Veldstraat', mentions: [cast.commenter.user.id, cast.owner.user.id, cast.editor.user.id] },
      });
      expect(reply.status).toBe(201);
      expect((await call(server.url, 'PATCH', `/api/comments/${threadId}`, { token: cast.owner.token, body: { resolved: true } })).status).toBe(200);
      await waitFor(() => ofComments().some((e) => e.type === 'comment.resolved'), 5000, 'resolved event');

      const seen = ofComments().map((e) => [e.type, e.data.mentionedUserId ?? null]);
      // Mentioning oneself notifies nobody.
      expect(seen).toEqual([
        ['comment.created', null],
        ['comment.mentioned', cast.editor.user.id],
        ['comment.replied', null],
        ['comment.mentioned', cast.commenter.user.id],
        ['comment.mentioned', cast.owner.user.id],
        ['comment.resolved', null],
      ]);
      for (const e of ofComments()) {
        expect(e.subject).toBe(threadId);
        expect(e.data).toMatchObject({ documentId: cast.documentId, threadId });
      }
      expect(ofComments()[1]!.data).toEqual({ mentionedUserId: cast.editor.user.id, documentId: cast.documentId, threadId });
      expect(ofComments()[5]!.data.resolved).toBe(true);

      const eddy = await call(server.url, 'GET', '/api/notifications', { token: cast.editor.token });
      expect(eddy.status).toBe(200);
      expect(eddy.body.unread).toBe(1);
      expect(eddy.body.notifications[0]).toMatchObject({
        type: 'mention',
        workspaceId: cast.workspaceId,
        documentId: cast.documentId,
        documentTitle: 'Aanbeveling mobiliteit',
        threadId,
        read: false,
        excerpt: '@Eddy Redacteur kijk jij even?',
      });
      expect(eddy.body.notifications[0].actor.id).toBe(cast.commenter.user.id);
      const viewer = await call(server.url, 'GET', '/api/notifications', { token: cast.viewer.token });
      expect(viewer.body).toEqual({ notifications: [], unread: 0, nextCursor: null });

      // Marking someone else's notification read changes nothing; marking one's own does.
      const foreign = await call(server.url, 'POST', '/api/notifications/read', { token: cast.viewer.token, body: { ids: [eddy.body.notifications[0].id] } });
      expect(foreign.status).toBe(200);
      expect((await call(server.url, 'GET', '/api/notifications', { token: cast.editor.token })).body.unread).toBe(1);
      const read = await call(server.url, 'POST', '/api/notifications/read', { token: cast.editor.token, body: { ids: [eddy.body.notifications[0].id] } });
      expect(read.body).toEqual({ unread: 0 });
      const again = await call(server.url, 'GET', '/api/notifications', { token: cast.editor.token });
      expect(again.body.notifications[0].read).toBe(true);

      const olivia = await call(server.url, 'GET', '/api/notifications', { token: cast.owner.token });
      expect(olivia.body.unread).toBe(1);
      expect((await call(server.url, 'POST', '/api/notifications/read', { token: cast.owner.token, body: { all: true } })).body).toEqual({ unread: 0 });
      const bad = await call(server.url, 'POST', '/api/notifications/read', { token: cast.owner.token, body: { all: false } });
      expect(bad.status).toBe(422);
      expect((await call(server.url, 'GET', '/api/notifications')).status).toBe(401);

      // Someone removed from the workspace no longer sees what it said about them.
      const removed = await call(server.url, 'DELETE', `/api/workspaces/${cast.workspaceId}/members/${cast.commenter.user.id}`, { token: cast.owner.token });
      expect(removed.status).toBe(204);
      expect((await call(server.url, 'GET', '/api/notifications', { token: cast.commenter.token })).body).toEqual({ notifications: [], unread: 0, nextCursor: null });
    } finally {
      sse.close();
    }
  });
});
