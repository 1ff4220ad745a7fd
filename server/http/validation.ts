import type { Context } from 'hono';
import type { z } from 'zod';
import { AppError } from './errors';

function invalid(error: z.ZodError): AppError {
  const issue = error.issues[0]!;
  const field = issue.path.map(String).join('.') || 'body';
  return new AppError(422, 'invalid_field', `${field}: ${issue.message}`, field);
}

/** Parses the JSON body and checks it against `schema`: 400 when it is not JSON, 422 naming the first bad field. */
export async function readBody<S extends z.ZodType>(c: Context, schema: S): Promise<z.output<S>> {
  const raw = await c.req.text();
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    throw new AppError(400, 'malformed_json', 'The request body is not valid JSON.');
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new AppError(422, 'invalid_field', 'body: expected a JSON object', 'body');
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw invalid(parsed.error);
  return parsed.data;
}

/** Checks the query string against `schema` (422 naming the parameter). */
export function readQuery<S extends z.ZodType>(c: Context, schema: S): z.output<S> {
  const parsed = schema.safeParse(c.req.query());
  if (!parsed.success) throw invalid(parsed.error);
  return parsed.data;
}
