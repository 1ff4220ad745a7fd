import { afterAll, beforeAll } from 'vitest';
import * as Y from 'yjs';
import { createDocumentFor } from '../helpers/api';
import { RawYjsClient } from '../helpers/raw-yjs-client';
import { startTestServer } from '../helpers/server';

export interface BoardFixture {
  server: Awaited<ReturnType<typeof startTestServer>>;
  wsUrl: string;
  /** The board and its owner (the facilitator). */
  board: { token: string; documentId: string; workspaceId: string; userId: string };
  /** A hand-made client of `user` on the board, or on another room of it (a ballot); closed after the file. */
  open(user: { token: string }, room?: string): Promise<RawYjsClient>;
}

/**
 * What the board-rule files attack: a server in this process with one board on it, and raw
 * clients that are all closed when the file is done. Register it first: its `beforeAll`
 * must have run before the file's own (vitest runs them in the order they are declared).
 */
export function boardFixture(): BoardFixture {
  const raws: RawYjsClient[] = [];
  const f: BoardFixture = {
    server: null as unknown as BoardFixture['server'],
    wsUrl: '',
    board: { token: '', documentId: '', workspaceId: '', userId: '' },
    async open(user, room = f.board.documentId) {
      const c = await RawYjsClient.open(f.wsUrl, room, user.token);
      raws.push(c);
      return c;
    },
  };
  beforeAll(async () => {
    f.server = await startTestServer();
    f.wsUrl = `ws://127.0.0.1:${f.server.port}/sync`;
    f.board = await createDocumentFor(f.server.url, { kind: 'board', title: 'Bord' });
  });
  afterAll(async () => {
    for (const r of raws) r.close();
    await f.server?.close();
  });
  return f;
}

/** Makes a change on the client's copy and sends exactly that change. */
export function change(client: RawYjsClient, edit: (doc: Y.Doc) => void): void {
  const before = Y.encodeStateVector(client.doc);
  edit(client.doc);
  client.sendUpdate(Y.encodeStateAsUpdate(client.doc, before));
}
