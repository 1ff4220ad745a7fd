import type { AnyExtension } from '@tiptap/core';
import Collaboration from '@tiptap/extension-collaboration';
import CollaborationCaret from '@tiptap/extension-collaboration-caret';
import { contentExtensions } from '../../../shared/editor-content';
import type * as Y from 'yjs';
import { blockLocalEdits } from './block-local-edits';
import { colorSlotsFromAwareness } from './caret-colors';
import type { CollabSession } from './collab-session';

/**
 * The document's schema bound to its Yjs document: the content extensions shared with the
 * server (shared/editor-content.ts), so export, import and schema checks know every node. Tests bind their
 * editors through this same list, so what they prove holds for the app's binding.
 */
export function documentExtensions(doc: Y.Doc, blocked: () => boolean = () => false): AnyExtension[] {
  return [
    ...contentExtensions({ autolink: true }),
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
