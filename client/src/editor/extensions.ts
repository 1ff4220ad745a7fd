import type { AnyExtension } from '@tiptap/core';
import Collaboration from '@tiptap/extension-collaboration';
import CollaborationCaret from '@tiptap/extension-collaboration-caret';
import StarterKit from '@tiptap/starter-kit';
import type { CollabSession } from './collab-session';

/**
 * The editor's extensions: exactly the StarterKit nodes and marks of CONTRACT §3 (so the
 * server's export understands every document), bound to the Yjs document.
 */
export function editorExtensions(session: CollabSession, user: { name: string; color: string }): AnyExtension[] {
  return [
    StarterKit.configure({
      // Collaboration brings its own Yjs-aware undo; ProseMirror's history would fight it.
      undoRedo: false,
      // Underline is not one of the contract's marks: the export would drop it.
      underline: false,
      link: { openOnClick: false, autolink: true, protocols: ['http', 'https', 'mailto'] },
    }),
    Collaboration.configure({ document: session.doc, field: 'default' }),
    // The server overwrites `user` with the authenticated identity before others see it;
    // what is set here only labels our own state until then.
    CollaborationCaret.configure({ provider: session.provider, user }),
  ];
}
