import { Extension } from '@tiptap/core';
import { Plugin, PluginKey, TextSelection, type EditorState, type Selection } from '@tiptap/pm/state';
import type { EditorView } from '@tiptap/pm/view';
import { ySyncPluginKey } from '@tiptap/y-tiptap';
import type { EncodedAnchor } from '../../../shared/comment-anchors';
import { encodeSuggestionAnchor, resolveSuggestionRange, textOfRange } from '../../../shared/suggestion-anchors';
import { yBinding } from '../editor/y-binding';
import { applyAction, caretOf, continuesDraft, startDraft, suggestionTextOf, type DraftAction, type DraftShape } from './draft';

/** The suggestion being typed, kept beside the document (never in it). */
export interface LocalDraft extends DraftShape {
  /** A new number is a new suggestion; the same number grows the same one. */
  key: number;
  /** The accepted text between `from` and `to`, as the server checks it. */
  deletedText: string;
  anchor: EncodedAnchor;
  /** The server's id once it is created. */
  serverId: string | null;
}

export interface SuggestModeState {
  on: boolean;
  draft: LocalDraft | null;
}

type Meta = { on: boolean } | { draft: LocalDraft | null } | { serverId: { key: number; id: string } };

export const suggestModeKey = new PluginKey<SuggestModeState>('suggestMode');

/** What the page learns from the editor; set once, read on every event. */
export interface SuggestModeHooks {
  /** The draft changed (grew, moved, ended: null or another key). */
  onDraft(draft: LocalDraft | null): void;
  /** The editor lost focus: what is typed should reach the server now. */
  onBlur(): void;
}

let keys = 0;

export function setSuggesting(view: EditorView, on: boolean): void {
  view.dispatch(view.state.tr.setMeta(suggestModeKey, { on } satisfies Meta));
}

export function setDraftServerId(view: EditorView, key: number, id: string): void {
  view.dispatch(view.state.tr.setMeta(suggestModeKey, { serverId: { key, id } } satisfies Meta));
}

/** Forgets the draft without a word to the server (it was decided or withdrawn elsewhere). */
export function dropDraft(view: EditorView): void {
  view.dispatch(view.state.tr.setMeta(suggestModeKey, { draft: null } satisfies Meta));
}

export function isSuggesting(state: EditorState): boolean {
  return suggestModeKey.getState(state)?.on ?? false;
}

/**
 * Turns the keystroke into the next draft and moves the caret as the person expects:
 * after what they typed, or before what they struck with Backspace. The document itself
 * is not touched; true means the keystroke is handled.
 */
function act(view: EditorView, action: DraftAction, selection: Pick<Selection, 'from' | 'to'> = view.state.selection): boolean {
  const current = suggestModeKey.getState(view.state);
  if (!current?.on) return false;
  const b = yBinding(view.state);
  if (!b) return true;
  const { doc } = view.state;
  const previous = current.draft;
  const continuing = previous !== null && continuesDraft(previous, selection);
  const shape = continuing ? applyAction(doc, previous, action) : startDraft(doc, selection, action);
  if (!shape) return true;
  const draft: LocalDraft = {
    ...shape,
    key: continuing ? previous.key : ++keys,
    serverId: continuing ? previous.serverId : null,
    deletedText: textOfRange(doc, shape.from, shape.to),
    anchor: encodeSuggestionAnchor(shape.from, shape.to, b.type, b.mapping),
  };
  view.dispatch(
    view.state.tr
      .setMeta(suggestModeKey, { draft } satisfies Meta)
      .setSelection(TextSelection.create(doc, caretOf(shape)))
      .scrollIntoView(),
  );
  return true;
}

/** After a change from others the draft's place is read again from its Yjs anchor; gone text ends it. */
function relocate(draft: LocalDraft, state: EditorState, old: EditorState): LocalDraft | null {
  // This plugin's state is computed before the sync plugin's (see `priority`): its binding
  // is read from the state before, which is the same object, already updated.
  const b = yBinding(state) ?? yBinding(old);
  const range = b && resolveSuggestionRange(draft, b.doc, b.type, b.mapping);
  if (!range || range.to > state.doc.content.size || textOfRange(state.doc, range.from, range.to) !== draft.deletedText) return null;
  return range.from === draft.from && range.to === draft.to ? draft : { ...draft, ...range };
}

function keyAction(event: KeyboardEvent): DraftAction | 'swallow' | null {
  if (event.isComposing || event.altKey) return null;
  const mod = event.ctrlKey || event.metaKey;
  if (event.key === 'Backspace') return { kind: 'backspace' };
  if (event.key === 'Delete') return { kind: 'delete' };
  if (event.key === 'Enter' && !mod) return { kind: 'insert', text: '\n' };
  // Undo would change the shared text directly (Yjs undo passes no transaction filter).
  if (mod && /^[zy]$/i.test(event.key)) return 'swallow';
  return null;
}

function inputAction(event: InputEvent): DraftAction | 'swallow' | null {
  switch (event.inputType) {
    case 'insertText':
      return event.data ? { kind: 'insert', text: suggestionTextOf(event.data) } : 'swallow';
    case 'insertParagraph':
    case 'insertLineBreak':
      return { kind: 'insert', text: '\n' };
    case 'deleteContentBackward':
      return { kind: 'backspace' };
    case 'deleteContentForward':
      return { kind: 'delete' };
    case 'insertReplacementText':
    case 'deleteWordBackward':
    case 'deleteWordForward':
    case 'formatBold':
    case 'formatItalic':
    case 'formatUnderline':
    case 'historyUndo':
    case 'historyRedo':
      return 'swallow';
    default:
      // Compositions (not cancellable) arrive through handleTextInput; paste and drop through their handlers.
      return null;
  }
}

function textOf(data: DataTransfer | null, fallback: () => string): string {
  return suggestionTextOf(data?.getData('text/plain') || fallback());
}

/**
 * Suggest mode: while on, typing, Backspace/Delete, Enter, paste and drop grow a local
 * draft suggestion instead of the text, and every other local change of the document is
 * refused. Changes others make (rendered by the Yjs binding) always pass.
 */
export const SuggestMode = Extension.create<{ hooks: SuggestModeHooks | null; initiallyOn: boolean }>({
  name: 'suggestMode',
  // Before Collaboration (1000): its undo keys would change the shared text directly, and
  // the image paste would upload; here they are taken first while suggesting.
  priority: 1001,

  addOptions() {
    return { hooks: null, initiallyOn: false };
  },

  addProseMirrorPlugins() {
    const hooks = () => this.options.hooks;
    const initiallyOn = this.options.initiallyOn;
    return [
      new Plugin<SuggestModeState>({
        key: suggestModeKey,
        state: {
          init: () => ({ on: initiallyOn, draft: null }),
          apply(tr, prev, old, next) {
            const meta = tr.getMeta(suggestModeKey) as Meta | undefined;
            if (meta && 'on' in meta) return { on: meta.on, draft: meta.on ? prev.draft : null };
            if (meta && 'draft' in meta) return { ...prev, draft: meta.draft };
            if (meta && 'serverId' in meta) {
              const d = prev.draft;
              return d && d.key === meta.serverId.key ? { ...prev, draft: { ...d, serverId: meta.serverId.id } } : prev;
            }
            if (prev.draft && tr.docChanged) return { ...prev, draft: relocate(prev.draft, next, old) };
            return prev;
          },
        },
        filterTransaction: (tr, state) => !(tr.docChanged && isSuggesting(state) && tr.getMeta(ySyncPluginKey) === undefined),
        view: () => ({
          update(view, prevState) {
            const draft = suggestModeKey.getState(view.state)?.draft ?? null;
            if (draft !== (suggestModeKey.getState(prevState)?.draft ?? null)) hooks()?.onDraft(draft);
          },
        }),
        props: {
          handleTextInput: (view, from, to, text) => act(view, { kind: 'insert', text: suggestionTextOf(text) }, { from, to }),
          handleKeyDown(view, event) {
            if (!isSuggesting(view.state)) return false;
            const action = keyAction(event);
            if (action === 'swallow') return true;
            return action ? act(view, action) : false;
          },
          handlePaste(view, event, slice) {
            if (!isSuggesting(view.state)) return false;
            const text = textOf(event.clipboardData, () => slice.content.textBetween(0, slice.content.size, '\n', ' '));
            return text ? act(view, { kind: 'insert', text }) : true;
          },
          handleDrop(view, event, slice) {
            if (!isSuggesting(view.state)) return false;
            const at = view.posAtCoords({ left: event.clientX, top: event.clientY });
            const text = textOf(event.dataTransfer, () => slice.content.textBetween(0, slice.content.size, '\n', ' '));
            return at && text ? act(view, { kind: 'insert', text }, { from: at.pos, to: at.pos }) : true;
          },
          handleDOMEvents: {
            // Typing is taken before the browser writes it into the page: the text never
            // holds a character the document does not (and phones' keys arrive here too).
            beforeinput(view, event) {
              if (!isSuggesting(view.state)) return false;
              const action = inputAction(event);
              if (action === null) return false;
              event.preventDefault();
              if (action !== 'swallow') act(view, action);
              return true;
            },
            blur: () => {
              hooks()?.onBlur();
              return false;
            },
          },
        },
      }),
    ];
  },
});
