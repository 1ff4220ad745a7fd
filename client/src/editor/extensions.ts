import type { AnyExtension } from '@tiptap/core';
import Collaboration from '@tiptap/extension-collaboration';
import CollaborationCaret from '@tiptap/extension-collaboration-caret';
import { contentExtensions } from '../../../shared/editor-content';
import type { CollabSession } from './collab-session';

/**
 * The editor's extensions: the content extensions shared with the server (so the export,
 * the import and the schema checks understand every document), bound to the Yjs document.
 */
export function editorExtensions(session: CollabSession, user: { name: string; color: string }): AnyExtension[] {
  return [
    ...contentExtensions({ autolink: true }),
    Collaboration.configure({ document: session.doc, field: 'default' }),
    // The server overwrites `user` with the authenticated identity before others see it;
    // what is set here only labels our own state until then.
    CollaborationCaret.configure({ provider: session.provider, user }),
  ];
}
