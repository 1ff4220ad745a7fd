import { Hono } from 'hono';
import type { Access, AppEnv } from '../http/access';
import { readQuery } from '../http/validation';
import type { WithCurrentDoc } from '../documents/current-doc';
import type { ImageStore } from '../images/image-store';
import type { Logger } from '../log';
import type { MemberRepository } from '../workspaces/members';
import type { WorkspaceRepository } from '../workspaces/workspaces';
import { ExportQuery, type DocumentKind, type DocumentMeta } from '../../shared/api';
import { attachmentHeader, exportFileName, type ExportMeta } from '../export/export-meta';
import { loadExportImages } from './export-images';

export interface DownloadDeps {
  members: MemberRepository;
  workspaces: WorkspaceRepository;
  access: Access;
  withCurrentDoc: WithCurrentDoc;
  images: ImageStore;
  log: Logger;
}

const KIND_LABELS: Record<DocumentKind, string> = { recommendation: 'Aanbevelingen', note: 'Netwerknota', board: 'Workshopbord' };

/**
 * GET /api/documents/:did/export?format=markdown|html|json|docx|pdf (members): the
 * document's current content as a download named after its title.
 */
export function downloadRoutes({ members: memberRepo, workspaces, access, withCurrentDoc, images, log }: DownloadDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  async function exportMeta(document: DocumentMeta, readerId: string, now: Date): Promise<ExportMeta> {
    const workspace = await workspaces.findForMember(document.workspaceId, readerId);
    const members = await memberRepo.list(document.workspaceId);
    const organisations = [...new Set(members.map((m) => m.user.organization.trim()).filter(Boolean))].sort((a, b) => a.localeCompare(b, 'nl'));
    return { title: document.title.trim() || 'Zonder titel', kindLabel: KIND_LABELS[document.kind], status: document.status, date: now, workspace: workspace?.name ?? '', organisations };
  }

  app.get('/api/documents/:did/export', access.requireDocument(), async (c) => {
    const { user, document } = c.var;
    const { format } = readQuery(c, ExportQuery);
    // Loaded on first use: the renderers pull in the whole TipTap/ProseMirror schema and
    // the Word and PDF libraries, which no other route needs.
    const exporter = await import('../export/index');
    const memberIds = await memberRepo.userIds(document.workspaceId);
    const organisations = new Map((await memberRepo.list(document.workspaceId)).map((m) => [m.user.id, m.user.organization]));
    const now = new Date();
    const meta = await exportMeta(document, user.id, now);
    c.header('Content-Disposition', attachmentHeader(exportFileName(meta.title, now, exporter.EXPORT_EXTENSIONS[format])));
    c.header('Content-Type', exporter.EXPORT_CONTENT_TYPES[format]);
    c.header('X-Content-Type-Options', 'nosniff');
    if (format === 'docx' || format === 'pdf') {
      const started = performance.now();
      const content = await withCurrentDoc(document.id, (doc) => exporter.exportContent({ doc, kind: document.kind, memberIds, organisations }));
      const placed = await loadExportImages(content, document.workspaceId, images);
      const bytes = await exporter.renderOfficeExport(format, content, meta, placed);
      log.info({ event: 'export.rendered', documentId: document.id, format, bytes: bytes.length, ms: Math.round(performance.now() - started) }, 'export rendered');
      return c.body(new Uint8Array(bytes));
    }
    const result = await withCurrentDoc(document.id, (doc) =>
      exporter.exportDocument({ doc, kind: document.kind, title: document.title, format, memberIds, organisations }),
    );
    return c.body(result.body);
  });

  return app;
}
