/**
 * Uploads (multipart, so not through `request`, which speaks JSON): images into a
 * document and Word files into a workspace. Failures become the same ApiError as
 * everywhere, phrased for a person by `describeUploadError`.
 */
import { ApiError } from '../api/http';
import type { DocumentMeta } from '../../../shared/api';
import type { Translate } from '../i18n/translate';
import { describeError } from '../api/messages';

async function upload<T>(path: string, form: FormData): Promise<T> {
  let res: Response;
  try {
    res = await fetch(path, { method: 'POST', body: form, credentials: 'same-origin' });
  } catch {
    throw new ApiError(0, 'network', 'network unreachable');
  }
  const data = (await res.json().catch(() => null)) as { error?: { code?: string; message?: string; field?: string } } | null;
  if (!res.ok) throw new ApiError(res.status, data?.error?.code ?? `http_${res.status}`, data?.error?.message ?? `HTTP ${res.status}`, data?.error?.field);
  return data as T;
}

export async function uploadImage(documentId: string, file: Blob, name = 'afbeelding'): Promise<{ url: string; width: number; height: number }> {
  const form = new FormData();
  form.append('file', file, name);
  const { image } = await upload<{ image: { url: string; width: number; height: number } }>(`/api/documents/${encodeURIComponent(documentId)}/images`, form);
  return image;
}

export async function importWord(workspaceId: string, file: File, kind: 'recommendation' | 'note'): Promise<{ document: DocumentMeta; skippedImages: number }> {
  const form = new FormData();
  form.append('file', file, file.name);
  form.append('kind', kind);
  return upload(`/api/workspaces/${encodeURIComponent(workspaceId)}/imports`, form);
}

export function describeUploadError(err: unknown, t: Translate): string {
  if (err instanceof ApiError) {
    switch (err.code) {
      case 'unsupported_image':
        return t('image.failed', { reason: t('image.unsupported') });
      case 'invalid_docx':
        return t('import.invalid');
      case 'encrypted_docx':
        return t('import.encrypted');
      case 'content_too_large':
        return t('import.tooDeep');
    }
  }
  return describeError(err, t);
}

/** Where a download of `documentId` in `format` is served; the browser saves it (attachment). */
export function exportUrl(documentId: string, format: string): string {
  return `/api/documents/${encodeURIComponent(documentId)}/export?format=${format}`;
}
