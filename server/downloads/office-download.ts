import type { DocumentKind, DocumentMeta } from '../../shared/api';
import type { ImageStore } from '../images/image-store';
import type { Logger } from '../log';
import type { MemberRepository } from '../workspaces/members';
import type { WorkspaceRepository } from '../workspaces/workspaces';
import type { ExportService } from '../export/export-service';
import type { ExportThread } from '../export/comment-ranges';
import type { ExportSuggestion } from '../export/tracked-changes';
import { attachmentHeader, exportFileName, type ExportMeta } from '../export/export-meta';
import { loadExportImages } from './export-images';

export interface OfficeDownloadDeps {
  members: MemberRepository;
  workspaces: WorkspaceRepository;
  exports: ExportService;
  images: ImageStore;
  log: Logger;
}

/** What goes into one Word or PDF file besides the document's own content. */
export interface OfficeExtras {
  threads: ExportThread[];
  suggestions: ExportSuggestion[];
  /** The state to render instead of the stored one (an owner's board, an old version). */
  content?: Uint8Array[];
  /** Which version the file shows, for its title block and file name; absent for the present. */
  version?: { label: string; fileName: string };
}

const KIND_LABELS: Record<DocumentKind, string> = { recommendation: 'Aanbevelingen', note: 'Netwerknota', board: 'Workshopbord' };

/**
 * A Word or PDF file in the Kenniscentrum's layout, rendered in the export pool and
 * answered as an attachment named after the title: the present document's export and an
 * old version's both come through here, under the same limits and allowance.
 */
export class OfficeDownloads {
  constructor(private readonly deps: OfficeDownloadDeps) {}

  async answer(userId: string, document: DocumentMeta, format: 'docx' | 'pdf', extras: OfficeExtras): Promise<Response> {
    const { members, exports, images, log } = this.deps;
    const now = new Date();
    const memberList = await members.list(document.workspaceId);
    const meta = await this.meta(document, userId, now, memberList, extras.version?.label);
    const started = performance.now();
    const result = await exports.renderFile(userId, document, {
      format,
      memberIds: await members.userIds(document.workspaceId),
      organisations: new Map(memberList.map((m) => [m.user.id, m.user.organization])),
      meta,
      threads: extras.threads,
      suggestions: extras.suggestions,
      loadImages: (srcs) => loadExportImages(srcs, document.workspaceId, images),
      content: extras.content,
    });
    log.info({ event: 'export.rendered', documentId: document.id, format, bytes: result.body.byteLength, ms: Math.round(performance.now() - started) }, 'export rendered');
    return new Response(result.body as Uint8Array<ArrayBuffer>, {
      status: 200,
      headers: {
        'Content-Type': result.contentType,
        // The format is the extension: docx, pdf.
        'Content-Disposition': attachmentHeader(exportFileName(extras.version ? `${meta.title} ${extras.version.fileName}` : meta.title, now, format)),
        'X-Content-Type-Options': 'nosniff',
      },
    });
  }

  private async meta(document: DocumentMeta, readerId: string, now: Date, memberList: Awaited<ReturnType<MemberRepository['list']>>, version?: string): Promise<ExportMeta> {
    const workspace = await this.deps.workspaces.findForMember(document.workspaceId, readerId);
    const organisations = [...new Set(memberList.map((m) => m.user.organization.trim()).filter(Boolean))].sort((a, b) => a.localeCompare(b, 'nl'));
    return {
      title: document.title.trim() || 'Zonder titel',
      kindLabel: KIND_LABELS[document.kind],
      status: document.status,
      date: now,
      workspace: workspace?.name ?? '',
      organisations,
      ...(version ? { version } : {}),
    };
  }
}
