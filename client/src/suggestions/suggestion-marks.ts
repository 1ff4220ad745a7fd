import { Extension } from '@tiptap/core';
import { Plugin, PluginKey, type EditorState, type Transaction } from '@tiptap/pm/state';
import { Decoration, DecorationSet, type EditorView } from '@tiptap/pm/view';
import { ySyncPluginKey } from '@tiptap/y-tiptap';
import { rangeStillReads, resolveSuggestionRange } from '../../../shared/suggestion-anchors';
import type { Suggestion } from '../../../shared/suggestions';
import { suggestModeKey, type LocalDraft } from './suggest-mode';
import { yBinding } from '../editor/y-binding';

/** How suggestions look: the author's colour slot and the words on hover. */
export interface SuggestionLook {
  slot(authorId: string): number;
  /** "Voorstel van Bram Claes (Stad Mechelen), 1 december 10:42". */
  title(suggestion: Pick<Suggestion, 'author' | 'updatedAt'>): string;
  /** The person typing: their draft's colour. */
  selfId: string;
  /** The hover words of the person's own draft ("Jouw voorstel"). */
  draftTitle: string;
}

export interface SuggestionMarksInput {
  suggestions: Suggestion[];
  look: SuggestionLook;
}

interface MarksState extends SuggestionMarksInput {
  decorations: DecorationSet;
}

export const suggestionMarksKey = new PluginKey<MarksState>('suggestionMarks');

/** Hooks from the suggestions panel into the editor. */
export interface SuggestionMarkHooks {
  /** A suggestion was clicked, or Alt+Enter pressed on it: open it beside `element`. */
  onActivate(id: string, element: HTMLElement): void;
}

export function setSuggestionMarks(tr: Transaction, input: SuggestionMarksInput): Transaction {
  return tr.setMeta(suggestionMarksKey, input);
}

function insertionWidget(text: string, classes: string, title: string, id: string | null): HTMLElement {
  const ins = document.createElement('ins');
  ins.className = `${classes} suggestion--insert`;
  ins.title = title;
  if (id) ins.dataset.suggestionId = id;
  text.split('\n').forEach((line, i) => {
    if (i > 0) ins.append(document.createElement('br'));
    ins.append(line);
  });
  return ins;
}

/** A struck range (as <del>, which screen readers announce) and the typed text after it (as <ins>). */
function decorationsOf(s: { id: string | null; from: number; to: number; insertText: string; slot: number; title: string; draft: boolean }): Decoration[] {
  const classes = `suggestion person-color--${s.slot}${s.draft ? ' suggestion--draft' : ''}`;
  const attrs: Record<string, string> = { nodeName: 'del', class: `${classes} suggestion--delete`, title: s.title };
  if (s.id) attrs['data-suggestion-id'] = s.id;
  const out: Decoration[] = [];
  if (s.to > s.from) out.push(Decoration.inline(s.from, s.to, attrs, { suggestionId: s.id }));
  if (s.insertText) {
    const key = `${s.id ?? 'draft'}:${s.slot}:${s.title}:${s.insertText}`;
    out.push(Decoration.widget(s.to, () => insertionWidget(s.insertText, classes, s.title, s.id), { side: -1, key, suggestionId: s.id }));
  }
  return out;
}

/** Pending suggestions from their anchors (the draft's server copy too: props.decorations leaves it out). */
function computeDecorations(state: EditorState, input: SuggestionMarksInput): DecorationSet {
  const b = yBinding(state);
  if (!b) return DecorationSet.empty;
  const decorations: Decoration[] = [];
  for (const s of input.suggestions) {
    if (s.status !== 'pending') continue;
    const range = resolveSuggestionRange(s, b.doc, b.type, b.mapping);
    // Text changed under it: not shown inline; the panel says it is outdated.
    if (!range || !rangeStillReads(state.doc, range, s.deletedText)) continue;
    decorations.push(...decorationsOf({ ...s, ...range, slot: input.look.slot(s.author.id), title: input.look.title(s), draft: false }));
  }
  return DecorationSet.create(state.doc, decorations);
}

function draftDecorations(draft: LocalDraft, look: SuggestionLook): Decoration[] {
  return decorationsOf({ ...draft, id: draft.serverId, slot: look.slot(look.selfId), title: look.draftTitle, draft: true });
}

/** The ids of the pending suggestions placed in the text now (the typed draft too), in text order. */
export function placedSuggestionIds(state: EditorState): string[] {
  const draft = suggestModeKey.getState(state)?.draft;
  const found = (suggestionMarksKey.getState(state)?.decorations.find() ?? [])
    .map((d) => ({ from: d.from, id: (d.spec as { suggestionId: string | null }).suggestionId }))
    .filter((f) => f.id !== draft?.serverId);
  if (draft) found.push({ from: draft.from, id: draft.serverId });
  const ids = found.sort((a, b) => a.from - b.from).map((f) => f.id);
  return [...new Set(ids.filter((id): id is string => id !== null))];
}

function suggestionAtCaret(view: EditorView): HTMLElement | null {
  const { from } = view.state.selection;
  const state = suggestionMarksKey.getState(view.state);
  const hit = state?.decorations.find(Math.max(0, from - 1), from + 1)[0];
  const id = (hit?.spec as { suggestionId?: string | null } | undefined)?.suggestionId;
  return id ? view.dom.querySelector<HTMLElement>(`[data-suggestion-id="${CSS.escape(id)}"]`) : null;
}

const NO_LOOK: SuggestionLook = { slot: () => 0, title: () => '', selfId: '', draftTitle: '' };

/** Suggestions shown in the text for everyone: struck and typed text in the author's colour. */
export const SuggestionMarks = Extension.create<{ hooks: SuggestionMarkHooks | null }>({
  name: 'suggestionMarks',

  addOptions() {
    return { hooks: null };
  },

  addKeyboardShortcuts() {
    return {
      'Alt-Enter': ({ editor }) => {
        const element = suggestionAtCaret(editor.view);
        if (element?.dataset.suggestionId) this.options.hooks?.onActivate(element.dataset.suggestionId, element);
        return element !== null;
      },
    };
  },

  addProseMirrorPlugins() {
    const hooks = () => this.options.hooks;
    return [
      new Plugin<MarksState>({
        key: suggestionMarksKey,
        state: {
          init: () => ({ suggestions: [], look: NO_LOOK, decorations: DecorationSet.empty }),
          apply(tr, prev, _old, next) {
            const input = tr.getMeta(suggestionMarksKey) as SuggestionMarksInput | undefined;
            if (input) return { ...input, decorations: computeDecorations(next, input) };
            if (tr.getMeta(ySyncPluginKey) !== undefined || tr.getMeta(suggestModeKey) !== undefined) return { ...prev, decorations: computeDecorations(next, prev) };
            if (tr.docChanged) return { ...prev, decorations: prev.decorations.map(tr.mapping, tr.doc) };
            return prev;
          },
        },
        props: {
          decorations(state) {
            const own = suggestionMarksKey.getState(state);
            const draft = suggestModeKey.getState(state)?.draft;
            if (!own || !draft) return own?.decorations;
            // The draft, as typed, stands in for its server copy (which may lag a keystroke behind).
            const copy = draft.serverId === null ? [] : own.decorations.find(undefined, undefined, (spec) => (spec as { suggestionId?: string }).suggestionId === draft.serverId);
            return own.decorations.remove(copy).add(state.doc, draftDecorations(draft, own.look));
          },
          handleDOMEvents: {
            click(_view, event) {
              const element = (event.target as HTMLElement | null)?.closest?.<HTMLElement>('[data-suggestion-id]');
              if (element?.dataset.suggestionId) hooks()?.onActivate(element.dataset.suggestionId, element);
              return false;
            },
          },
        },
      }),
    ];
  },
});
