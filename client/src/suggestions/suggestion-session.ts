import type { AnyExtension, Editor } from '@tiptap/core';
import { DraftSync } from './draft-sync';
import { dropDraft, setDraftServerId, SuggestMode, type SuggestModeHooks } from './suggest-mode';
import { SuggestionMarks, type SuggestionMarkHooks } from './suggestion-marks';
import { suggestionsApi } from './suggestions-api';

/**
 * Suggestion mode for one open document: the editor extensions, the sync of the draft to
 * the server, and the hooks the panel fills in (what to do on a click, after a save, on a
 * failure). One per document, made before the editor and stable for its life.
 */
export class SuggestionSession {
  private editor: Editor | null = null;
  readonly sync: DraftSync;
  /** Filled in by the panel. */
  readonly marks: SuggestionMarkHooks = { onActivate: () => undefined };
  onSaved: () => void = () => undefined;
  onError: (error: unknown) => void = () => undefined;

  constructor(documentId: string) {
    this.sync = new DraftSync(
      {
        create: (body) => suggestionsApi.create(documentId, body),
        update: (id, body) => suggestionsApi.update(id, body),
        withdraw: (id) => suggestionsApi.withdraw(id),
      },
      {
        created: (key, id) => this.withView((view) => setDraftServerId(view, key, id)),
        saved: () => this.onSaved(),
        failed: (error) => {
          // What the server refused is not kept on screen as if it were stored.
          this.withView((view) => dropDraft(view));
          this.onError(error);
        },
      },
    );
  }

  extensions(initiallySuggesting: boolean): AnyExtension[] {
    const mode: SuggestModeHooks = { onDraft: (draft) => this.sync.update(draft), onBlur: () => void this.sync.flush() };
    return [SuggestMode.configure({ hooks: mode, initiallyOn: initiallySuggesting }), SuggestionMarks.configure({ hooks: this.marks })];
  }

  attach(editor: Editor): void {
    this.editor = editor;
  }

  private withView(run: (view: Editor['view']) => void): void {
    if (this.editor && !this.editor.isDestroyed) run(this.editor.view);
  }
}
