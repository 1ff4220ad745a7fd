import { Hono } from 'hono';
import type { Role } from '../../shared/roles';
import type { OwnerBoardView } from '../boards/ballot-box';
import type { Access, AppEnv } from '../http/access';
import type { ImageStore } from '../images/image-store';
import type { Logger } from '../log';
import type { MemberRepository } from '../workspaces/members';
import type { WorkspaceRepository } from '../workspaces/workspaces';
import type { CommentThread } from '../../shared/comments';
import { ExportQuery, type DocumentKind, type DocumentMeta } from '../../shared/api';
import { readQuery } from '../http/validation';
import type { ExportService } from '../export/export-service';
import type { ExportThread } from '../export/comment-ranges';
import { attachmentHeader, exportFileName, type ExportMeta } from '../export/export-meta';
import { loadExportImages } from './export-images';
import { readerExportState } from '../export/owner-board-state';

export interface DownloadDeps {
  members: MemberRepository;
  workspaces: WorkspaceRepository;
  access: Access;
  exports: ExportService;
  /** A document's comment threads, as GET /api/documents/:did/comments lists them. */
  threads: { list(documentId: string): CommentThread[] | Promise<CommentThread[]> };
  images: ImageStore;
  log: Logger;
  /** A board as its owners' exports count it (hidden votes included). */
  ownerBoardView: OwnerBoardView;
}

const KIND_LABELS: Record<DocumentKind, string> = { recommendation: 'Aanbevelingen', note: 'Netwerknota', board: 'Workshopbord' };

/** More open threads than any text gathers; bounds what one export carries to its worker. */
const MAX_EXPORT_THREADS = 2000;

/** The open threads in the shape the export writes: names, never ids or e-mail addresses. */
export function openThreads(threads: CommentThread[]): ExportThread[] {
  const author = (a: CommentThread['author']) => (a.organization.trim() ? `${a.name} (${a.organization.trim()})` : a.name);
  return threads
    .filter((t) => !t.resolved)
    .slice(0, MAX_EXPORT_THREADS)
    .map((t) => ({
      anchor: t.anchor,
      quote: t.quote,
      author: author(t.author),
      body: t.body,
      createdAt: t.createdAt,
      replies: t.replies.map((r) => ({ author: author(r.author), body: r.body, createdAt: r.createdAt })),
    }));
}

/**
 * GET /api/documents/:did/export?format=docx|pdf[&comments=open] (members): the document
 * as a Word file or PDF in the Kenniscentrum's layout, rendered in the export pool, named
 * after its title.
 */
export function downloadRoutes({ members: memberRepo, workspaces, access, exports, threads, images, log, ownerBoardView }: DownloadDeps): Hono<AppEnv> {
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
      const query = readQuery(c as never, ExportQuery);
      const now = new Date();
      const meta = await exportMeta(document, user.id, now);
      const started = performance.now();
      const result = await exports.renderFile(user.id, document, {
        format,
        memberIds: memberRepo.userIds(document.workspaceId),
        organisations: new Map(memberRepo.list(document.workspaceId).map((m) => [m.user.id, m.user.organization])),
        meta,
        threads: query.comments === 'open' ? openThreads(await threads.list(document.id)) : [],
        loadImages: (srcs) => loadExportImages(srcs, document.workspaceId, images),
        content: await readerExportState(ownerBoardView, document, role),
      });
      log.info({ event: 'export.rendered', documentId: document.id, format, bytes: result.body.byteLength, ms: Math.round(performance.now() - started) }, 'export rendered');
      c.res = c.body(result.body as Uint8Array<ArrayBuffer>, 200, {
        'Content-Type': result.contentType,
        // The format is the extension: docx, pdf.
        'Content-Disposition': attachmentHeader(exportFileName(meta.title, now, format)),
        'X-Content-Type-Options': 'nosniff',
      });
    });
  });

  return app;
}
