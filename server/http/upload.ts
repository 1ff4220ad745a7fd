/**
 * Uploads: the few routes that take files get their own, larger body limit; every other
 * /api route keeps the API's small one (server/api/index.ts skips these paths).
 */
import type { Context, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { AppError } from './errors';

/** Paths whose body limit is set by their own route, not the API's JSON limit. */
export const UPLOAD_PATHS: RegExp[] = [/^\/api\/documents\/[^/]+\/images$/, /^\/api\/workspaces\/[^/]+\/imports$/];

export function isUploadPath(path: string): boolean {
  return UPLOAD_PATHS.some((re) => re.test(path));
}

export function uploadLimit(maxBytes: number, what: string): MiddlewareHandler {
  return bodyLimit({
    maxSize: maxBytes,
    onError: () => {
      throw new AppError(413, 'payload_too_large', `${what} is larger than ${Math.round(maxBytes / 1024 / 1024)} MB.`, 'file', {
        Connection: 'close',
      });
    },
  });
}

/** The file in multipart field `file`: 400 for a body that is not multipart, 422 when the field is missing. */
export async function readUploadedFile(c: Context): Promise<{ name: string; bytes: Buffer; fields: Record<string, string> }> {
  const type = c.req.header('content-type') ?? '';
  if (!type.toLowerCase().startsWith('multipart/form-data')) {
    throw new AppError(400, 'not_multipart', 'Send the file as multipart/form-data in a field named "file".');
  }
  let form: Record<string, unknown>;
  try {
    form = await c.req.parseBody();
  } catch {
    throw new AppError(400, 'malformed_multipart', 'The multipart body could not be read.');
  }
  const file = form.file;
  if (!(file instanceof File)) throw new AppError(422, 'invalid_field', 'file: attach the file in a field named "file".', 'file');
  const fields: Record<string, string> = {};
  for (const [key, value] of Object.entries(form)) if (typeof value === 'string') fields[key] = value;
  return { name: file.name, bytes: Buffer.from(await file.arrayBuffer()), fields };
}
