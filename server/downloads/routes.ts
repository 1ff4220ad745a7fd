import { Hono } from 'hono';
import type { Role } from '../../shared/roles';
import type { OwnerBoardView } from '../boards/ballot-box';
import type { Access, AppEnv } from '../http/access';
import type { CommentAuthor, CommentThread } from '../../shared/comments';
import type { Suggestion } from '../../shared/suggestions';
import { ExportQuery, type DocumentMeta } from '../../shared/api';
import { readQuery } from '../http/validation';
import type { ExportThread } from '../export/comment-ranges';
import type { ExportSuggestion } from '../export/tracked-changes';
import { readerExportState } from '../export/owner-board-state';
import type { OfficeDownloads } from './office-download';

export interface DownloadDeps {
  access: Access;
  office: OfficeDownloads;
  /** A document's comment threads, as GET /api/documents/:did/comments lists them. */
  threads: { list(documentId: string): CommentThread[] | Promise<CommentThread[]> };
  /** A document's pending suggestions, oldest first. */
  suggestions: { pending(documentId: string): Promise<Suggestion[]> };
  /** A board as its owners' exports count it (hidden votes included). */
  ownerBoardView: OwnerBoardView;
}

/** More open threads than any text gathers; bounds what one export carries to its worker. */
const MAX_EXPORT_THREADS = 2000;

/** "Name (Organisation)": how Word shows who wrote a comment or made a change; never an id or e-mail address. */
const authorName = (a: CommentAuthor) => (a.organization.trim() ? `${a.name} (${a.organization.trim()})` : a.name);

/** The open threads in the shape the export writes. */
export function openThreads(threads: CommentThread[]): ExportThread[] {
  return threads
    .filter((t) => !t.resolved)
    .slice(0, MAX_EXPORT_THREADS)
    .map((t) => ({
      anchor: t.anchor,
      quote: t.quote,
      author: authorName(t.author),
      body: t.body,
      createdAt: t.createdAt,
      replies: t.replies.map((r) => ({ author: authorName(r.author), body: r.body, createdAt: r.createdAt })),
    }));
}

/** The pending suggestions in the shape the export writes (at most MAX_PENDING_SUGGESTIONS exist). */
export function pendingSuggestions(suggestions: Suggestion[]): ExportSuggestion[] {
  return suggestions
    .filter((s) => s.status === 'pending')
    .map((s) => ({ anchor: s.anchor, deletedText: s.deletedText, insertText: s.insertText, author: authorName(s.author), createdAt: s.createdAt }));
}

/**
 * GET /api/documents/:did/export?format=docx|pdf[&comments=open][&suggestions=pending]
 * (members): the document as a Word file or PDF in the Kenniscentrum's layout, open
 * threads as Word comments and pending suggestions as tracked changes when asked for.
 */
export function downloadRoutes({ access, office, threads, suggestions, ownerBoardView }: DownloadDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  // Middleware, not a route: Markdown, HTML and JSON go on to the document routes' export.
  app.use('/api/documents/:did/export', async (c, next) => {
    const format = c.req.query('format');
    if (format !== 'docx' && format !== 'pdf') return next();
    return access.requireDocument()(c as never, async () => {
      const { user, document, role } = (c as unknown as { var: { user: { id: string }; document: DocumentMeta; role: Role } }).var;
      const query = readQuery(c as never, ExportQuery);
      c.res = await office.answer(user.id, document, format, {
        threads: query.comments === 'open' ? openThreads(await threads.list(document.id)) : [],
        suggestions: query.suggestions === 'pending' ? pendingSuggestions(await suggestions.pending(document.id)) : [],
        content: await readerExportState(ownerBoardView, document, role),
      });
    });
  });

  return app;
}
