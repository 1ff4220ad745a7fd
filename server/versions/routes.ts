import { Hono } from 'hono';
import type { DocumentMeta } from '../../shared/api';
import { CreateVersionBody, VersionDiffQuery, type VersionMeta } from '../../shared/versions';
import { actorOf, type Emit } from '../events/emit';
import type { Access, AppEnv } from '../http/access';
import { AppError, notFound } from '../http/errors';
import { NEWEST_FIRST, pageQuery, paginate } from '../http/paginate';
import { readBody, readQuery } from '../http/validation';
import type { VersionDiffer } from './version-diff';
import type { People } from './people';
import { isTextDocument, type VersionService } from './version-service';
import type { VersionRepository, VersionRow } from './version-repository';
import { versionAccess } from './require-version';

/** Named versions one document may hold: saving by hand must not grow storage without end. */
export const MAX_NAMED_VERSIONS = 500;

export interface VersionRouteDeps {
  access: Access;
  versions: VersionRepository;
  service: VersionService;
  differ: VersionDiffer;
  people: People;
  emit: Emit;
}

function requireTextDocument(document: DocumentMeta): void {
  if (!isTextDocument(document)) throw new AppError(409, 'not_a_text_document', 'Only recommendations and notes have versions.');
}

function requireNotArchived(document: DocumentMeta): void {
  if (document.archivedAt) throw new AppError(409, 'document_archived', 'This document is archived: take it out of the archive to change it.');
}

/**
 * Version history (CONTRACT §2 "Versions"): list and save versions of a document, read one,
 * compare it with the present or another version, and bring it back (require-version.ts
 * says who may).
 */
export function versionRoutes({ access, versions, service, differ, people, emit }: VersionRouteDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  const requireVersion = versionAccess(versions, access);

  const toMeta = async (rows: VersionRow[]): Promise<VersionMeta[]> => {
    const names = await people.lookup(rows.flatMap((r) => [...(r.createdBy ? [r.createdBy] : []), ...r.contributors]));
    return rows.map((r) => ({
      id: r.id,
      documentId: r.documentId,
      name: r.name,
      reason: r.reason,
      createdAt: r.createdAt,
      createdBy: r.createdBy ? (names.get(r.createdBy) ?? null) : null,
      contributors: r.contributors.flatMap((id) => names.get(id) ?? []),
      restoredFrom: r.restoredFrom,
      size: r.size,
    }));
  };
  const one = async (row: VersionRow) => (await toMeta([row]))[0]!;

  app.get('/api/documents/:did/versions', access.requireDocument(), async (c) => {
    requireTextDocument(c.var.document);
    const page = paginate<VersionRow>(await versions.list(c.var.document.id), NEWEST_FIRST, pageQuery(c));
    return c.json({ versions: await toMeta(page.items), nextCursor: page.nextCursor });
  });

  app.post('/api/documents/:did/versions', access.requireDocument('editor'), async (c) => {
    const { user, document } = c.var;
    const body = await readBody(c, CreateVersionBody);
    requireTextDocument(document);
    if ((await versions.countNamed(document.id)) >= MAX_NAMED_VERSIONS) {
      throw new AppError(409, 'too_many_versions', `A document keeps at most ${MAX_NAMED_VERSIONS} named versions.`);
    }
    const version = (await service.save(document.id, { reason: 'manual', name: body.name, by: user.id }))!;
    emit({
      type: 'version.created',
      workspaceId: document.workspaceId,
      actor: actorOf(user),
      subject: document.id,
      data: { documentId: document.id, versionId: version.id, name: version.name },
    });
    return c.json({ version: await one(version) }, 201);
  });

  app.get('/api/versions/:vid', access.requireUser, requireVersion('viewer'), async (c) => {
    const { version } = c.var;
    return c.json({ version: await one(version), content: await differ.content(version) });
  });

  app.get('/api/versions/:vid/diff', access.requireUser, requireVersion('viewer'), async (c) => {
    const { against } = readQuery(c, VersionDiffQuery);
    const { version } = c.var;
    let other: VersionRow | null = null;
    if (against !== 'current') {
      const found = await versions.find(against);
      if (!found || found.documentId !== version.documentId) throw notFound('version');
      other = found;
    }
    return c.json(await differ.diff(version, other));
  });

  app.post('/api/versions/:vid/restore', access.requireUser, requireVersion('editor'), async (c) => {
    const { user, version, document } = c.var;
    requireNotArchived(document);
    const { before, restored } = await service.restore(version, user.id);
    emit({
      type: 'version.restored',
      workspaceId: document.workspaceId,
      actor: actorOf(user),
      subject: document.id,
      data: { documentId: document.id, versionId: restored.id, restoredFrom: version.id, name: version.name },
    });
    return c.json({ version: await one(restored), before: before ? await one(before) : null });
  });

  return app;
}
