import { Hono } from 'hono';
import { CreateDocumentBody, ExportQuery, ListDocumentsQuery, UpdateDocumentBody } from '../../shared/api';
import { signedIn } from '../auth/middleware';
import type { ApiEnv, RouteContext } from './context';
import { documentFor, workspaceFor } from './access';
import { readBody, readQuery } from './validate';
import { NEWEST_FIRST, pageQuery, paginate } from '../http/paginate';
import { checkDocumentQuota } from '../workspaces/document-quota';

/** Document metadata (the content travels over the sync socket) and export. */
export function documentRoutes({ deps, repos, exports }: RouteContext): Hono<ApiEnv> {
  const app = new Hono<ApiEnv>();

  app.post('/api/workspaces/:wid/documents', async (c) => {
    const { user } = signedIn(c);
    const workspace = workspaceFor(repos, c.req.param('wid'), user.id, 'editor');
    const body = await readBody(c, CreateDocumentBody);
    await checkDocumentQuota(repos.documents, workspace.id, deps.config.limits.maxDocumentsPerWorkspace);
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
    // Newest first by creation, which never changes: a walk through the pages meets each document once.
    const page = paginate(repos.documents.list(workspace.id, kind), NEWEST_FIRST, pageQuery(c));
    return c.json({ documents: page.items, nextCursor: page.nextCursor });
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

  app.get('/api/documents/:did/export', async (c) => {
    const { user } = signedIn(c);
    const { document } = documentFor(repos, c.req.param('did'), user.id);
    const { format } = readQuery(c, ExportQuery);
    const result = await exports.render(user.id, document, format, repos.members.userIds(document.workspaceId));
    c.header('Content-Type', result.contentType);
    if (format !== 'json') {
      // A download, never a page of ours: even if markup slipped through the renderer, a
      // sandboxed attachment runs no script and reads no cookie on this origin.
      c.header('Content-Disposition', `attachment; filename="${downloadName(document.title, format)}"`);
      c.header('Content-Security-Policy', "sandbox; default-src 'none'; style-src 'unsafe-inline'");
    }
    return c.body(result.body);
  });

  return app;
}

const EXTENSIONS = { markdown: 'md', html: 'html' } as const;

/** An ASCII file name for Content-Disposition: the title's letters and digits, never quotes or paths. */
function downloadName(title: string, format: 'markdown' | 'html'): string {
  const base = title
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[^A-Za-z0-9_-]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80);
  return `${base || 'document'}.${EXTENSIONS[format]}`;
}
