// @vitest-environment happy-dom
import { Editor } from '@tiptap/core';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { ContentTooDeepError, depthBelow, guardContentDepth, MAX_CONTENT_DEPTH, plainTextBlocks } from '../../client/src/editor/content-depth';
import { documentExtensions } from '../../client/src/editor/extensions';
import { poisonedDocumentUpdate } from './poisoned-doc';

let editor: Editor | undefined;
afterEach(() => editor?.destroy());

describe('a document nested deeper than the editor can render', () => {
  it('is stopped before the binding renders it, keeps its content, and takes no local edit', () => {
    const doc = new Y.Doc();
    const fragment = doc.getXmlFragment('default');
    let tooDeep = false;
    guardContentDepth(doc, fragment, () => (tooDeep = true));
    editor = new Editor({ element: document.createElement('div'), extensions: documentExtensions(doc, () => tooDeep) });

    expect(() => Y.applyUpdate(doc, poisonedDocumentUpdate(5_000, 'Geheime tekst'))).toThrow(ContentTooDeepError);
    expect(tooDeep).toBe(true);
    expect(depthBelow(fragment)).toBeGreaterThan(MAX_CONTENT_DEPTH);

    // A keystroke in the (unrendered) editor must not make the binding overwrite the document.
    editor.commands.insertContent('x');
    editor.view.dispatch(editor.state.tr.insertText('y', 1));
    expect(depthBelow(fragment)).toBeGreaterThan(MAX_CONTENT_DEPTH);
    expect(plainTextBlocks(fragment)).toEqual(['Geheime tekst']);
  });

  it('lets ordinary nesting through (a quote in a list in a quote)', () => {
    const doc = new Y.Doc();
    let tooDeep = false;
    guardContentDepth(doc, doc.getXmlFragment('default'), () => (tooDeep = true));
    editor = new Editor({ element: document.createElement('div'), extensions: documentExtensions(doc, () => tooDeep) });
    editor.commands.setContent('<blockquote><ul><li><blockquote><p>Diep genoeg</p></blockquote></li></ul></blockquote>');
    expect(tooDeep).toBe(false);
    expect(Y.encodeStateAsUpdate(doc).length).toBeGreaterThan(10);
    expect(editor.getText()).toContain('Diep genoeg');
  });
});
