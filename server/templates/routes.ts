import { Hono } from 'hono';
import * as Y from 'yjs';
import type { DocumentKind } from '../../shared/api';
import { BUILTIN_PREFIX, MAX_TEMPLATES_PER_WORKSPACE, SaveTemplateBody } from '../../shared/templates';
import type { WithCurrentDoc } from '../documents/current-doc';
import { requireUser, type Access, type AppEnv } from '../http/access';
import { AppError, notFound } from '../http/errors';
import { readBody } from '../http/validation';
import type { WorkspaceRepository } from '../workspaces/workspaces';
import { builtinSummaries, findBuiltin } from './builtin';
import type { TemplateRepository } from './template-repository';

export interface TemplateRouteDeps {
  templates: TemplateRepository;
  workspaces: WorkspaceRepository;
  access: Access;
  withCurrentDoc: WithCurrentDoc;
}

const badTemplate = (message: string) => new AppError(422, 'invalid_field', `templateId: ${message}`, 'templateId');

/**
 * The first Yjs update of a document made from `templateId` in `workspaceId`. A saved
 * template of another workspace is answered exactly like one that does not exist.
 */
export async function templateContent(templates: TemplateRepository, workspaceId: string, templateId: string, kind: DocumentKind): Promise<Uint8Array> {
  if (templateId.startsWith(BUILTIN_PREFIX)) {
    const builtin = findBuiltin(templateId);
    if (!builtin) throw badTemplate('no such template');
    if (builtin.kind !== kind) throw badTemplate(`this template makes a ${builtin.kind}, not a ${kind}`);
    return builtin.content();
  }
  const saved = await templates.find(templateId);
  if (!saved || saved.workspaceId !== workspaceId) throw badTemplate('no such template in this workspace');
  if (saved.kind !== kind) throw badTemplate(`this template makes a ${saved.kind}, not a ${kind}`);
  const state = await templates.state(saved.id);
  if (!state) throw badTemplate('no such template in this workspace');
  return state;
}

/** Listing (members), saving a document as a template and deleting one (owners). */
export function templateRoutes(d: TemplateRouteDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.get('/api/workspaces/:wid/templates', d.access.requireWorkspace(), async (c) => {
    return c.json({ templates: [...builtinSummaries(), ...(await d.templates.list(c.var.workspace.id))] });
  });

  app.post('/api/documents/:did/template', d.access.requireDocument('owner'), async (c) => {
    const { user, document } = c.var;
    const { name } = await readBody(c, SaveTemplateBody);
    const state = await d.withCurrentDoc(document.id, (doc) => Y.encodeStateAsUpdate(doc));
    const input = { workspaceId: document.workspaceId, kind: document.kind, name, state, createdBy: user.id };
    const template = await d.templates.create(input, MAX_TEMPLATES_PER_WORKSPACE);
    if (!template) {
      throw new AppError(409, 'too_many_templates', `A workspace keeps at most ${MAX_TEMPLATES_PER_WORKSPACE} templates: delete one first.`);
    }
    return c.json({ template }, 201);
  });

  app.delete('/api/templates/:id', requireUser, async (c) => {
    const { user } = c.var;
    const template = await d.templates.find(c.req.param('id'));
    const workspace = template && (await d.workspaces.findForMember(template.workspaceId, user.id));
    if (!template || !workspace) throw notFound('template');
    if (workspace.role !== 'owner') throw new AppError(403, 'forbidden', 'Only owners may delete a template.');
    await d.templates.delete(template.id);
    return c.body(null, 204);
  });

  return app;
}
