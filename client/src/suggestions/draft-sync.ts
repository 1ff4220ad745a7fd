import type { CreateSuggestionBody, Suggestion } from '../../../shared/suggestions';
import type { LocalDraft } from './suggest-mode';

/** The routes the sync needs (suggestions-api.ts; tests may pass their own client). */
export interface DraftRoutes {
  create(body: CreateSuggestionBody): Promise<Suggestion>;
  update(id: string, body: CreateSuggestionBody): Promise<Suggestion>;
  withdraw(id: string): Promise<unknown>;
}

export interface DraftSyncEvents {
  /** The server made the draft: its id, for the draft's key. */
  created(key: number, id: string): void;
  /** Something reached the server (the list is worth reading again). */
  saved(): void;
  failed(error: unknown): void;
}

interface Entry {
  key: number;
  id: string | null;
  body: CreateSuggestionBody | null;
  sent: string;
  timer: ReturnType<typeof setTimeout> | null;
}

/** How long typing may pause before the grown draft is sent. */
export const DRAFT_DEBOUNCE_MS = 300;

function bodyOf(draft: LocalDraft): CreateSuggestionBody | null {
  if (draft.deletedText === '' && draft.insertText === '') return null;
  return { anchor: draft.anchor, deletedText: draft.deletedText, insertText: draft.insertText };
}

/**
 * Keeps the server's copy of each draft in step with the typing: created on its first
 * change, updated at most every DRAFT_DEBOUNCE_MS while it grows, withdrawn when all of
 * it is taken back. One request at a time per draft, always sending the latest text, so
 * answers cannot arrive out of order.
 */
export class DraftSync {
  private current: Entry | null = null;
  private chain: Promise<void> = Promise.resolve();

  constructor(
    private readonly routes: DraftRoutes,
    private readonly events: DraftSyncEvents,
  ) {}

  /** The editor's draft changed: null or another key ends the current one (sent at once). */
  update(draft: LocalDraft | null): void {
    if (this.current && this.current.key !== draft?.key) {
      void this.flush();
      this.current = null;
    }
    if (!draft) return;
    const first = this.current === null;
    if (first) this.current = { key: draft.key, id: draft.serverId, body: null, sent: '', timer: null };
    const entry = this.current!;
    entry.body = bodyOf(draft);
    if (first) this.send(entry);
    else this.schedule(entry);
  }

  /** Sends what is typed now (on blur, on a mode switch); resolves when it is stored. */
  flush(): Promise<void> {
    const entry = this.current;
    if (entry) this.send(entry);
    return this.chain;
  }

  private schedule(entry: Entry): void {
    if (entry.timer) clearTimeout(entry.timer);
    entry.timer = setTimeout(() => this.send(entry), DRAFT_DEBOUNCE_MS);
  }

  private send(entry: Entry): void {
    if (entry.timer) clearTimeout(entry.timer);
    entry.timer = null;
    this.chain = this.chain.then(() => this.store(entry)).catch((err: unknown) => this.events.failed(err));
  }

  private async store(entry: Entry): Promise<void> {
    const body = entry.body;
    const text = JSON.stringify(body);
    if (text === entry.sent) return;
    if (body === null) {
      if (entry.id) await this.routes.withdraw(entry.id);
      entry.id = null;
    } else if (entry.id === null) {
      entry.id = (await this.routes.create(body)).id;
      this.events.created(entry.key, entry.id);
    } else {
      await this.routes.update(entry.id, body);
    }
    entry.sent = text;
    this.events.saved();
  }
}
