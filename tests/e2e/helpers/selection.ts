import type { Page } from 'playwright-core';
import { expect } from 'vitest';

interface EditorInPage {
  state: { selection: { empty: boolean; head: number } };
  view: { posAtDOM(node: Node, offset: number): number };
}

/**
 * Selects `text` in the editor through the DOM selection, which ProseMirror follows (as a
 * mouse would; arrow keys get lost while remote carets redraw). With `collapse: 'end'` the
 * caret stands just after it instead.
 */
export async function selectText(page: Page, text: string, collapse?: 'end'): Promise<void> {
  await page.evaluate(
    ([needle, toEnd]) => {
      const root = document.querySelector('[data-testid="editor"]')!;
      const editor = (root as unknown as { editor: EditorInPage }).editor;
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const at = (node as Text).data.indexOf(needle!);
        if (at < 0) continue;
        const end = at + needle!.length;
        const range = document.createRange();
        range.setStart(node, toEnd ? end : at);
        range.setEnd(node, end);
        const selection = window.getSelection()!;
        selection.removeAllRanges();
        selection.addRange(range);
        (window as unknown as { expectedHead: number }).expectedHead = editor.view.posAtDOM(node, end);
        return;
      }
      throw new Error(`text not in the editor: ${needle}`);
    },
    [text, collapse === 'end' ? 'end' : ''],
  );
  // The editor reads a selection the page made on the next selectionchange: a key pressed
  // before that (a busy machine) would act on the old selection.
  await expect
    .poll(
      () =>
        page.evaluate((collapsed) => {
          const editor = (document.querySelector('[data-testid="editor"]') as unknown as { editor?: EditorInPage } | null)?.editor;
          const head = (window as unknown as { expectedHead: number }).expectedHead;
          return editor !== undefined && editor.state.selection.empty === collapsed && editor.state.selection.head === head;
        }, collapse === 'end'),
      { timeout: 5_000 },
    )
    .toBe(true);
}
