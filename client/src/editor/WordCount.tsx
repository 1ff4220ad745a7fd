import type { Editor } from '@tiptap/core';
import { useEditorState } from '@tiptap/react';
import { useI18n } from '../i18n/i18n';

export function countWords(text: string): number {
  const words = text.match(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu);
  return words ? words.length : 0;
}

/** "412 woorden", kept up to date as anyone types. */
export function WordCount({ editor }: { editor: Editor }) {
  const { t } = useI18n();
  const count = useEditorState({
    editor,
    selector: ({ editor: e }) => countWords(e.state.doc.textBetween(0, e.state.doc.content.size, ' ', ' ')),
  });
  return (
    <span className="small muted" data-testid="word-count">
      {t('doc.wordCount', { count })}
    </span>
  );
}
