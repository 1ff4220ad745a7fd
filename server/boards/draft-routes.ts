import { boardVoterIds } from './voters';
import { Hono } from 'hono';
import * as Y from 'yjs';
import { signedIn } from '../auth/middleware';
import { documentFor } from '../api/access';
import type { ApiEnv, Repositories } from '../api/context';
import { HttpError } from '../http/errors';
import type { DocumentStore } from '../storage/document-store';
import type { RoomRegistry } from '../sync/rooms';
import type { Activity } from '../events/activity';
import type { Logger } from '../log';

export interface BoardRouteDeps {
  repos: Repositories;
  store: DocumentStore;
  rooms: RoomRegistry;
  activity: Activity;
  log: Logger;
}

/** The title of a draft made from a board: says where it came from. */
export function draftTitle(boardTitle: string): string {
  const name = boardTitle.trim() === '' ? 'bord' : boardTitle.trim();
  return `Aanbevelingen uit ${name}`.slice(0, 300);
}

/**
 * POST /api/documents/:did/draft (editor+): "Maak aanbevelingen". Creates a new
 * `recommendation` whose content is the board's columns and cards, most honest votes first.
 * The content is committed to storage before the answer, so whoever opens the new document
 * (on any instance) loads it like any other edit; nobody can have opened it earlier.
 */
export function boardRoutes({ repos, store, rooms, activity, log }: BoardRouteDeps): Hono<ApiEnv> {
  const app = new Hono<ApiEnv>();

  app.post('/api/documents/:did/draft', async (c) => {
    const { user } = signedIn(c);
    const { document: board } = documentFor(repos, c.req.param('did'), user.id, 'editor');
    if (board.kind !== 'board') throw new HttpError(409, 'not_a_board', 'Only a board can be turned into recommendations.');
    // Loaded on first use like the export: the ProseMirror schema is heavy and rarely needed.
    const { boardToDraftUpdate } = await import('../export/board-to-draft');
    const memberIds = boardVoterIds(repos, board.workspaceId);
    const update = await withBoardDoc(store, rooms, board.id, (doc) => boardToDraftUpdate(doc, memberIds));
    const draft = repos.documents.create({
      workspaceId: board.workspaceId,
      kind: 'recommendation',
      title: draftTitle(board.title),
      tags: board.tags,
      createdBy: user.id,
    });
    await store.appendUpdate(draft.id, update);
    activity.fromApi({ type: 'document.created', workspaceId: draft.workspaceId, actorId: user.id, documentId: draft.id });
    log.info({ event: 'board.draft_created', boardId: board.id, documentId: draft.id }, 'draft made from board');
    return c.json({ document: draft }, 201);
  });

  return app;
}

/** The board's current content: the live room's doc when loaded here, else a copy from storage. */
async function withBoardDoc<T>(store: DocumentStore, rooms: RoomRegistry, id: string, use: (doc: Y.Doc) => T): Promise<T> {
  const room = rooms.loaded(id);
  if (room) return use(room.doc);
  const doc = new Y.Doc();
  try {
    const updates = await store.loadUpdates(id);
    doc.transact(() => {
      for (const u of updates) Y.applyUpdate(doc, u);
    });
    return use(doc);
  } finally {
    doc.destroy();
  }
}
