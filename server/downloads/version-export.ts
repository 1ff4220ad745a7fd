import { Hono } from 'hono';
import type { VersionReason } from '../../shared/versions';
import { VersionExportQuery } from '../../shared/versions';
import type { Access, AppEnv } from '../http/access';
import { notFound } from '../http/errors';
import { readQuery } from '../http/validation';
import type { ExportService } from '../export/export-service';
import { formatDateTime } from '../export/export-meta';
import type { RequireVersion } from '../versions/require-version';
import type { VersionRow } from '../versions/version-repository';
import type { OfficeDownloads } from './office-download';
import { textDownload } from './text-download';

export interface VersionExportDeps {
  access: Access;
  requireVersion: RequireVersion;
  state(versionId: string): Promise<Uint8Array | undefined>;
  exports: ExportService;
  office: OfficeDownloads;
}

/** What an automatic version is called in an export, in the export's language (Dutch). */
const REASON_LABELS: Record<VersionReason, string> = {
  manual: 'Bewaarde versie',
  edit: 'Automatisch bewaard',
  status: 'Bij statuswijziging',
  before_restore: 'Voor een terugzetting',
  restore: 'Teruggezette versie',
  import: 'Geïmporteerd uit Word',
};

/** "versie stuurgroep, 12 december 2026 om 14:05": which version a file shows. */
export function versionLabel(version: Pick<VersionRow, 'name' | 'reason' | 'createdAt'>): string {
  return `${version.name ?? REASON_LABELS[version.reason]}, ${formatDateTime(new Date(version.createdAt))}`;
}

/**
 * GET /api/versions/:vid/export?format=… (whoever may read the version): an old version
 * as a file, in every format of the document export, rendered by the same export service
 * from the version's stored state instead of the live one — the same size limit, pool and
 * per-person allowance. The title block (Word, PDF) or the title (Markdown, HTML, JSON)
 * says which version it is.
 */
export function versionExportRoutes({ access, requireVersion, state, exports, office }: VersionExportDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.get('/api/versions/:vid/export', access.requireUser, requireVersion('viewer'), async (c) => {
    const { format } = readQuery(c, VersionExportQuery);
    const { user, version, document } = c.var;
    const stored = await state(version.id);
    // Thinned away between finding it and reading it.
    if (!stored) throw notFound('version');
    const label = versionLabel(version);
    if (format === 'docx' || format === 'pdf') {
      const fileName = version.name ?? REASON_LABELS[version.reason];
      return office.answer(user.id, document, format, { threads: [], suggestions: [], content: [stored], version: { label, fileName } });
    }
    const title = `${document.title.trim() || 'Zonder titel'} (${label})`;
    // Only text documents have versions: no board votes to count.
    const result = await exports.render(user.id, { ...document, title }, format, new Set(), [stored]);
    return textDownload(result, title, format);
  });

  return app;
}
