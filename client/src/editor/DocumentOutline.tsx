import type { Editor } from '@tiptap/core';
import { useEditorState } from '@tiptap/react';
import { useI18n } from '../i18n/i18n';

interface Heading {
  level: number;
  text: string;
  pos: number;
}

/** Documents with fewer headings than this need no outline. */
const MIN_HEADINGS = 3;

function headingsOf(editor: Editor): Heading[] {
  const out: Heading[] = [];
  editor.state.doc.descendants((node, pos) => {
    if (node.type.name === 'heading') {
      out.push({ level: Number(node.attrs.level) || 1, text: node.textContent, pos });
      return false;
    }
    return node.isBlock;
  });
  return out;
}

const sameHeadings = (a: Heading[], b: Heading[] | null) =>
  b !== null &&
  a.length === b.length && a.every((h, i) => h.level === b[i]!.level && h.text === b[i]!.text && h.pos === b[i]!.pos);

/** The headings of a long document; choosing one puts the caret there and scrolls to it. */
export function DocumentOutline({ editor }: { editor: Editor }) {
  const { t } = useI18n();
  const headings = useEditorState({ editor, selector: ({ editor: e }) => headingsOf(e), equalityFn: sameHeadings });
  if (headings.length < MIN_HEADINGS) return null;

  function go(h: Heading) {
    editor.chain().focus().setTextSelection(h.pos + 1).scrollIntoView().run();
  }

  return (
    <details className="outline" data-testid="outline">
      <summary>{t('doc.outline')}</summary>
      <nav aria-label={t('doc.outlineHint')}>
        <ul>
          {headings.map((h, i) => (
            <li key={`${h.pos}-${i}`} className={`outline__level-${Math.min(h.level, 3)}`}>
              <button type="button" className="link-button" onClick={() => go(h)}>
                {h.text || '…'}
              </button>
            </li>
          ))}
        </ul>
      </nav>
    </details>
  );
}
