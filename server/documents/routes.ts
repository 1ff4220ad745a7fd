import { boardVoterIds } from '../boards/voters';
import { Hono } from 'hono';
import type { OwnerBoardView } from '../boards/ballot-box';
import { CreateDocumentBody, type DocumentKind, ExportQuery, ListDocumentsQuery, UpdateDocumentBody } from '../../shared/api';
import { actorOf, type Emit } from '../events/emit';
import type { Access, AppEnv } from '../http/access';
import { readBody, readQuery } from '../http/validation';
import { AppError, notFound } from '../http/errors';
import type { MemberRepository } from '../workspaces/members';
import type { DocumentRepository } from './document-repository';
import type { DocumentStore } from '../storage/document-store';
import type { ExportService } from '../export/export-service';
import { readerExportState } from '../export/owner-board-state';
import { textDownload } from '../downloads/text-download';
import { NEWEST_FIRST, pageQuery, paginate } from '../http/paginate';
import { checkDocumentQuota } from './document-quota';

export interface DocumentRouteDeps {
  documents: DocumentRepository;
  /** Renders exports off the event loop, within their limits. */
  exports: ExportService;
  /** MAX_DOCUMENTS_PER_WORKSPACE. */
  maxDocumentsPerWorkspace: number;
  members: MemberRepository;
  access: Access;
  emit: Emit;
  store: DocumentStore;
  /** The first content of a document made from a template; throws 422 for a template it may not use. */
  templateContent(workspaceId: string, templateId: string, kind: DocumentKind): Promise<Uint8Array>;
  /** A board as its owners' exports count it (hidden votes included). */
  ownerBoardView: OwnerBoardView;
}

/** Document metadata (the content travels over the sync socket) and export. */
export function documentRoutes({ documents, members, access, emit, exports, maxDocumentsPerWorkspace, store, templateContent, ownerBoardView }: DocumentRouteDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.post('/api/workspaces/:wid/documents', access.requireWorkspace('editor'), async (c) => {
    const { user, workspace } = c.var;
    const body = await readBody(c, CreateDocumentBody);
    await checkDocumentQuota(documents, workspace.id, maxDocumentsPerWorkspace);
    const content = body.templateId ? await templateContent(workspace.id, body.templateId, body.kind) : undefined;
    const document = await documents.create({
      workspaceId: workspace.id,
      kind: body.kind,
      title: body.title,
      tags: body.tags ?? [],
      createdBy: user.id,
    });
    // Stored before the answer: a document made from a template never opens empty.
    if (content) await store.appendUpdate(document.id, content);
    emit({ type: 'document.created', workspaceId: workspace.id, actor: actorOf(user), subject: document.id });
    return c.json({ document }, 201);
  });

  app.get('/api/workspaces/:wid/documents', access.requireWorkspace(), async (c) => {
    const { kind } = readQuery(c, ListDocumentsQuery);
    // Newest first by creation, which never changes: a walk through the pages meets each document once.
    const page = paginate(await documents.list(c.var.workspace.id, kind), NEWEST_FIRST, pageQuery(c));
    return c.json({ documents: page.items, nextCursor: page.nextCursor });
  });

  app.get('/api/documents/:did', access.requireDocument(), (c) => c.json({ document: c.var.document }));

  app.patch('/api/documents/:did', access.requireDocument('editor'), async (c) => {
    const { user, document: before } = c.var;
    const changes = await readBody(c, UpdateDocumentBody);
    if (before.archivedAt) throw new AppError(409, 'document_archived', 'This document is archived: take it out of the archive to change it.');
    const document = await documents.patch(before.id, changes);
    if (!document) throw notFound('document');
    const base = { workspaceId: document.workspaceId, actor: actorOf(user), subject: document.id };
    if (changes.status !== undefined && changes.status !== before.status) {
      emit({ ...base, type: 'document.status_changed', data: { from: before.status, to: changes.status } });
    }
    const fields = (['title', 'tags'] as const).filter((f) => changes[f] !== undefined);
    if (fields.length > 0) emit({ ...base, type: 'document.updated', data: { fields } });
    return c.json({ document });
  });

  app.get('/api/documents/:did/export', access.requireDocument(), async (c) => {
    const { user, document, role } = c.var;
    // Word and PDF never get here: server/downloads answers them first.
    const format = readQuery(c, ExportQuery).format as 'markdown' | 'html' | 'json';
    const state = await readerExportState(ownerBoardView, document, role);
    const result = await exports.render(user.id, document, format, await boardVoterIds(members, document.workspaceId), state);
    return textDownload(result, document.title, format);
  });

  return app;
}
