import type { AnyExtension, Editor } from '@tiptap/core';
import { EditorContent, useEditor } from '@tiptap/react';
import { useEffect, type ReactNode } from 'react';
import { useI18n } from '../i18n/i18n';
import type { CollabSession } from './collab-session';
import { editorExtensions } from './extensions';
import { DocumentOutline } from './DocumentOutline';
import { Toolbar } from './Toolbar';
import { TableMenu } from './TableMenu';
import { ImageButton } from './ImageButton';
import { WordCount } from './WordCount';

interface Props {
  session: CollabSession;
  user: { id: string; name: string; color: string };
  editable: boolean;
  /** More extensions (e.g. comment highlights); must be stable for the session. */
  extensions?: AnyExtension[];
  /** Rendered beside the editor with the editor instance (e.g. the comments panel). */
  aside?: (editor: Editor) => ReactNode;
  /** Rendered above the text of an editable editor instead of the formatting tools (e.g. with a mode switch). */
  tools?: (editor: Editor) => ReactNode;
}

/** The TipTap editor on the session's Yjs document; read-only editors get no toolbar. */
export function CollaborativeEditor({ session, user, editable, extensions, aside, tools }: Props) {
  const { t } = useI18n();
  const editor = useEditor(
    {
      extensions: [...editorExtensions(session, user), ...(extensions ?? [])],
      editable,
      editorProps: {
        attributes: {
          'aria-label': t('doc.editorLabel'),
          'aria-multiline': 'true',
          role: 'textbox',
          'data-testid': 'editor',
        },
      },
      // Only what the toolbar reads changes on a transaction; it subscribes by itself.
      shouldRerenderOnTransaction: false,
    },
    [session],
  );

  useEffect(() => {
    editor.setEditable(editable);
    editor.setOptions({ editorProps: { attributes: { 'aria-label': t('doc.editorLabel'), 'aria-multiline': 'true', role: 'textbox', 'aria-readonly': String(!editable), 'data-testid': 'editor' } } });
  }, [editor, editable, t]);

  const main = (
    <div>
      <DocumentOutline editor={editor} />
      {editable && tools && tools(editor)}
      {editable && !tools && (
        <>
          <Toolbar editor={editor} />
          <ImageButton editor={editor} />
          <TableMenu editor={editor} />
        </>
      )}
      <EditorContent editor={editor} className={editable ? 'editor' : 'editor editor--readonly'} />
      <p className="editor__footer">
        <WordCount editor={editor} />
      </p>
    </div>
  );
  if (!aside) return main;
  return (
    <div className="with-comments">
      {main}
      {aside(editor)}
    </div>
  );
}
