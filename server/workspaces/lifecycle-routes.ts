import { Hono } from 'hono';
import { DeleteWorkspaceBody, UpdateWorkspaceBody } from '../../shared/lifecycle';
import type { Access, AppEnv } from '../http/access';
import { requireUser } from '../http/access';
import { AppError, notFound } from '../http/errors';
import { readBody } from '../http/validation';
import type { LifecycleRepository } from '../documents/lifecycle-repository';
import { purgeAt } from '../documents/lifecycle-routes';
import type { WorkspaceRepository } from './workspaces';

/** Rename and describe a workspace, move it to the trash (typing its name) and bring it back. Owners only. */
export function workspaceLifecycleRoutes(d: {
  workspaces: WorkspaceRepository;
  lifecycle: LifecycleRepository;
  access: Access;
  /** Closes the open sockets of every document of the workspace. */
  disconnectWorkspace(workspaceId: string, reason: string): void;
}): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.patch('/api/workspaces/:wid', d.access.requireWorkspace('owner'), async (c) => {
    const changes = await readBody(c, UpdateWorkspaceBody);
    await d.lifecycle.renameWorkspace(c.var.workspace.id, changes);
    return c.json({ workspace: await d.workspaces.findForMember(c.var.workspace.id, c.var.user.id) });
  });

  app.delete('/api/workspaces/:wid', d.access.requireWorkspace('owner'), async (c) => {
    const { workspace, user } = c.var;
    const { confirm } = await readBody(c, DeleteWorkspaceBody);
    if (confirm.trim() !== workspace.name) {
      throw new AppError(422, 'invalid_field', 'confirm: type the name of the workspace to delete it', 'confirm');
    }
    const at = new Date().toISOString();
    await d.lifecycle.trashWorkspace(workspace.id, user.id, at);
    d.disconnectWorkspace(workspace.id, 'workspace moved to the trash');
    return c.json({ workspace: { id: workspace.id, name: workspace.name, deletedAt: at, purgeAt: purgeAt(at) } });
  });

  app.post('/api/workspaces/:wid/restore', requireUser, async (c) => {
    const trashed = await d.lifecycle.findTrashedWorkspace(c.req.param('wid'), c.var.user.id);
    if (!trashed) throw notFound('workspace');
    await d.lifecycle.restoreWorkspace(trashed.id);
    return c.json({ workspace: await d.workspaces.findForMember(trashed.id, c.var.user.id) });
  });

  return app;
}
