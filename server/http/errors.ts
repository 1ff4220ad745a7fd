import type { Context, ErrorHandler, NotFoundHandler } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { ApiError } from '../../shared/protocol';
import type { Logger } from '../log';

/**
 * The one error a handler, middleware or repository throws to answer with the contract's
 * shape `{error: {code, message}}` (CONTRACT §2). Anything else that escapes is a bug: 500.
 */
export class AppError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: string,
    message: string,
    /** The field a 422 is about, e.g. `mentions.0`. */
    readonly field?: string,
    readonly headers?: Record<string, string>,
  ) {
    super(message);
  }
}

/** Anything in a workspace the caller does not belong to is "not found", exactly like what does not exist. */
export function notFound(what: string): AppError {
  return new AppError(404, 'not_found', `No such ${what}.`);
}

export function errorBody(code: string, message: string, field?: string): ApiError {
  return { error: field ? { code, message, field } : { code, message } };
}

function sendError(c: Context, err: AppError): Response {
  for (const [k, v] of Object.entries(err.headers ?? {})) c.header(k, v);
  return c.json(errorBody(err.code, err.message, err.field), err.status);
}

/** The app's only `onError`: an AppError answers as itself, anything else is logged and answers 500. */
export function handleErrors(log: Logger): ErrorHandler {
  return (err, c) => {
    if (err instanceof AppError) return sendError(c, err);
    log.error({ event: 'http.unhandled', err, path: c.req.path, method: c.req.method }, 'unhandled error');
    return c.json(errorBody('internal_error', 'Something went wrong on our side.'), 500);
  };
}

export const answerNotFound: NotFoundHandler = (c) => c.json(errorBody('not_found', 'Nothing here.'), 404);
