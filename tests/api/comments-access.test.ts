import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call } from '../helpers/api';
import { startTestServer } from '../helpers/server';
import { castOfRoles, sampleAnchor, startThread, type Cast } from '../comments/fixtures';

let server: Awaited<ReturnType<typeof startTestServer>>;
let cast: Cast;
beforeAll(async () => {
  server = await startTestServer();
  cast = await castOfRoles(server.url);
});
afterAll(() => server?.close());

type Who = 'owner' | 'editor' | 'commenter' | 'viewer' | 'outsider';
const EVERYONE: Who[] = ['owner', 'editor', 'commenter', 'viewer', 'outsider'];
const token = (who: Who | 'commenter2') => cast[who].token;

/** Runs `act` as each person and returns the statuses, so one expectation shows the whole row of the matrix. */
async function row(act: (who: Who) => Promise<number>): Promise<Record<Who, number>> {
  const out = {} as Record<Who, number>;
  for (const who of EVERYONE) out[who] = await act(who);
  return out;
}

describe('comments: who may do what (roles × actions)', () => {
  it('reads: every member, nobody outside (404, as if the document did not exist); signed out is 401', async () => {
    await startThread(server.url, cast.documentId, token('commenter'));
    const statuses = await row(async (who) => (await call(server.url, 'GET', `/api/documents/${cast.documentId}/comments`, { token: token(who) })).status);
    expect(statuses).toEqual({ owner: 200, editor: 200, commenter: 200, viewer: 200, outsider: 404 });
    const anon = await call(server.url, 'GET', `/api/documents/${cast.documentId}/comments`);
    expect(anon.status).toBe(401);
    expect(anon.body.error.code).toBe('unauthenticated');
  });

  it('starts threads: commenter and up; a viewer gets 403 and nothing is stored', async () => {
    const before = (await call(server.url, 'GET', `/api/documents/${cast.documentId}/comments`, { token: token('owner') })).body.threads.length;
    const statuses = await row(
      async (who) =>
        (
          await call(server.url, 'POST', `/api/documents/${cast.documentId}/comments`, {
            token: token(who),
            body: { anchor: sampleAnchor(), quote: 'Fietsstraten', body: `Vraag van ${who}` },
          })
        ).status,
    );
    expect(statuses).toEqual({ owner: 201, editor: 201, commenter: 201, viewer: 403, outsider: 404 });
    const threads = (await call(server.url, 'GET', `/api/documents/${cast.documentId}/comments`, { token: token('viewer') })).body.threads;
    expect(threads.length).toBe(before + 3);
    expect(threads.map((t: { body: string }) => t.body)).not.toContain('Vraag van viewer');
  });

  it('replies: commenter and up, on any thread', async () => {
    const thread = await startThread(server.url, cast.documentId, token('owner'));
    const statuses = await row(
      async (who) => (await call(server.url, 'POST', `/api/comments/${thread.id}/replies`, { token: token(who), body: { body: `Antwoord van ${who}` } })).status,
    );
    expect(statuses).toEqual({ owner: 201, editor: 201, commenter: 201, viewer: 403, outsider: 404 });
  });

  it("resolves someone else's thread: editor and up only; the thread's author may resolve and reopen their own", async () => {
    const statuses = await row(async (who) => {
      const thread = await startThread(server.url, cast.documentId, token('commenter2'));
      return (await call(server.url, 'PATCH', `/api/comments/${thread.id}`, { token: token(who), body: { resolved: true } })).status;
    });
    expect(statuses).toEqual({ owner: 200, editor: 200, commenter: 403, viewer: 403, outsider: 404 });

    const own = await startThread(server.url, cast.documentId, token('commenter'));
    const resolved = await call(server.url, 'PATCH', `/api/comments/${own.id}`, { token: token('commenter'), body: { resolved: true } });
    expect(resolved.status).toBe(200);
    expect(resolved.body.thread.resolved).toBe(true);
    expect(resolved.body.thread.resolvedBy.id).toBe(cast.commenter.user.id);
    const reopened = await call(server.url, 'PATCH', `/api/comments/${own.id}`, { token: token('commenter'), body: { resolved: false } });
    expect(reopened.body.thread).toMatchObject({ resolved: false, resolvedBy: null, resolvedAt: null });
  });

  it('edits and deletes a comment: its author only, whatever the role of anyone else', async () => {
    const thread = await startThread(server.url, cast.documentId, token('commenter'));
    const edits = await row(async (who) => (await call(server.url, 'PATCH', `/api/comments/${thread.id}`, { token: token(who), body: { body: 'overschreven' } })).status);
    expect(edits).toEqual({ owner: 403, editor: 403, commenter: 200, viewer: 403, outsider: 404 });
    const edited = await call(server.url, 'GET', `/api/documents/${cast.documentId}/comments`, { token: token('owner') });
    const mine = edited.body.threads.find((t: { id: string }) => t.id === thread.id);
    expect(mine.body).toBe('overschreven');
    expect(mine.editedAt).not.toBeNull();

    const reply = (await call(server.url, 'POST', `/api/comments/${thread.id}/replies`, { token: token('editor'), body: { body: 'Eerste versie' } })).body.reply;
    const replyPath = `/api/comments/${thread.id}/replies/${reply.id}`;
    const replyEdits = await row(async (who) => (await call(server.url, 'PATCH', replyPath, { token: token(who), body: { body: 'Tweede versie' } })).status);
    expect(replyEdits).toEqual({ owner: 403, editor: 200, commenter: 403, viewer: 403, outsider: 404 });

    // The thread's author cannot delete a thread others answered: that would take their words too.
    const blocked = await call(server.url, 'DELETE', `/api/comments/${thread.id}`, { token: token('commenter') });
    expect(blocked.status).toBe(409);
    expect(blocked.body.error.code).toBe('thread_has_replies');

    const replyDeletes = await row(async (who) => (await call(server.url, 'DELETE', replyPath, { token: token(who) })).status);
    // After the editor deletes it, the reply is gone: later attempts (viewer, outsider) find nothing.
    expect(replyDeletes).toEqual({ owner: 403, editor: 204, commenter: 404, viewer: 404, outsider: 404 });

    const threadDeletes = await row(async (who) => (await call(server.url, 'DELETE', `/api/comments/${thread.id}`, { token: token(who) })).status);
    expect(threadDeletes).toEqual({ owner: 403, editor: 403, commenter: 204, viewer: 404, outsider: 404 });
    const after = await call(server.url, 'GET', `/api/documents/${cast.documentId}/comments`, { token: token('owner') });
    expect(after.body.threads.map((t: { id: string }) => t.id)).not.toContain(thread.id);
  });

  it('a member demoted to viewer can no longer change even their own comment', async () => {
    const thread = await startThread(server.url, cast.documentId, token('commenter2'));
    const demote = await call(server.url, 'PATCH', `/api/workspaces/${cast.workspaceId}/members/${cast.commenter2.user.id}`, {
      token: token('owner'),
      body: { role: 'viewer' },
    });
    expect(demote.status).toBe(200);
    const edit = await call(server.url, 'PATCH', `/api/comments/${thread.id}`, { token: token('commenter2'), body: { resolved: true } });
    expect(edit.status).toBe(403);
    expect(edit.body.error.code).toBe('forbidden');
  });
});

/**
 * A JSON POST whose headers go now and whose body goes on `send()`. `started` resolves once
 * the server has read the headers and begun the request (its `100 Continue`): the route's
 * lookups run from there, its body (and so its insert) waits for `send()`.
 */
function postHeadersFirst(baseUrl: string, path: string, token: string, body: unknown) {
  const payload = JSON.stringify(body);
  const req = http.request(baseUrl + path, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${token}`,
      'content-type': 'application/json',
      'content-length': Buffer.byteLength(payload),
      expect: '100-continue',
    },
  });
  const answer = new Promise<{ status: number; body: unknown }>((resolve, reject) => {
    req.on('error', reject);
    req.on('response', (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text ? JSON.parse(text) : null }));
    });
  });
  const started = new Promise<void>((resolve) => req.once('continue', () => resolve()));
  req.flushHeaders();
  return {
    started,
    send() {
      req.end(payload);
      return answer;
    },
  };
}

describe('a reply racing the deletion of its thread', () => {
  it('answers 404 in the error shape, not 500, when the thread is deleted before the reply is written', async () => {
    const thread = await startThread(server.url, cast.documentId, token('commenter'));
    // The reply's route has begun (and looks the thread up) before the deletion is even sent;
    // its body, and so its insert, comes after the deletion has committed.
    const reply = postHeadersFirst(server.url, `/api/comments/${thread.id}/replies`, token('editor'), { body: 'Te laat' });
    await reply.started;
    expect((await call(server.url, 'DELETE', `/api/comments/${thread.id}`, { token: token('commenter') })).status).toBe(204);
    expect(await reply.send()).toEqual({ status: 404, body: { error: { code: 'not_found', message: expect.any(String) } } });
    expect((await call(server.url, 'GET', `/api/documents/${cast.documentId}/comments`, { token: token('owner') })).body.threads.map((t: { id: string }) => t.id)).not.toContain(thread.id);
  });
});
