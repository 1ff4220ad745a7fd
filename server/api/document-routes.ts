import { Hono } from 'hono';
import { CreateDocumentBody, ListDocumentsQuery, UpdateDocumentBody } from '../../shared/api';
import { signedIn } from '../auth/middleware';
import type { ApiEnv, RouteContext } from './context';
import { documentFor, workspaceFor } from './access';
import { readBody, readQuery } from './validate';

/** Document metadata (the content travels over the sync socket; exports: server/downloads). */
export function documentRoutes({ deps, repos }: RouteContext): Hono<ApiEnv> {
  const app = new Hono<ApiEnv>();

  app.post('/api/workspaces/:wid/documents', async (c) => {
    const { user } = signedIn(c);
    const workspace = workspaceFor(repos, c.req.param('wid'), user.id, 'editor');
    const body = await readBody(c, CreateDocumentBody);
    const document = repos.documents.create({
      workspaceId: workspace.id,
      kind: body.kind,
      title: body.title,
      tags: body.tags ?? [],
      createdBy: user.id,
    });
    deps.onEvent?.({ type: 'document.created', workspaceId: workspace.id, actorId: user.id, documentId: document.id });
    return c.json({ document }, 201);
  });

  app.get('/api/workspaces/:wid/documents', (c) => {
    const { user } = signedIn(c);
    const workspace = workspaceFor(repos, c.req.param('wid'), user.id);
    const { kind } = readQuery(c, ListDocumentsQuery);
    return c.json({ documents: repos.documents.list(workspace.id, kind) });
  });

  app.get('/api/documents/:did', (c) => {
    const { user } = signedIn(c);
    return c.json({ document: documentFor(repos, c.req.param('did'), user.id).document });
  });

  app.patch('/api/documents/:did', async (c) => {
    const { user } = signedIn(c);
    const { document: before } = documentFor(repos, c.req.param('did'), user.id, 'editor');
    const changes = await readBody(c, UpdateDocumentBody);
    const document = repos.documents.patch(before.id, changes);
    const base = { workspaceId: document.workspaceId, actorId: user.id, documentId: document.id };
    if (changes.status !== undefined && changes.status !== before.status) {
      deps.onEvent?.({ type: 'document.status_changed', ...base, from: before.status, to: changes.status });
    }
    const fields = (['title', 'tags'] as const).filter((f) => changes[f] !== undefined);
    if (fields.length > 0) deps.onEvent?.({ type: 'document.updated', ...base, fields });
    return c.json({ document });
  });

  return app;
}
