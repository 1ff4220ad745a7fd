import type { Editor } from '@tiptap/core';
import { useEditorState } from '@tiptap/react';
import { useEffect } from 'react';
import { ImageButton } from '../editor/ImageButton';
import { TableMenu } from '../editor/TableMenu';
import { Toolbar } from '../editor/Toolbar';
import { useI18n } from '../i18n/i18n';
import { isSuggesting, setSuggesting } from './suggest-mode';

interface Props {
  editor: Editor;
  /** Editors and owners may change the text directly; everyone else who may write suggests. */
  canEdit: boolean;
}

/**
 * Above the text: "Bewerken / Voorstellen" for editors, then the formatting toolbar while
 * editing, or a line saying what suggesting does (formatting is not suggested).
 */
export function EditorTools({ editor, canEdit }: Props) {
  const { t } = useI18n();
  const suggesting = useEditorState({ editor, selector: ({ editor: e }) => isSuggesting(e.state) });

  // Who may not edit always suggests, also after a role change while the page is open.
  useEffect(() => {
    if (!canEdit && !isSuggesting(editor.state)) setSuggesting(editor.view, true);
  }, [editor, canEdit]);

  const choose = (on: boolean) => {
    if (on !== suggesting) setSuggesting(editor.view, on);
    // At once, not through the focus command (a frame later, it would put back the caret
    // over a selection made meanwhile).
    editor.view.focus();
  };

  return (
    <>
      {canEdit && (
        <div className="mode-switch" role="group" aria-label={t('suggestions.modeLabel')} data-testid="mode-switch">
          <button type="button" aria-pressed={!suggesting} title={t('suggestions.editTip')} onClick={() => choose(false)} data-mode="edit">
            {t('suggestions.edit')}
          </button>
          <button type="button" aria-pressed={suggesting} title={t('suggestions.suggestTip')} onClick={() => choose(true)} data-mode="suggest">
            {t('suggestions.suggest')}
          </button>
        </div>
      )}
      {suggesting ? (
        <p className="notice small suggest-hint" data-testid="suggest-hint">
          {t('suggestions.hint')}
          {canEdit && ` ${t('suggestions.formattingOff')}`}
        </p>
      ) : (
        <>
          <Toolbar editor={editor} />
          <ImageButton editor={editor} />
          <TableMenu editor={editor} />
        </>
      )}
    </>
  );
}
