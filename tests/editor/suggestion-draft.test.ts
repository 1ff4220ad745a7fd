// @vitest-environment happy-dom
import { Editor, getSchema } from '@tiptap/core';
import type { Node as PMNode } from '@tiptap/pm/model';
import { TextSelection } from '@tiptap/pm/state';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { applyAction, startDraft, suggestionTextOf, type DraftAction, type DraftShape } from '../../client/src/suggestions/draft';
import { documentExtensions } from '../../client/src/editor/extensions';
import { setSuggesting, suggestModeKey, SuggestMode, type LocalDraft } from '../../client/src/suggestions/suggest-mode';
import { contentExtensions } from '../../shared/editor-content';
import { textOfRange } from '../../shared/suggestion-anchors';

const schema = getSchema(contentExtensions());
const doc = (...paragraphs: string[]): PMNode =>
  schema.node('doc', null, paragraphs.map((p) => schema.node('paragraph', null, p ? [schema.text(p)] : [])));

/** Position just after the `n`th character of paragraph 0 (positions start at 1 inside it). */
const at = (n: number) => 1 + n;

function run(d: PMNode, selection: { from: number; to: number }, actions: DraftAction[]): DraftShape | null {
  const [first, ...rest] = actions;
  let draft = startDraft(d, selection, first!);
  for (const a of rest) draft = draft && applyAction(d, draft, a);
  return draft;
}

const type = (text: string): DraftAction[] => [...text].map((c) => ({ kind: 'insert', text: c }));
const backspace = (n: number): DraftAction[] => Array.from({ length: n }, () => ({ kind: 'backspace' }));

describe('a keystroke in suggest mode becomes a draft, not a change', () => {
  const d = doc('De stad investeert in fietspaden.', 'Elke buurt krijgt een schoolstraat.');

  it('typing at a caret is an insertion at that point, the caret after it', () => {
    expect(run(d, { from: at(7), to: at(7) }, type(' Gent'))).toEqual({ from: at(7), to: at(7), insertText: ' Gent', caret: 'end' });
  });

  it('typing over a selection replaces exactly the selection', () => {
    const draft = run(d, { from: at(3), to: at(7) }, type('gemeente'))!;
    expect(textOfRange(d, draft.from, draft.to)).toBe('stad');
    expect(draft.insertText).toBe('gemeente');
  });

  it('Backspace takes back typed text first, then strikes leftwards with the caret before the struck text', () => {
    const draft = run(d, { from: at(7), to: at(7) }, [...type('xy'), ...backspace(2), ...backspace(4)])!;
    expect(draft.insertText).toBe('');
    expect(textOfRange(d, draft.from, draft.to)).toBe('stad');
    expect(draft.caret).toBe('start');
  });

  it('Backspace at a paragraph start strikes the paragraph break ("\\n"), so paragraphs can be joined', () => {
    const second = d.child(0).nodeSize + 1;
    const draft = run(d, { from: second, to: second }, backspace(2))!;
    expect(textOfRange(d, draft.from, draft.to)).toBe('.\n');
  });

  it('Delete strikes rightwards, across a paragraph end too', () => {
    const end = d.child(0).nodeSize - 1;
    const draft = run(d, { from: end - 1, to: end - 1 }, [{ kind: 'delete' }, { kind: 'delete' }, { kind: 'delete' }])!;
    expect(textOfRange(d, draft.from, draft.to)).toBe('.\nE');
  });

  it('Backspace at the very start of the document suggests nothing', () => {
    expect(run(d, { from: 1, to: 1 }, backspace(1))).toBeNull();
  });

  it('never splits a character written with two UTF-16 units', () => {
    const e = doc('Fiets 🚲 pad');
    const after = at(8);
    expect(textOfRange(e, run(e, { from: after, to: after }, backspace(1))!.from, after)).toBe('🚲');
    expect(run(e, { from: 1, to: 1 }, [...type('🚲'), ...backspace(1)])!.insertText).toBe('');
  });

  it('pasted text keeps paragraphs as "\\n" and loses what a suggestion may not hold', () => {
    expect(suggestionTextOf('een\r\ntwee\tdrie\u0007\uD800')).toBe('een\ntwee drie');
  });
});

describe('the suggest-mode plugin on the real Yjs binding', () => {
  let editor: Editor | null = null;
  afterEach(() => editor?.destroy());

  function boundEditor(text: string) {
    const ydoc = new Y.Doc();
    const drafts: (LocalDraft | null)[] = [];
    const element = document.createElement('div');
    document.body.append(element);
    editor = new Editor({
      element,
      extensions: [SuggestMode.configure({ hooks: { onDraft: (d) => drafts.push(d), onBlur: () => undefined } }), ...documentExtensions(ydoc)],
    });
    editor.commands.setContent(`<p>${text}</p>`);
    return { ydoc, drafts, editor };
  }

  const typeIn = (e: Editor, text: string) => {
    for (const c of text) {
      const { from, to } = e.state.selection;
      const handled = e.view.someProp('handleTextInput', (f) => f(e.view, from, to, c, () => e.state.tr.insertText(c, from, to)));
      expect(handled).toBe(true);
    }
  };

  it('typing grows one draft and leaves the document and its Yjs copy untouched', () => {
    const { ydoc, drafts, editor: e } = boundEditor('De stad investeert.');
    const before = Y.encodeStateAsUpdate(ydoc);
    setSuggesting(e.view, true);
    e.view.dispatch(e.state.tr.setSelection(TextSelection.create(e.state.doc, at(7))));
    typeIn(e, ' Gent');
    expect(e.getText()).toBe('De stad investeert.');
    expect(Y.encodeStateAsUpdate(ydoc)).toEqual(before);
    const draft = suggestModeKey.getState(e.state)!.draft!;
    expect(draft).toMatchObject({ deletedText: '', insertText: ' Gent', from: at(7), to: at(7) });
    expect(new Set(drafts.filter((d) => d !== null).map((d) => d.key)).size).toBe(1);
    // A command that would change the text directly is refused while suggesting.
    expect(e.commands.insertContent('zzz')).toBe(true);
    expect(e.getText()).toBe('De stad investeert.');
  });

  it('typing somewhere else starts a new draft; switching the mode off ends it', () => {
    const { drafts, editor: e } = boundEditor('De stad investeert.');
    setSuggesting(e.view, true);
    e.view.dispatch(e.state.tr.setSelection(TextSelection.create(e.state.doc, at(2))));
    typeIn(e, 'x');
    e.view.dispatch(e.state.tr.setSelection(TextSelection.create(e.state.doc, at(10))));
    typeIn(e, 'y');
    const keys = new Set(drafts.filter((d) => d !== null).map((d) => d.key));
    expect(keys.size).toBe(2);
    setSuggesting(e.view, false);
    expect(drafts.at(-1)).toBeNull();
  });

  it('a change by someone else still arrives, and the draft keeps its place in the text', () => {
    const { ydoc, editor: e } = boundEditor('De stad investeert.');
    setSuggesting(e.view, true);
    e.view.dispatch(e.state.tr.setSelection(TextSelection.create(e.state.doc, at(7))));
    typeIn(e, ' Gent');
    const other = new Y.Doc();
    Y.applyUpdate(other, Y.encodeStateAsUpdate(ydoc));
    const paragraph = other.getXmlFragment('default').get(0) as Y.XmlElement;
    (paragraph.get(0) as Y.XmlText).insert(0, 'Vandaag: ');
    Y.applyUpdate(ydoc, Y.encodeStateAsUpdate(other, Y.encodeStateVector(ydoc)));
    expect(e.getText()).toBe('Vandaag: De stad investeert.');
    const draft = suggestModeKey.getState(e.state)!.draft!;
    expect(textOfRange(e.state.doc, 1, draft.from)).toBe('Vandaag: De stad');
  });

  it('undo keys do nothing while suggesting (Yjs undo would change the shared text past any filter)', () => {
    const { ydoc, editor: e } = boundEditor('De stad investeert.');
    e.commands.insertContentAt(at(3), 'XYZ');
    expect(e.getText()).toBe('De XYZstad investeert.');
    setSuggesting(e.view, true);
    const before = Y.encodeStateAsUpdate(ydoc);
    const press = (init: KeyboardEventInit) => e.view.someProp('handleKeyDown', (f) => f(e.view, new KeyboardEvent('keydown', init)));
    expect(press({ key: 'z', ctrlKey: true })).toBe(true);
    expect(press({ key: 'z', metaKey: true })).toBe(true);
    expect(e.getText()).toBe('De XYZstad investeert.');
    expect(Y.encodeStateAsUpdate(ydoc)).toEqual(before);
  });
});
