import '../documents/documents.css';
import type { Editor } from '@tiptap/core';
import { useEditorState } from '@tiptap/react';
import type { MessageKey } from '../i18n/nl';
import { useI18n } from '../i18n/i18n';

// Whether each action can apply here; its keys are the labels an action may have.
const canRun = {
  'table.addRowAfter': (e) => e.can().addRowAfter(),
  'table.addColumnAfter': (e) => e.can().addColumnAfter(),
  'table.deleteRow': (e) => e.can().deleteRow(),
  'table.deleteColumn': (e) => e.can().deleteColumn(),
  'table.toggleHeaderRow': (e) => e.can().toggleHeaderRow(),
  'table.mergeCells': (e) => e.can().mergeCells(),
  'table.splitCell': (e) => e.can().splitCell(),
  'table.deleteTable': (e) => e.can().deleteTable(),
} satisfies Partial<Record<MessageKey, (e: Editor) => boolean>>;

interface TableAction {
  label: keyof typeof canRun;
  run(editor: Editor): boolean;
}

// TableKit's own commands; each button is disabled when its command cannot apply here.
const ACTIONS: TableAction[] = [
  { label: 'table.addRowAfter', run: (e) => e.chain().focus().addRowAfter().run() },
  { label: 'table.addColumnAfter', run: (e) => e.chain().focus().addColumnAfter().run() },
  { label: 'table.deleteRow', run: (e) => e.chain().focus().deleteRow().run() },
  { label: 'table.deleteColumn', run: (e) => e.chain().focus().deleteColumn().run() },
  { label: 'table.toggleHeaderRow', run: (e) => e.chain().focus().toggleHeaderRow().run() },
  { label: 'table.mergeCells', run: (e) => e.chain().focus().mergeCells().run() },
  { label: 'table.splitCell', run: (e) => e.chain().focus().splitCell().run() },
  { label: 'table.deleteTable', run: (e) => e.chain().focus().deleteTable().run() },
];

/** The small table menu, shown while the cursor is in a table: a toolbar of its own for keyboard users. */
export function TableMenu({ editor }: { editor: Editor }) {
  const { t } = useI18n();
  const state = useEditorState({
    editor,
    selector: ({ editor: e }) => ({ inTable: e.isActive('table'), enabled: ACTIONS.map((a) => canRun[a.label](e)) }),
  });
  if (!state.inTable) return null;
  return (
    <div className="toolbar toolbar--table" role="toolbar" aria-label={t('table.menu')} data-testid="table-menu">
      {ACTIONS.map((action, i) => (
        <button key={action.label} type="button" disabled={!state.enabled[i]} onClick={() => action.run(editor)}>
          {t(action.label)}
        </button>
      ))}
    </div>
  );
}
