import { Extension, Mark } from '@tiptap/core';
import { CHANGE_MARK, type ChangeAttrs } from '../../../shared/versions';

/** How a change is shown: the person's colour slot (null: not known) and the words on hover. */
export interface ChangeLook {
  slot(by: string | null): number | null;
  label(change: ChangeAttrs): string;
}

/** Every node type that can carry a `change` attribute in a diff (the shared content list). */
const BLOCKS = [
  'paragraph', 'heading', 'blockquote', 'bulletList', 'orderedList', 'listItem', 'codeBlock', 'horizontalRule',
  'image', 'table', 'tableRow', 'tableCell', 'tableHeader', 'hardBreak',
];

/** Text gets the person's tint behind it; a block only their colour at its edge. */
function classesOf(change: ChangeAttrs, look: ChangeLook, tint: boolean): string {
  const slot = look.slot(change.by);
  const person = slot === null ? 'version-change--unknown' : `person-color--${slot}${tint ? ` person-selection--${slot}` : ''}`;
  return `version-change version-change--${change.kind} ${person}`;
}

const isChange = (v: unknown): v is ChangeAttrs =>
  typeof v === 'object' && v !== null && ((v as ChangeAttrs).kind === 'added' || (v as ChangeAttrs).kind === 'removed');

/**
 * The diff's own schema additions: text changes as <ins>/<del> (what screen readers announce
 * as inserted and deleted), blocks with a `data-change` attribute; colour through classes
 * only (the CSP allows no inline style), the person's name in `title`.
 */
export function versionChangeExtensions(look: ChangeLook) {
  const VersionChange = Mark.create({
    name: CHANGE_MARK,
    inclusive: false,
    excludes: '',
    addAttributes() {
      return { kind: { default: 'added', rendered: false }, by: { default: null, rendered: false } };
    },
    parseHTML() {
      return [];
    },
    renderHTML({ mark }) {
      const change = mark.attrs as ChangeAttrs;
      return [change.kind === 'removed' ? 'del' : 'ins', { class: classesOf(change, look, true), title: look.label(change), 'data-change': change.kind }, 0];
    },
  });
  const BlockChange = Extension.create({
    name: 'versionBlockChange',
    addGlobalAttributes() {
      return [
        {
          types: BLOCKS,
          attributes: {
            change: {
              default: null,
              parseHTML: () => null,
              renderHTML: (attrs: Record<string, unknown>) =>
                isChange(attrs.change) ? { 'data-change': attrs.change.kind, class: classesOf(attrs.change, look, false), title: look.label(attrs.change) } : {},
            },
          },
        },
      ];
    },
  });
  return [VersionChange, BlockChange];
}
