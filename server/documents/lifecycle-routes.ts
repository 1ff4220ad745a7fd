import { Hono } from 'hono';
import * as Y from 'yjs';
import { ArchiveBody, MoveDocumentBody, TRASH_DAYS, type TrashEntry } from '../../shared/lifecycle';
import { hasRole } from '../../shared/roles';
import { actorOf, type Emit } from '../events/emit';
import { requireUser, type Access, type AppEnv } from '../http/access';
import { AppError, notFound } from '../http/errors';
import { readBody } from '../http/validation';
import type { DocumentStore } from '../storage/document-store';
import type { MemberRepository } from '../workspaces/members';
import type { WorkspaceRepository } from '../workspaces/workspaces';
import type { WithCurrentDoc } from './current-doc';
import type { DocumentRepository } from './document-repository';
import type { LifecycleRepository } from './lifecycle-repository';
import { checkDocumentQuota } from './document-quota';

const DAY_MS = 24 * 60 * 60 * 1000;

export interface LifecycleRouteDeps {
  documents: DocumentRepository;
  lifecycle: LifecycleRepository;
  members: MemberRepository;
  workspaces: WorkspaceRepository;
  store: DocumentStore;
  access: Access;
  emit: Emit;
  withCurrentDoc: WithCurrentDoc;
  maxDocumentsPerWorkspace: number;
  /** Closes this document's open sockets: they reconnect and are authorised afresh. */
  disconnect(documentId: string, reason: string): void;
}

export const purgeAt = (deletedAt: string) => new Date(Date.parse(deletedAt) + TRASH_DAYS * DAY_MS).toISOString();

/** Trash and restore, archive, duplicate and move (editors; moving needs ownership of both workspaces). */
export function documentLifecycleRoutes(d: LifecycleRouteDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.delete('/api/documents/:did', d.access.requireDocument('editor'), async (c) => {
    const { user, document } = c.var;
    await d.lifecycle.trashDocument(document.id, user.id, new Date().toISOString());
    d.disconnect(document.id, 'document moved to the trash');
    d.emit({ type: 'document.deleted', workspaceId: document.workspaceId, actor: actorOf(user), subject: document.id, data: { title: document.title } });
    return c.body(null, 204);
  });

  app.post('/api/documents/:did/restore', requireUser, async (c) => {
    const { user } = c.var;
    const trashed = await d.lifecycle.findTrashed(c.req.param('did'));
    const role = trashed && (await d.members.role(trashed.workspaceId, user.id));
    if (!trashed || !role) throw notFound('document');
    if (!hasRole(role, 'editor')) throw new AppError(403, 'forbidden', 'Only editors and above may do this.');
    await d.lifecycle.restoreDocument(trashed.id);
    d.emit({ type: 'document.restored', workspaceId: trashed.workspaceId, actor: actorOf(user), subject: trashed.id, data: { title: trashed.title } });
    return c.json({ document: await d.documents.find(trashed.id) });
  });

  app.get('/api/workspaces/:wid/trash', d.access.requireWorkspace('editor'), async (c) => {
    const entries: TrashEntry[] = (await d.lifecycle.trash(c.var.workspace.id)).map((t) => ({
      id: t.id,
      kind: t.kind,
      title: t.title,
      deletedAt: t.deletedAt,
      purgeAt: purgeAt(t.deletedAt),
    }));
    return c.json({ documents: entries });
  });

  app.get('/api/workspaces/:wid/archive', d.access.requireWorkspace(), async (c) => {
    const ids = await d.lifecycle.archived(c.var.workspace.id);
    const documents = await Promise.all(ids.map((id) => d.documents.find(id)));
    return c.json({ documents: documents.filter((x) => x !== undefined) });
  });

  app.post('/api/documents/:did/archive', d.access.requireDocument('editor'), async (c) => {
    const { user, document } = c.var;
    const { archived } = await readBody(c, ArchiveBody);
    if (archived === (document.archivedAt !== null)) return c.json({ document });
    await d.lifecycle.setArchived(document.id, archived ? new Date().toISOString() : null);
    // Open editors reconnect and find the document read-only (or writable again).
    d.disconnect(document.id, archived ? 'document archived' : 'document taken out of the archive');
    const type = archived ? 'document.archived' : 'document.restored';
    d.emit({ type, workspaceId: document.workspaceId, actor: actorOf(user), subject: document.id, data: { title: document.title, archived } });
    return c.json({ document: await d.documents.find(document.id) });
  });

  app.post('/api/documents/:did/duplicate', d.access.requireDocument('editor'), async (c) => {
    const { user, document } = c.var;
    await checkDocumentQuota(d.documents, document.workspaceId, d.maxDocumentsPerWorkspace);
    const state = await d.withCurrentDoc(document.id, (doc) => Y.encodeStateAsUpdate(doc));
    const copy = await d.documents.create({
      workspaceId: document.workspaceId,
      kind: document.kind,
      title: `${document.title} (kopie)`.slice(0, 200),
      tags: document.tags,
      createdBy: user.id,
    });
    // The copy's content is stored before anyone can open it: it never starts empty.
    await d.store.appendUpdate(copy.id, state);
    d.emit({ type: 'document.created', workspaceId: copy.workspaceId, actor: actorOf(user), subject: copy.id, data: { duplicatedFrom: document.id } });
    return c.json({ document: copy }, 201);
  });

  app.post('/api/documents/:did/move', d.access.requireDocument('owner'), async (c) => {
    const { user, document } = c.var;
    const { workspaceId } = await readBody(c, MoveDocumentBody);
    const target = await d.workspaces.findForMember(workspaceId, user.id);
    if (!target) throw new AppError(422, 'invalid_field', 'workspaceId: no such workspace', 'workspaceId');
    if (target.role !== 'owner') throw new AppError(403, 'forbidden', 'Only owners of both workspaces may move a document.');
    if (target.id === document.workspaceId) return c.json({ document });
    await checkDocumentQuota(d.documents, target.id, d.maxDocumentsPerWorkspace);
    await d.lifecycle.moveDocument(document.id, target.id, new Date().toISOString());
    // Members of the old workspace may not follow it: every open socket is authorised again.
    d.disconnect(document.id, 'document moved to another workspace');
    const data = { title: document.title, from: document.workspaceId, to: target.id };
    d.emit({ type: 'document.moved', workspaceId: document.workspaceId, actor: actorOf(user), subject: document.id, data });
    d.emit({ type: 'document.moved', workspaceId: target.id, actor: actorOf(user), subject: document.id, data });
    return c.json({ document: await d.documents.find(document.id) });
  });

  return app;
}
