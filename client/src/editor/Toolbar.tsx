import type { Editor } from '@tiptap/core';
import { useEditorState } from '@tiptap/react';
import { useMemo } from 'react';
import { useI18n } from '../i18n/i18n';
import { defaultToolbar, type ToolbarButton } from './toolbar-buttons';

interface Props {
  editor: Editor;
  /** Groups of buttons; the default toolbar when left out. */
  groups?: ToolbarButton[][];
}

/** Formatting buttons: Dutch names, their shortcuts in the tooltip and for assistive technology. */
export function Toolbar({ editor, groups }: Props) {
  const { t } = useI18n();
  const prompt = t('toolbar.linkPrompt');
  const shown = useMemo(
    () => (groups ?? defaultToolbar(prompt)).map((g) => g.filter((b) => b.available?.(editor) ?? true)).filter((g) => g.length > 0),
    [groups, prompt, editor],
  );
  const active = useEditorState({
    editor,
    selector: ({ editor: e }) => shown.flat().map((b) => b.active?.(e) ?? false),
  });

  let index = 0;
  return (
    <div className="toolbar" role="toolbar" aria-label={t('toolbar.label')}>
      {shown.map((group, g) => (
        <span key={g} className="toolbar__group">
          {g > 0 && <span className="toolbar__sep" aria-hidden="true" />}
          {group.map((button) => {
            const pressed = button.active ? active[index] : undefined;
            index += 1;
            const label = t(button.label);
            return (
              <button
                key={button.id}
                type="button"
                // Icon faces carry no text: the name comes from aria-label. Text faces are
                // the name itself (or its first letter), so the two always agree.
                aria-label={typeof button.face === 'function' || button.face === 'initial' ? label : undefined}
                aria-keyshortcuts={button.shortcut?.replace('⌘', 'Meta').replace('Ctrl', 'Control')}
                aria-pressed={pressed}
                title={button.shortcut ? `${label} (${button.shortcut})` : label}
                className={button.face === 'label' ? 'toolbar__text' : undefined}
                data-button={button.id}
                onClick={() => button.run(editor)}
              >
                <Face button={button} label={label} />
              </button>
            );
          })}
        </span>
      ))}
    </div>
  );
}

function Face({ button, label }: { button: ToolbarButton; label: string }) {
  const { t } = useI18n();
  if (button.face === 'label') return <>{label}</>;
  if (typeof button.face === 'function') return <>{button.face(t)}</>;
  const letter = label.charAt(0);
  const Tag = button.initialStyle ?? 'span';
  return <Tag>{letter}</Tag>;
}
