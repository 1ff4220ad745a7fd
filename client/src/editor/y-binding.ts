import type { EditorState } from '@tiptap/pm/state';
import { ySyncPluginKey } from '@tiptap/y-tiptap';
import type * as Y from 'yjs';
import type { ProsemirrorMapping } from '../../../shared/comment-anchors';

export interface YBinding {
  doc: Y.Doc;
  type: Y.XmlFragment;
  mapping: ProsemirrorMapping;
}

/** The editor's Yjs binding (document, fragment, node mapping), once the sync plugin has one. */
export function yBinding(state: EditorState): YBinding | null {
  return (ySyncPluginKey.getState(state) as { binding?: YBinding | null } | undefined)?.binding ?? null;
}
