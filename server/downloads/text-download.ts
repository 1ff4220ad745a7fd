import type { ExportResult, TextFormat } from '../export/index';

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

/** The answer to a Markdown, HTML or JSON export: Markdown and HTML as sandboxed attachments. */
export function textDownload(result: ExportResult, title: string, format: TextFormat): Response {
  const headers: Record<string, string> = { 'Content-Type': result.contentType };
  if (format !== 'json') {
    // A download, never a page of ours: even if markup slipped through the renderer, a
    // sandboxed attachment runs no script and reads no cookie on this origin.
    headers['Content-Disposition'] = `attachment; filename="${downloadName(title, format)}"`;
    headers['Content-Security-Policy'] = "sandbox; default-src 'none'; style-src 'unsafe-inline'";
  }
  return new Response(result.body, { status: 200, headers });
}
