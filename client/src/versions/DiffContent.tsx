import { EditorContent, useEditor } from '@tiptap/react';
import { useMemo } from 'react';
import { contentExtensions } from '../../../shared/editor-content';
import type { VersionDiff } from '../../../shared/versions';
import { useI18n } from '../i18n/i18n';
import { versionChangeExtensions, type ChangeLook } from './version-marks';

/** A diff's merged content, read-only, with every change in its author's colour. */
export function DiffContent({ diff, look }: { diff: VersionDiff; look: ChangeLook }) {
  const { t } = useI18n();
  const extensions = useMemo(() => [...contentExtensions(), ...versionChangeExtensions(look)], [look]);
  const editor = useEditor(
    {
      extensions,
      content: diff.content,
      editable: false,
      editorProps: { attributes: { 'aria-label': t('versions.contentLabel'), role: 'document', 'data-testid': 'version-content' } },
    },
    [diff, extensions],
  );
  return <EditorContent editor={editor} className="editor editor--readonly version-content" />;
}
