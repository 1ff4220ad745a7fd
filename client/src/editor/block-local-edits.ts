import { Extension } from '@tiptap/core';
import { Plugin } from '@tiptap/pm/state';
import { ySyncPluginKey } from '@tiptap/y-tiptap';

/**
 * Refuses every local change to the document while `blocked()` says so; changes the Yjs
 * binding renders from the shared document still pass. Stronger than `editable: false`,
 * which leaves commands, paste handlers and plugins free to dispatch: with the document
 * unrenderable (too deep), any local change would make the binding overwrite it.
 */
export function blockLocalEdits(blocked: () => boolean) {
  return Extension.create({
    name: 'blockLocalEdits',
    addProseMirrorPlugins() {
      return [
        new Plugin({
          filterTransaction: (tr) => !(tr.docChanged && blocked() && tr.getMeta(ySyncPluginKey) === undefined),
        }),
      ];
    },
  });
}
