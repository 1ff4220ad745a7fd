/**
 * What the Word and PDF exports print around the content (the Kenniscentrum's layout):
 * the title block and the file name. Plain data, so the renderers stay pure functions
 * that can run in a worker.
 */
import type { DocumentStatus } from '../../shared/api';

export const PUBLISHER = 'Kenniscentrum Vlaamse Steden';

export interface ExportMeta {
  title: string;
  /** What kind of text: "Aanbevelingen", "Netwerknota", "Workshopbord". */
  kindLabel: string;
  status: DocumentStatus;
  /** When the file was made. */
  date: Date;
  workspace: string;
  /** The members' organisations, each once, sorted. */
  organisations: string[];
  /** For an old version: which one ("versie stuurgroep, 12 december 2026"); absent for the present. */
  version?: string;
}

/** An image the renderers can place: PNG or JPEG bytes (GIF and WebP are converted first). */
export interface ExportImage {
  type: 'png' | 'jpg';
  bytes: Buffer;
  width: number;
  height: number;
}

/** Images of a document by their `src` (`/api/images/:id`). */
export type ExportImages = Map<string, ExportImage>;

/** More images than any recommendation has; bounds what one export may load. */
export const MAX_EXPORT_IMAGES = 200;

export const STATUS_LABELS: Record<DocumentStatus, string> = {
  draft: 'Concept',
  review: 'Ter bespreking',
  final: 'Definitief',
};

export function formatDate(date: Date): string {
  return new Intl.DateTimeFormat('nl-BE', { dateStyle: 'long', timeZone: 'Europe/Brussels' }).format(date);
}

/** "12 december 2026 om 14:05" in Brussels time. */
export function formatDateTime(date: Date): string {
  return new Intl.DateTimeFormat('nl-BE', { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/Brussels' }).format(date);
}

/** The lines under the title: label and value. */
export function titleBlockRows(meta: ExportMeta): [string, string][] {
  return [
    ...(meta.version ? ([['Versie', meta.version]] as [string, string][]) : []),
    ['Status', STATUS_LABELS[meta.status]],
    ['Datum', formatDate(meta.date)],
    ['Werkruimte', meta.workspace],
    ['Deelnemende organisaties', meta.organisations.length > 0 ? meta.organisations.join(', ') : '—'],
  ];
}

/** `2026-11-24` in Brussels time. */
export function isoDay(date: Date): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Brussels' }).format(date);
}

/**
 * `Aanbevelingen-wonen-Leuven-2026-11-24.docx`: the title's words joined by dashes,
 * accents kept off (some mail and file systems still mangle them), then the date.
 */
export function exportFileName(title: string, date: Date, extension: string): string {
  const words = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9]+/g, ' ')
    .trim()
    .split(/\s+/)
    .filter(Boolean);
  const stem = words.join('-').slice(0, 80).replace(/-+$/, '') || 'document';
  return `${stem}-${isoDay(date)}.${extension}`;
}

/** A Content-Disposition header that every browser reads: ASCII name plus the UTF-8 one. */
export function attachmentHeader(fileName: string): string {
  return `attachment; filename="${fileName}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}
