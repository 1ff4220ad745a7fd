import type { Editor } from '@tiptap/core';
import { useEditorState } from '@tiptap/react';
import type { ReactNode } from 'react';
import type { MessageKey } from '../i18n/nl';
import { useI18n } from '../i18n/i18n';
import { ImageButton } from './ImageButton';

interface Action {
  label: MessageKey;
  text: ReactNode;
  shortcut: string;
  run(editor: Editor): void;
  active?(editor: Editor): boolean;
}

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);
const mod = isMac ? '⌘' : 'Ctrl';

// The shortcuts are StarterKit's own; the toolbar only makes them visible and clickable.
const GROUPS: Action[][] = [
  [
    { label: 'toolbar.bold', text: <strong>B</strong>, shortcut: `${mod}+B`, run: (e) => e.chain().focus().toggleBold().run(), active: (e) => e.isActive('bold') },
    { label: 'toolbar.italic', text: <em>I</em>, shortcut: `${mod}+I`, run: (e) => e.chain().focus().toggleItalic().run(), active: (e) => e.isActive('italic') },
    { label: 'toolbar.underline', text: <u>U</u>, shortcut: `${mod}+U`, run: (e) => e.chain().focus().toggleUnderline().run(), active: (e) => e.isActive('underline') },
    { label: 'toolbar.strike', text: <s>S</s>, shortcut: `${mod}+Shift+S`, run: (e) => e.chain().focus().toggleStrike().run(), active: (e) => e.isActive('strike') },
    { label: 'toolbar.code', text: '</>', shortcut: `${mod}+E`, run: (e) => e.chain().focus().toggleCode().run(), active: (e) => e.isActive('code') },
  ],
  [
    { label: 'toolbar.h1', text: 'H1', shortcut: `${mod}+Alt+1`, run: (e) => e.chain().focus().toggleHeading({ level: 1 }).run(), active: (e) => e.isActive('heading', { level: 1 }) },
    { label: 'toolbar.h2', text: 'H2', shortcut: `${mod}+Alt+2`, run: (e) => e.chain().focus().toggleHeading({ level: 2 }).run(), active: (e) => e.isActive('heading', { level: 2 }) },
    { label: 'toolbar.h3', text: 'H3', shortcut: `${mod}+Alt+3`, run: (e) => e.chain().focus().toggleHeading({ level: 3 }).run(), active: (e) => e.isActive('heading', { level: 3 }) },
  ],
  [
    { label: 'toolbar.bulletList', text: '•', shortcut: `${mod}+Shift+8`, run: (e) => e.chain().focus().toggleBulletList().run(), active: (e) => e.isActive('bulletList') },
    { label: 'toolbar.orderedList', text: '1.', shortcut: `${mod}+Shift+7`, run: (e) => e.chain().focus().toggleOrderedList().run(), active: (e) => e.isActive('orderedList') },
    { label: 'toolbar.blockquote', text: '❝', shortcut: `${mod}+Shift+B`, run: (e) => e.chain().focus().toggleBlockquote().run(), active: (e) => e.isActive('blockquote') },
    { label: 'toolbar.codeBlock', text: '{ }', shortcut: `${mod}+Alt+C`, run: (e) => e.chain().focus().toggleCodeBlock().run(), active: (e) => e.isActive('codeBlock') },
  ],
  [
    {
      label: 'toolbar.table',
      text: '▦',
      shortcut: '',
      run: (e) => e.chain().focus().insertTable({ rows: 3, cols: 3, withHeaderRow: true }).run(),
      active: (e) => e.isActive('table'),
    },
  ],
  [
    { label: 'toolbar.undo', text: '↶', shortcut: `${mod}+Z`, run: (e) => e.chain().focus().undo().run() },
    { label: 'toolbar.redo', text: '↷', shortcut: `${mod}+Shift+Z`, run: (e) => e.chain().focus().redo().run() },
  ],
];

/** Formatting buttons with their names and shortcuts exposed to assistive technology. */
export function Toolbar({ editor }: { editor: Editor }) {
  const { t } = useI18n();
  const active = useEditorState({
    editor,
    selector: ({ editor: e }) => GROUPS.flat().map((a) => a.active?.(e) ?? false),
  });

  function editLink() {
    const previous = (editor.getAttributes('link') as { href?: string }).href ?? '';
    const href = window.prompt(t('toolbar.linkPrompt'), previous);
    if (href === null) return;
    const chain = editor.chain().focus().extendMarkRange('link');
    if (href.trim() === '') chain.unsetLink().run();
    else chain.setLink({ href: href.trim() }).run();
  }

  let index = 0;
  return (
    <div className="toolbar" role="toolbar" aria-label={t('toolbar.label')}>
      {GROUPS.map((group, g) => (
        <span key={g} style={{ display: 'contents' }}>
          {g > 0 && <span className="toolbar__sep" aria-hidden="true" />}
          {group.map((action) => {
            const pressed = action.active ? active[index] : undefined;
            index += 1;
            return (
              <button
                key={action.label}
                type="button"
                aria-label={t(action.label)}
                aria-keyshortcuts={action.shortcut ? action.shortcut.replace('⌘', 'Meta').replace('Ctrl', 'Control') : undefined}
                aria-pressed={pressed}
                title={action.shortcut ? `${t(action.label)} (${action.shortcut})` : t(action.label)}
                onClick={() => action.run(editor)}
              >
                <span aria-hidden="true">{action.text}</span>
              </button>
            );
          })}
          {g === GROUPS.length - 2 && <ImageButton editor={editor} />}
          {g === 0 && (
            <button
              type="button"
              aria-label={t('toolbar.link')}
              aria-pressed={editor.isActive('link')}
              title={t('toolbar.link')}
              onClick={editLink}
            >
              <LinkIcon />
            </button>
          )}
        </span>
      ))}
    </div>
  );
}

function LinkIcon() {
  return (
    <svg viewBox="0 0 24 24" aria-hidden="true" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round">
      <path d="M10 13a5 5 0 0 0 7.07 0l3-3a5 5 0 0 0-7.07-7.07l-1.5 1.5" />
      <path d="M14 11a5 5 0 0 0-7.07 0l-3 3a5 5 0 0 0 7.07 7.07l1.5-1.5" />
    </svg>
  );
}
