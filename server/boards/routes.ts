import { boardVoterIds } from './voters';
import { votesHidden } from '../../shared/board';
import { Hono } from 'hono';
import { z } from 'zod';
import type { DocumentRepository } from '../documents/document-repository';
import type { WithCurrentDoc } from '../documents/current-doc';
import { actorOf, type Emit } from '../events/emit';
import type { Access, AppEnv } from '../http/access';
import { AppError } from '../http/errors';
import { readBody } from '../http/validation';
import type { Logger } from '../log';
import type { DocumentStore } from '../storage/document-store';
import type { RoomRegistry } from '../sync/rooms';
import type { MemberRepository } from '../workspaces/members';
import type { BoardDraftRepository } from './board-drafts';
import { checkDocumentQuota } from '../documents/document-quota';

export interface BoardRouteDeps {
  documents: DocumentRepository;
  members: MemberRepository;
  drafts: BoardDraftRepository;
  store: DocumentStore;
  rooms: RoomRegistry;
  access: Access;
  emit: Emit;
  withCurrentDoc: WithCurrentDoc;
  log: Logger;
  /** MAX_DOCUMENTS_PER_WORKSPACE: a draft is a new document too. */
  maxDocumentsPerWorkspace: number;
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
 * editors see it happen), `mode: "new"` makes another. New content is committed to storage
 * before the answer, so whoever opens the draft (on any instance) loads it like any edit.
 * While the votes are hidden every request answers 409 `votes_hidden`.
 */
export function boardRoutes({ documents, members, drafts, store, rooms, access, emit, withCurrentDoc, log, maxDocumentsPerWorkspace }: BoardRouteDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.post('/api/documents/:did/draft', access.requireDocument('owner'), async (c) => {
    const { user, document: board } = c.var;
    if (board.kind !== 'board') throw new AppError(409, 'not_a_board', 'Only a board can be turned into recommendations.');
    const { mode } = (await c.req.text()).trim() === '' ? {} : await readBody(c, DraftBody);
    const existing = await drafts.latest(board.id);
    if (existing && !mode) {
      throw new AppError(409, 'draft_exists', 'A draft was made from this board before: choose to update it or to make a new one.');
    }
    // Loaded on first use like the export: the ProseMirror schema is heavy and rarely needed.
    const { boardToDraftJSON } = await import('./board-to-draft');
    const { docJSONToYUpdate, editorSchema, CONTENT_FRAGMENT } = await import('../export/prosemirror');
    const { prosemirrorJSONToYXmlFragment } = await import('@tiptap/y-tiptap');
    const memberIds = await boardVoterIds(members, board.workspaceId);
    const authors = new Map((await members.list(board.workspaceId)).map((m) => [m.user.id, m.user]));
    const json = await withCurrentDoc(board.id, (doc) => {
      // A draft is read by the whole workspace: it may not show votes nobody has seen yet.
      if (votesHidden(doc)) throw new AppError(409, 'votes_hidden', 'The votes on this board are still hidden: reveal them before making recommendations.');
      return boardToDraftJSON(doc, memberIds, authors);
    });

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
      const draft = await documents.find(existing);
      if (!draft) throw new AppError(404, 'not_found', 'The draft was deleted meanwhile.');
      emit({ type: 'document.updated', workspaceId: draft.workspaceId, actor: actorOf(user), subject: draft.id, data: { fields: ['content'] } });
      log.info({ event: 'board.draft_updated', boardId: board.id, documentId: draft.id }, 'draft updated from board');
      return c.json({ document: draft });
    }

    await checkDocumentQuota(documents, board.workspaceId, maxDocumentsPerWorkspace);
    const draft = await documents.create({
      workspaceId: board.workspaceId,
      kind: 'recommendation',
      title: draftTitle(board.title),
      tags: board.tags,
      createdBy: user.id,
    });
    await store.appendUpdate(draft.id, docJSONToYUpdate(json));
    await drafts.record(board.id, draft.id);
    emit({ type: 'document.created', workspaceId: draft.workspaceId, actor: actorOf(user), subject: draft.id });
    log.info({ event: 'board.draft_created', boardId: board.id, documentId: draft.id }, 'draft made from board');
    return c.json({ document: draft }, 201);
  });

  return app;
}
