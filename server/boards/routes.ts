import { Hono } from 'hono';
import type { DocumentRepository } from '../documents/document-repository';
import type { WithCurrentDoc } from '../documents/current-doc';
import { actorOf, type Emit } from '../events/emit';
import type { Access, AppEnv } from '../http/access';
import { AppError } from '../http/errors';
import type { Logger } from '../log';
import type { DocumentStore } from '../storage/document-store';
import type { MemberRepository } from '../workspaces/members';
import { checkDocumentQuota } from '../documents/document-quota';

export interface BoardRouteDeps {
  documents: DocumentRepository;
  members: MemberRepository;
  store: DocumentStore;
  access: Access;
  emit: Emit;
  withCurrentDoc: WithCurrentDoc;
  log: Logger;
  /** MAX_DOCUMENTS_PER_WORKSPACE: a draft is a new document too. */
  maxDocumentsPerWorkspace: number;
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
export function boardRoutes({ documents, members, store, access, emit, withCurrentDoc, log, maxDocumentsPerWorkspace }: BoardRouteDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.post('/api/documents/:did/draft', access.requireDocument('editor'), async (c) => {
    const { user, document: board } = c.var;
    if (board.kind !== 'board') throw new AppError(409, 'not_a_board', 'Only a board can be turned into recommendations.');
    // Loaded on first use like the export: the ProseMirror schema is heavy and rarely needed.
    const { boardToDraftUpdate } = await import('./board-to-draft');
    const memberIds = members.userIds(board.workspaceId);
    const update = await withCurrentDoc(board.id, (doc) => boardToDraftUpdate(doc, memberIds));
    await checkDocumentQuota(documents, board.workspaceId, maxDocumentsPerWorkspace);
    const draft = documents.create({
      workspaceId: board.workspaceId,
      kind: 'recommendation',
      title: draftTitle(board.title),
      tags: board.tags,
      createdBy: user.id,
    });
    await store.appendUpdate(draft.id, update);
    emit({ type: 'document.created', workspaceId: draft.workspaceId, actor: actorOf(user), subject: draft.id });
    log.info({ event: 'board.draft_created', boardId: board.id, documentId: draft.id }, 'draft made from board');
    return c.json({ document: draft }, 201);
  });

  return app;
}
