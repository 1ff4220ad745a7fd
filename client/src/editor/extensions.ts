import type { AnyExtension } from '@tiptap/core';
import Collaboration from '@tiptap/extension-collaboration';
import CollaborationCaret from '@tiptap/extension-collaboration-caret';
import StarterKit from '@tiptap/starter-kit';
import type * as Y from 'yjs';
import { blockLocalEdits } from './block-local-edits';
import { colorSlotsFromAwareness } from './caret-colors';
import type { CollabSession } from './collab-session';

/**
 * The document's schema bound to its Yjs document: exactly the StarterKit nodes and marks
 * of CONTRACT §3 (so the server's export understands every document). Tests bind their
 * editors through this same list, so what they prove holds for the app's binding.
 */
export function documentExtensions(doc: Y.Doc, blocked: () => boolean = () => false): AnyExtension[] {
  return [
    StarterKit.configure({
      // Collaboration brings its own Yjs-aware undo; ProseMirror's history would fight it.
      undoRedo: false,
      // Underline is not one of the contract's marks: the export would drop it.
      underline: false,
      link: { openOnClick: false, autolink: true, protocols: ['http', 'https', 'mailto'] },
    }),
    Collaboration.configure({ document: doc, field: 'default' }),
    blockLocalEdits(blocked),
  ];
}

/**
 * The editor's extensions: the bound document plus the other people's carets, coloured
 * from the document's palette (a different colour for everyone present) through classes.
 */
export function editorExtensions(session: CollabSession, user: { id: string; name: string; color: string }): AnyExtension[] {
  const slot = (id: unknown) => (typeof id === 'string' ? colorSlotsFromAwareness(session.provider.awareness, user.id).get(id) : undefined) ?? 0;
  return [
    ...documentExtensions(session.doc, () => session.contentTooDeep),
    // The server overwrites `user` with the authenticated identity before others see it;
    // what is set here only labels our own state until then.
    CollaborationCaret.configure({
      provider: session.provider,
      user,
      render: (u) => {
        const caret = document.createElement('span');
        caret.className = `collaboration-carets__caret person-color--${slot(u.id)}`;
        const label = document.createElement('div');
        label.className = 'collaboration-carets__label';
        label.textContent = typeof u.name === 'string' ? u.name : '';
        caret.append(label);
        return caret;
      },
      selectionRender: (u) => ({ class: `ProseMirror-yjs-selection person-selection--${slot(u.id)}` }),
    }),
  ];
}
