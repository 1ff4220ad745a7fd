import { Hono } from 'hono';
import * as Y from 'yjs';
import { z } from 'zod';
import { prosemirrorJSONToYXmlFragment } from '@tiptap/y-tiptap';
import { signedIn } from '../auth/middleware';
import { documentFor } from '../api/access';
import type { ApiEnv, Repositories } from '../api/context';
import { readBody } from '../api/validate';
import { HttpError } from '../http/errors';
import type { DocumentStore } from '../storage/document-store';
import type { RoomRegistry } from '../sync/rooms';
import type { Activity } from '../events/activity';
import type { Logger } from '../log';
import type { BoardDraftRepository } from './board-drafts';

export interface BoardRouteDeps {
  repos: Repositories;
  drafts: BoardDraftRepository;
  store: DocumentStore;
  rooms: RoomRegistry;
  activity: Activity;
  log: Logger;
}

/** The title of a draft made from a board: says where it came from. */
export function draftTitle(boardTitle: string): string {
  const name = boardTitle.trim() === '' ? 'atelier' : boardTitle.trim();
  return `Aanbevelingen — ${name}`.slice(0, 300);
}

/** Without `mode` a board makes its first draft; a second time the owner chooses. */
const DraftBody = z.object({ mode: z.enum(['new', 'update']).optional() });

/** Origin of the server's own rewrite of a draft: stored and broadcast like any edit. */
const DRAFT_UPDATE_ORIGIN = Symbol('board-draft-update');

/**
 * POST /api/documents/:did/draft (owners): "Aanbevelingen maken". Makes a `recommendation`
 * from the board's columns and cards — most honest votes first, each card with its author's
 * organisation, clusters as one item — once per board: a second request without `mode`
 * answers 409 `draft_exists`; `mode: "update"` rewrites the newest draft in place (live
 * editors see it happen), `mode: "new"` makes another.
 */
export function boardRoutes({ repos, drafts, store, rooms, activity, log }: BoardRouteDeps): Hono<ApiEnv> {
  const app = new Hono<ApiEnv>();

  app.post('/api/documents/:did/draft', async (c) => {
    const { user } = signedIn(c);
    const { document: board } = documentFor(repos, c.req.param('did'), user.id, 'owner');
    if (board.kind !== 'board') throw new HttpError(409, 'not_a_board', 'Only a board can be turned into recommendations.');
    const { mode } = (await c.req.text()).trim() === '' ? {} : await readBody(c, DraftBody);
    const existing = await drafts.latest(board.id);
    if (existing && !mode) {
      throw new HttpError(409, 'draft_exists', 'A draft was made from this board before: choose to update it or to make a new one.');
    }
    // Loaded on first use like the export: the ProseMirror schema is heavy and rarely needed.
    const { boardToDraftJSON } = await import('../export/board-to-draft');
    const { docJSONToYUpdate, editorSchema, CONTENT_FRAGMENT } = await import('../export/prosemirror');
    const memberIds = repos.members.userIds(board.workspaceId);
    const authors = new Map(repos.members.list(board.workspaceId).map((m) => [m.user.id, m.user]));
    const json = await withBoardDoc(store, rooms, board.id, (doc) => boardToDraftJSON(doc, memberIds, authors));

    if (existing && mode === 'update') {
      const room = await rooms.get(existing);
      try {
        room.doc.transact(() => {
          const fragment = room.doc.getXmlFragment(CONTENT_FRAGMENT);
          fragment.delete(0, fragment.length);
          prosemirrorJSONToYXmlFragment(editorSchema, json, fragment);
        }, DRAFT_UPDATE_ORIGIN);
      } finally {
        rooms.released(room);
      }
      const draft = repos.documents.find(existing)!;
      activity.fromApi({ type: 'document.updated', workspaceId: draft.workspaceId, actorId: user.id, documentId: draft.id, fields: ['content'] });
      log.info({ event: 'board.draft_updated', boardId: board.id, documentId: draft.id }, 'draft updated from board');
      return c.json({ document: draft });
    }

    const draft = repos.documents.create({
      workspaceId: board.workspaceId,
      kind: 'recommendation',
      title: draftTitle(board.title),
      tags: board.tags,
      createdBy: user.id,
    });
    await store.appendUpdate(draft.id, docJSONToYUpdate(json));
    await drafts.record(board.id, draft.id);
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
