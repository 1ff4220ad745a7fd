import { MAX_PAGE_SIZE } from '../../../shared/pagination';

/**
 * One fetch wrapper for the whole client: JSON in and out, and every failure turned into an
 * ApiError that the UI can phrase for a person (never raw JSON). The session travels only in
 * the HttpOnly cookie: page script never sees the token, so an injected script cannot steal it.
 */

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}

/** `path` asking for one page of at most MAX_PAGE_SIZE items, after `cursor`. */
export function pagePath(path: string, cursor: string | null): string {
  const params = new URLSearchParams({ limit: String(MAX_PAGE_SIZE) });
  if (cursor !== null) params.set('cursor', cursor);
  return `${path}${path.includes('?') ? '&' : '?'}${params}`;
}

/** Listeners told when the server says the session is gone, so the app can go to sign-in. */
const unauthorizedListeners = new Set<() => void>();
export function onUnauthorized(listener: () => void): () => void {
  unauthorizedListeners.add(listener);
  return () => unauthorizedListeners.delete(listener);
}

export async function request<T>(method: string, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  let res: Response;
  try {
    res = await fetch(path, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'same-origin',
    });
  } catch {
    throw new ApiError(0, 'network', 'network unreachable');
  }
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  let data: unknown = null;
  try {
    data = text ? JSON.parse(text) : null;
  } catch {
    // A proxy's HTML error page: described by its status below.
  }
  if (!res.ok) {
    const err = errorFrom(res.status, data);
    if (res.status === 401 && path !== '/api/auth/login') for (const l of unauthorizedListeners) l();
    throw err;
  }
  return data as T;
}

function errorFrom(status: number, data: unknown): ApiError {
  const e = (data as { error?: { code?: unknown; message?: unknown; field?: unknown } } | null)?.error;
  const code = typeof e?.code === 'string' ? e.code : `http_${status}`;
  const message = typeof e?.message === 'string' ? e.message : `HTTP ${status}`;
  const field = typeof e?.field === 'string' ? e.field : undefined;
  return new ApiError(status, code, message, field);
}
