import type { Editor } from '@tiptap/core';
import { useRef } from 'react';
import { useI18n } from '../i18n/i18n';
import { insertImageFile } from './image-paste';

/** "Afbeelding invoegen": pick a file, describe it (alt text) and optionally caption it; then it uploads. */
export function ImageButton({ editor }: { editor: Editor }) {
  const { t } = useI18n();
  const input = useRef<HTMLInputElement>(null);

  function chosen(files: FileList | null) {
    const file = files?.[0];
    if (input.current) input.current.value = '';
    if (!file) return;
    const alt = window.prompt(t('image.altPrompt'), '');
    if (alt === null) return;
    const title = window.prompt(t('image.captionPrompt'), '') ?? '';
    void insertImageFile(editor, file, { alt: alt.trim(), title: title.trim() });
  }

  return (
    <>
      <button type="button" aria-label={t('toolbar.image')} title={t('toolbar.image')} onClick={() => input.current?.click()}>
        <span aria-hidden="true">🖼</span>
      </button>
      <input ref={input} type="file" accept="image/png,image/jpeg,image/gif,image/webp" hidden data-testid="image-file" onChange={(e) => chosen(e.target.files)} />
    </>
  );
}
