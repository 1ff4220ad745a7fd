import { Hono } from 'hono';
import { CreateDocumentBody, ListDocumentsQuery, UpdateDocumentBody } from '../../shared/api';
import { actorOf, type Emit } from '../events/emit';
import type { Access, AppEnv } from '../http/access';
import { readBody, readQuery } from '../http/validation';
import { AppError } from '../http/errors';
import type { MemberRepository } from '../workspaces/members';
import type { WithCurrentDoc } from './current-doc';
import type { DocumentRepository } from './document-repository';

export interface DocumentRouteDeps {
  documents: DocumentRepository;
  members: MemberRepository;
  access: Access;
  emit: Emit;
  withCurrentDoc: WithCurrentDoc;
}

/** Document metadata (the content travels over the sync socket; downloads: server/downloads). */
export function documentRoutes({ documents, members, access, emit, withCurrentDoc }: DocumentRouteDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.post('/api/workspaces/:wid/documents', access.requireWorkspace('editor'), async (c) => {
    const { user, workspace } = c.var;
    const body = await readBody(c, CreateDocumentBody);
    const document = documents.create({
      workspaceId: workspace.id,
      kind: body.kind,
      title: body.title,
      tags: body.tags ?? [],
      createdBy: user.id,
    });
    emit({ type: 'document.created', workspaceId: workspace.id, actor: actorOf(user), subject: document.id });
    return c.json({ document }, 201);
  });

  app.get('/api/workspaces/:wid/documents', access.requireWorkspace(), (c) => {
    const { kind } = readQuery(c, ListDocumentsQuery);
    return c.json({ documents: documents.list(c.var.workspace.id, kind) });
  });

  app.get('/api/documents/:did', access.requireDocument(), (c) => c.json({ document: c.var.document }));

  app.patch('/api/documents/:did', access.requireDocument('editor'), async (c) => {
    const { user, document: before } = c.var;
    const changes = await readBody(c, UpdateDocumentBody);
    if (before.archivedAt) throw new AppError(409, 'document_archived', 'This document is archived: take it out of the archive to change it.');
    const document = documents.patch(before.id, changes);
    const base = { workspaceId: document.workspaceId, actor: actorOf(user), subject: document.id };
    if (changes.status !== undefined && changes.status !== before.status) {
      emit({ ...base, type: 'document.status_changed', data: { from: before.status, to: changes.status } });
    }
    const fields = (['title', 'tags'] as const).filter((f) => changes[f] !== undefined);
    if (fields.length > 0) emit({ ...base, type: 'document.updated', data: { fields } });
    return c.json({ document });
  });

  return app;
}
