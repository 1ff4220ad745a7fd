import { Hono, type MiddlewareHandler } from 'hono';
import { z } from 'zod';
import { newId } from '../auth/tokens';
import type { UserRow } from '../auth/users';
import { checkRelativePosition } from '../comments/anchor';
import { actorOf, type Emit } from '../events/emit';
import type { Access, AppEnv, UserEnv } from '../http/access';
import { AppError, notFound } from '../http/errors';
import type { Throttle } from '../http/throttle';
import { readBody, readQuery } from '../http/validation';
import type { DocumentMeta } from '../../shared/api';
import type { EventType } from '../../shared/events';
import { hasRole, type Role } from '../../shared/roles';
import { CreateSuggestionBody, DecideSuggestionsBody, UpdateSuggestionBody, type Suggestion } from '../../shared/suggestions';
import type { SuggestionRepository, SuggestionText } from './suggestion-repository';
import type { SuggestionService } from './suggestion-service';

export interface SuggestionRouteDeps {
  access: Access;
  suggestions: SuggestionRepository;
  service: SuggestionService;
  emit: Emit;
  /** New suggestions per person (429 beyond). */
  creations: Throttle;
  /** Updates of drafts per person: a draft grows while its author types. */
  growth: Throttle;
}

type SuggestionEnv = UserEnv & { Variables: { suggestion: Suggestion; document: DocumentMeta; role: Role } };

const ListQuery = z.object({ status: z.enum(['pending', 'all']).optional() });

/** Suggestions belong to text; a board has none. */
function requireText(document: DocumentMeta): void {
  if (document.kind === 'board') {
    throw new AppError(409, 'not_a_text_document', 'Suggestions are made on recommendations and notes, not on boards.');
  }
}

/** The body's text, with its anchor checked to be encoded relative positions into the content. */
function textOf(body: z.output<typeof CreateSuggestionBody>): SuggestionText {
  checkRelativePosition(body.anchor.start, 'anchor.start');
  checkRelativePosition(body.anchor.end, 'anchor.end');
  return { anchor: body.anchor, deletedText: body.deletedText, insertText: body.insertText };
}

/**
 * Suggestion mode (issue 14, CONTRACT §2). Who may do what:
 * - read: any member; suggest: commenter and up (participants too);
 * - change or withdraw a pending suggestion: its author only (while still commenter+);
 * - accept or reject, one or many: editors and owners.
 */
export function suggestionRoutes({ access, suggestions, service, emit, creations, growth }: SuggestionRouteDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  /** The suggestion of `:sid` and the caller's role; 404 for outsiders, as for its document; 403 below `minimum`. */
  const requireSuggestion =
    (minimum: Role, message: string): MiddlewareHandler<SuggestionEnv> =>
    async (c, next) => {
      const suggestion = await suggestions.get(c.req.param('sid') ?? '');
      if (!suggestion) throw notFound('suggestion');
      let found;
      try {
        found = await access.documentFor(suggestion.documentId, c.var.user.id);
      } catch (err) {
        if (err instanceof AppError && err.status === 404) throw notFound('suggestion');
        throw err;
      }
      if (!hasRole(found.role, minimum)) throw new AppError(403, 'forbidden', message);
      c.set('suggestion', suggestion);
      c.set('document', found.document);
      c.set('role', found.role);
      await next();
    };
  const byAuthor = requireSuggestion('commenter', 'Only commenters and above may suggest.');
  const byEditor = requireSuggestion('editor', 'Only editors and owners may accept or reject suggestions.');

  function requireAuthor(suggestion: Suggestion, user: UserRow, what: string): void {
    if (suggestion.author.id !== user.id) throw new AppError(403, 'forbidden', `Only the author may ${what} this suggestion.`);
  }

  function record(type: EventType & `suggestion.${string}`, document: DocumentMeta, user: UserRow, s: Suggestion, extra: Record<string, unknown> = {}): void {
    emit({
      workspaceId: document.workspaceId,
      type,
      actor: actorOf(user),
      subject: document.id,
      data: { ...extra, documentId: document.id, suggestionId: s.id, authorId: s.author.id },
    });
  }

  app.get('/api/documents/:did/suggestions', access.requireDocument(), async (c) => {
    requireText(c.var.document);
    const q = readQuery(c, ListQuery);
    return c.json({ suggestions: await suggestions.list(c.var.document.id, q.status ?? 'pending') });
  });

  app.post('/api/documents/:did/suggestions', access.requireDocument('commenter'), async (c) => {
    const { user, document } = c.var;
    requireText(document);
    const text = textOf(await readBody(c, CreateSuggestionBody));
    await creations.take(user.id);
    const suggestion = await service.create(document, user.id, text);
    record('suggestion.created', document, user, suggestion);
    return c.json({ suggestion }, 201);
  });

  app.patch('/api/suggestions/:sid', access.requireUser, byAuthor, async (c) => {
    const { user, document, suggestion } = c.var;
    requireAuthor(suggestion, user, 'change');
    const text = textOf(await readBody(c, UpdateSuggestionBody));
    await growth.take(user.id);
    const updated = await service.update(suggestion, text);
    // Live only (kept out of the activity list and mail): other editors redraw the draft.
    record('suggestion.updated', document, user, updated);
    return c.json({ suggestion: updated });
  });

  app.delete('/api/suggestions/:sid', access.requireUser, byAuthor, async (c) => {
    const { user, document, suggestion } = c.var;
    requireAuthor(suggestion, user, 'withdraw');
    const withdrawn = await service.close(suggestion, user.id, 'withdrawn');
    record('suggestion.rejected', document, user, withdrawn, { withdrawn: true });
    return c.json({ suggestion: withdrawn });
  });

  app.post('/api/suggestions/:sid/accept', access.requireUser, byEditor, async (c) => {
    const { user, document, suggestion } = c.var;
    const accepted = await service.accept(suggestion, user.id);
    record('suggestion.accepted', document, user, accepted);
    return c.json({ suggestion: accepted });
  });

  app.post('/api/suggestions/:sid/reject', access.requireUser, byEditor, async (c) => {
    const { user, document, suggestion } = c.var;
    const rejected = await service.close(suggestion, user.id, 'rejected');
    record('suggestion.rejected', document, user, rejected);
    return c.json({ suggestion: rejected });
  });

  /**
   * One event per suggestion decided together, each naming the batch and how many of its
   * author's it holds: the author is then told once, not once per suggestion.
   */
  function recordBatch(type: 'suggestion.accepted' | 'suggestion.rejected', document: DocumentMeta, user: UserRow, decided: Suggestion[]): void {
    const batch = newId();
    const perAuthor = new Map<string, number>();
    for (const s of decided) perAuthor.set(s.author.id, (perAuthor.get(s.author.id) ?? 0) + 1);
    for (const s of decided) record(type, document, user, s, { batch, batchCount: perAuthor.get(s.author.id) });
  }

  /** All pending suggestions of the document, or one person's. */
  async function pendingOf(document: DocumentMeta, authorId: string | undefined): Promise<Suggestion[]> {
    const pending = await suggestions.pending(document.id);
    return authorId === undefined ? pending : pending.filter((s) => s.author.id === authorId);
  }

  app.post('/api/documents/:did/suggestions/accept', access.requireDocument('editor'), async (c) => {
    const { user, document } = c.var;
    requireText(document);
    const body = await readBody(c, DecideSuggestionsBody);
    const { decided, outdated } = await service.acceptMany(document.id, await pendingOf(document, body.authorId), user.id);
    recordBatch('suggestion.accepted', document, user, decided);
    return c.json({ decided, outdated });
  });

  app.post('/api/documents/:did/suggestions/reject', access.requireDocument('editor'), async (c) => {
    const { user, document } = c.var;
    requireText(document);
    const body = await readBody(c, DecideSuggestionsBody);
    const decided: Suggestion[] = [];
    for (const s of await pendingOf(document, body.authorId)) {
      // One decided meanwhile by someone else is left out, not an error.
      const rejected = await service.close(s, user.id, 'rejected').catch((err: unknown) => {
        if (err instanceof AppError && err.code === 'suggestion_decided') return null;
        throw err;
      });
      if (rejected) decided.push(rejected);
    }
    recordBatch('suggestion.rejected', document, user, decided);
    return c.json({ decided, outdated: [] });
  });

  return app;
}
