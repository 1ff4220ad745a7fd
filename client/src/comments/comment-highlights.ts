import { Extension } from '@tiptap/core';
import { Plugin, PluginKey, type EditorState, type Transaction } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';
import { ySyncPluginKey } from '@tiptap/y-tiptap';
import { yBinding } from '../editor/y-binding';
import { encodeAnchor, resolveThreadRange, type EncodedAnchor } from '../../../shared/comment-anchors';

/** What the highlights need to know of a thread. */
export interface AnchoredThread {
  id: string;
  anchor: EncodedAnchor;
  resolved: boolean;
  /** The commented text when the thread was made: found again if structure edits lose the anchor. */
  quote?: string;
}

export interface HighlightInput {
  threads: AnchoredThread[];
  activeId: string | null;
  showResolved: boolean;
}

interface HighlightState extends HighlightInput {
  decorations: DecorationSet;
}

export const commentHighlightsKey = new PluginKey<HighlightState>('commentHighlights');

/** Hooks from the comments panel into the editor; set once, read on every event. */
export interface CommentHooks {
  /** The comment shortcut was pressed in the editor. */
  onShortcut(): void;
  /** A highlight was clicked. */
  onActivate(threadId: string): void;
}

/**
 * Highlights from the threads' Yjs anchors, recomputed whenever the threads change or
 * a change arrives through Yjs (the binding's mapping is current then). Local typing
 * only maps the existing highlights: the Yjs side catches up after the transaction.
 */
function computeDecorations(state: EditorState, input: HighlightInput): DecorationSet {
  const b = yBinding(state);
  if (!b) return DecorationSet.empty;
  const decorations: Decoration[] = [];
  for (const thread of input.threads) {
    if (thread.resolved && !input.showResolved) continue;
    const range = resolveThreadRange(thread, b.doc, b.type, b.mapping, state.doc);
    if (!range || range.to > state.doc.content.size) continue;
    const classes = ['comment-highlight'];
    if (thread.resolved) classes.push('comment-highlight--resolved');
    if (thread.id === input.activeId) classes.push('comment-highlight--active');
    decorations.push(
      Decoration.inline(range.from, range.to, { class: classes.join(' '), 'data-thread-id': thread.id }, { threadId: thread.id }),
    );
  }
  return DecorationSet.create(state.doc, decorations);
}

/** The threads whose text is still in the document, in document order (the rest are orphaned). */
export function anchoredThreadIds(state: EditorState): string[] {
  const decorations = commentHighlightsKey.getState(state)?.decorations.find() ?? [];
  return [...decorations].sort((a, b) => a.from - b.from).map((d) => (d.spec as { threadId: string }).threadId);
}

export function setHighlights(tr: Transaction, input: HighlightInput): Transaction {
  return tr.setMeta(commentHighlightsKey, input);
}

export const CommentHighlights = Extension.create<{ hooks: CommentHooks | null }>({
  name: 'commentHighlights',

  addOptions() {
    return { hooks: null };
  },

  addKeyboardShortcuts() {
    return {
      'Mod-Alt-m': () => {
        this.options.hooks?.onShortcut();
        return true;
      },
    };
  },

  addProseMirrorPlugins() {
    const hooks = () => this.options.hooks;
    return [
      new Plugin<HighlightState>({
        key: commentHighlightsKey,
        state: {
          init: () => ({ threads: [], activeId: null, showResolved: false, decorations: DecorationSet.empty }),
          apply(tr, prev, _old, next) {
            const input = tr.getMeta(commentHighlightsKey) as HighlightInput | undefined;
            if (input) return { ...input, decorations: computeDecorations(next, input) };
            if (tr.getMeta(ySyncPluginKey) !== undefined) return { ...prev, decorations: computeDecorations(next, prev) };
            if (tr.docChanged) return { ...prev, decorations: prev.decorations.map(tr.mapping, tr.doc) };
            return prev;
          },
        },
        props: {
          decorations: (state) => commentHighlightsKey.getState(state)?.decorations,
          handleClick(view, pos) {
            const found = commentHighlightsKey.getState(view.state)?.decorations.find(pos, pos) ?? [];
            const hit = found[0];
            if (hit) hooks()?.onActivate((hit.spec as { threadId: string }).threadId);
            return false;
          },
        },
      }),
    ];
  },
});

/** The selection as a new thread's anchor and quote, or null when nothing is selected. */
export function anchorForSelection(state: EditorState): { anchor: EncodedAnchor; quote: string } | null {
  const { from, to, empty } = state.selection;
  const b = yBinding(state);
  if (empty || !b) return null;
  const quote = state.doc.textBetween(from, to, ' ').trim();
  if (!quote) return null;
  return { anchor: encodeAnchor(from, to, b.type, b.mapping), quote: quote.length > 500 ? `${quote.slice(0, 499)}…` : quote };
}
