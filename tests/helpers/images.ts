/** Real image files made with sharp, for upload, export and import tests. */
import sharp from 'sharp';

export function pngImage(width = 40, height = 20, color = '#c8102e'): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: color } }).png().toBuffer();
}

export function imageAs(format: 'png' | 'jpeg' | 'gif' | 'webp', width = 40, height = 20): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: '#1d70b8' } }).toFormat(format).toBuffer();
}

/** Uploads `bytes` as multipart field `file`, as the editor does. */
export async function uploadImage(baseUrl: string, token: string | undefined, documentId: string, bytes: Uint8Array, name = 'figuur.png', type = 'image/png') {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(bytes)], { type }), name);
  const headers: Record<string, string> = token ? { authorization: `Bearer ${token}` } : {};
  const res = await fetch(`${baseUrl}/api/documents/${documentId}/images`, { method: 'POST', headers, body: form });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null, headers: res.headers };
}
