import { Hono } from 'hono';
import type * as Y from 'yjs';
import type { Role } from '../../shared/roles';
import type { OwnerBoardView } from '../boards/ballot-box';
import type { Access, AppEnv } from '../http/access';
import type { WithCurrentDoc } from '../documents/current-doc';
import type { ImageStore } from '../images/image-store';
import type { Logger } from '../log';
import type { MemberRepository } from '../workspaces/members';
import type { WorkspaceRepository } from '../workspaces/workspaces';
import type { DocumentKind, DocumentMeta } from '../../shared/api';
import { attachmentHeader, exportFileName, type ExportMeta } from '../export/export-meta';
import { loadExportImages } from './export-images';

export interface DownloadDeps {
  members: MemberRepository;
  workspaces: WorkspaceRepository;
  access: Access;
  withCurrentDoc: WithCurrentDoc;
  images: ImageStore;
  log: Logger;
  /** A board as its owners' exports count it (hidden votes included). */
  ownerBoardView: OwnerBoardView;
}

const KIND_LABELS: Record<DocumentKind, string> = { recommendation: 'Aanbevelingen', note: 'Netwerknota', board: 'Workshopbord' };

/**
 * GET /api/documents/:did/export?format=markdown|html|json|docx|pdf (members): the
 * document's current content as a download named after its title.
 */
export function downloadRoutes({ members: memberRepo, workspaces, access, withCurrentDoc, images, log, ownerBoardView }: DownloadDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  async function exportMeta(document: DocumentMeta, readerId: string, now: Date): Promise<ExportMeta> {
    const workspace = workspaces.findForMember(document.workspaceId, readerId);
    const members = memberRepo.list(document.workspaceId);
    const organisations = [...new Set(members.map((m) => m.user.organization.trim()).filter(Boolean))].sort((a, b) => a.localeCompare(b, 'nl'));
    return { title: document.title.trim() || 'Zonder titel', kindLabel: KIND_LABELS[document.kind], status: document.status, date: now, workspace: workspace?.name ?? '', organisations };
  }

  // Middleware, not a route: Markdown, HTML and JSON go on to the document routes' export.
  app.use('/api/documents/:did/export', async (c, next) => {
    const format = c.req.query('format');
    if (format !== 'docx' && format !== 'pdf') return next();
    return access.requireDocument()(c as never, async () => {
      const { user, document, role } = (c as unknown as { var: { user: { id: string }; document: DocumentMeta; role: Role } }).var;
      const exporter = await import('../export/index');
      const memberIds = memberRepo.userIds(document.workspaceId);
      const organisations = new Map(memberRepo.list(document.workspaceId).map((m) => [m.user.id, m.user.organization]));
      const now = new Date();
      const meta = await exportMeta(document, user.id, now);
      const started = performance.now();
      const view = document.kind === 'board' && role === 'owner' ? await ownerBoardView(document) : null;
      const read = (doc: Y.Doc) => exporter.exportContent({ doc, kind: document.kind, memberIds, organisations });
      const content = view ? read(view) : await withCurrentDoc(document.id, read);
      view?.destroy();
      const placed = await loadExportImages(content, document.workspaceId, images);
      const bytes = await exporter.renderOfficeExport(format, content, meta, placed);
      log.info({ event: 'export.rendered', documentId: document.id, format, bytes: bytes.length, ms: Math.round(performance.now() - started) }, 'export rendered');
      c.res = c.body(new Uint8Array(bytes), 200, {
        'Content-Type': exporter.EXPORT_CONTENT_TYPES[format],
        'Content-Disposition': attachmentHeader(exportFileName(meta.title, now, exporter.EXPORT_EXTENSIONS[format])),
        'X-Content-Type-Options': 'nosniff',
      });
    });
  });

  return app;
}
