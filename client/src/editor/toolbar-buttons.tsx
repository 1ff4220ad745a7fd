import type { Editor } from '@tiptap/core';
import type { ReactNode } from 'react';
import type { MessageKey } from '../i18n/nl';
import type { Translate } from '../i18n/translate';

/**
 * One toolbar button. The accessible name is `label`; what shows is `face` — an icon (no
 * text, so it cannot disagree with the name), or the label's own first letter or whole
 * text. The tooltip is "label (shortcut)". Features add buttons by adding definitions.
 */
export interface ToolbarButton {
  id: string;
  label: MessageKey;
  face: 'label' | 'initial' | ((t: Translate) => ReactNode);
  /** How the face's letter looks for `initial` (bold B, italic I …). */
  initialStyle?: 'strong' | 'em' | 's' | 'u';
  shortcut?: string;
  run(editor: Editor): void;
  active?(editor: Editor): boolean;
  /** Hidden when it returns false (e.g. a feature the schema lacks). */
  available?(editor: Editor): boolean;
}

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);
export const MOD = isMac ? '⌘' : 'Ctrl';

function icon(paths: ReactNode) {
  return () => (
    <svg viewBox="0 0 24 24" aria-hidden="true" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round">
      {paths}
    </svg>
  );
}

const bulletIcon = icon(<><path d="M9 6h11M9 12h11M9 18h11" /><circle cx="4.5" cy="6" r="1" /><circle cx="4.5" cy="12" r="1" /><circle cx="4.5" cy="18" r="1" /></>);
const numberIcon = icon(<><path d="M10 6h10M10 12h10M10 18h10" /><path d="M4 5l1.5-1v5M3.5 14.5a1.5 1.5 0 1 1 2.5 1L3.5 19H6.5" /></>);
const quoteIcon = icon(<><path d="M7 7H4v6h3l-1 4M17 7h-3v6h3l-1 4" /></>);
const linkIcon = icon(<><path d="M10 13a5 5 0 0 0 7.07 0l3-3a5 5 0 0 0-7.07-7.07l-1.5 1.5" /><path d="M14 11a5 5 0 0 0-7.07 0l-3 3a5 5 0 0 0 7.07 7.07l1.5-1.5" /></>);
const undoIcon = icon(<><path d="M9 14L4 9l5-5" /><path d="M4 9h10a6 6 0 0 1 0 12h-3" /></>);
const tableIcon = icon(<><rect x="3" y="4" width="18" height="16" rx="1" /><path d="M3 10h18M3 15h18M9 4v16M15 4v16" /></>);
const redoIcon = icon(<><path d="M15 14l5-5-5-5" /><path d="M20 9H10a6 6 0 0 0 0 12h3" /></>);

function editLink(editor: Editor, prompt: string) {
  const previous = (editor.getAttributes('link') as { href?: string }).href ?? '';
  const href = window.prompt(prompt, previous);
  if (href === null) return;
  const chain = editor.chain().focus().extendMarkRange('link');
  if (href.trim() === '') chain.unsetLink().run();
  else chain.setLink({ href: href.trim() }).run();
}

/**
 * The default toolbar, in groups. Inline code and code blocks stay available by their
 * StarterKit shortcuts (Ctrl+E, Ctrl+Alt+C) but get no button: city officials do not
 * write code, and "</>" or "{ }" mean nothing to them.
 */
export function defaultToolbar(linkPrompt: string): ToolbarButton[][] {
  return [
    [
      { id: 'bold', label: 'toolbar.bold', face: 'initial', initialStyle: 'strong', shortcut: `${MOD}+B`, run: (e) => e.chain().focus().toggleBold().run(), active: (e) => e.isActive('bold') },
      { id: 'italic', label: 'toolbar.italic', face: 'initial', initialStyle: 'em', shortcut: `${MOD}+I`, run: (e) => e.chain().focus().toggleItalic().run(), active: (e) => e.isActive('italic') },
      { id: 'underline', label: 'toolbar.underline', face: 'initial', initialStyle: 'u', shortcut: `${MOD}+U`, run: (e) => e.chain().focus().toggleUnderline().run(), active: (e) => e.isActive('underline') },
      { id: 'strike', label: 'toolbar.strike', face: 'initial', initialStyle: 's', shortcut: `${MOD}+Shift+S`, run: (e) => e.chain().focus().toggleStrike().run(), active: (e) => e.isActive('strike') },
      { id: 'link', label: 'toolbar.link', face: linkIcon, run: (e) => editLink(e, linkPrompt), active: (e) => e.isActive('link') },
    ],
    [
      { id: 'h1', label: 'toolbar.h1', face: 'label', shortcut: `${MOD}+Alt+1`, run: (e) => e.chain().focus().toggleHeading({ level: 1 }).run(), active: (e) => e.isActive('heading', { level: 1 }) },
      { id: 'h2', label: 'toolbar.h2', face: 'label', shortcut: `${MOD}+Alt+2`, run: (e) => e.chain().focus().toggleHeading({ level: 2 }).run(), active: (e) => e.isActive('heading', { level: 2 }) },
      { id: 'h3', label: 'toolbar.h3', face: 'label', shortcut: `${MOD}+Alt+3`, run: (e) => e.chain().focus().toggleHeading({ level: 3 }).run(), active: (e) => e.isActive('heading', { level: 3 }) },
    ],
    [
      { id: 'bulletList', label: 'toolbar.bulletList', face: bulletIcon, shortcut: `${MOD}+Shift+8`, run: (e) => e.chain().focus().toggleBulletList().run(), active: (e) => e.isActive('bulletList') },
      { id: 'orderedList', label: 'toolbar.orderedList', face: numberIcon, shortcut: `${MOD}+Shift+7`, run: (e) => e.chain().focus().toggleOrderedList().run(), active: (e) => e.isActive('orderedList') },
      { id: 'blockquote', label: 'toolbar.blockquote', face: quoteIcon, shortcut: `${MOD}+Shift+B`, run: (e) => e.chain().focus().toggleBlockquote().run(), active: (e) => e.isActive('blockquote') },
      { id: 'table', label: 'toolbar.table', face: tableIcon, run: (e) => e.chain().focus().insertTable({ rows: 3, cols: 3, withHeaderRow: true }).run(), active: (e) => e.isActive('table') },
    ],
    [
      { id: 'undo', label: 'toolbar.undo', face: undoIcon, shortcut: `${MOD}+Z`, run: (e) => e.chain().focus().undo().run() },
      { id: 'redo', label: 'toolbar.redo', face: redoIcon, shortcut: `${MOD}+Shift+Z`, run: (e) => e.chain().focus().redo().run() },
    ],
  ];
}
