// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { Network, splicedSessions } from './two-editors';

let net: Network;
afterEach(() => net?.destroy());

/** Both carets at the end of the first paragraph, as after clicking behind the last word. */
function caretsAtEnd() {
  for (const p of net.peers) p.editor.commands.setTextSelection(p.editor.state.doc.content.child(0).nodeSize - 1);
}

describe('two people typing at the same place across a network drop', () => {
  it('keeps each person’s typing in one piece (no spliced words)', () => {
    net = new Network();
    const karel = net.add('Karel', 1);
    net.type(karel, 'Verslag: ');
    const lotte = net.add('Lotte', 2);
    caretsAtEnd();

    // Round 0: the server restarts; both keep typing at the same spot.
    net.disconnect(karel);
    net.disconnect(lotte);
    net.type(karel, 'ronde0 herstart: Karel. ');
    net.type(lotte, 'ronde0 herstart: Lotte. ');
    net.reconnect(karel);
    net.reconnect(lotte);
    expect(karel.editor.getText()).toBe(lotte.editor.getText());

    // Round 1: each goes on behind their own sentence — one of them now types right in front
    // of the other's "ronde0…", whose first letters are the same as what they type.
    net.disconnect(karel);
    net.disconnect(lotte);
    net.type(karel, 'ronde1 herstart: Karel. ');
    net.type(lotte, 'ronde1 herstart: Lotte. ');
    net.reconnect(karel);
    net.reconnect(lotte);

    expect(karel.editor.getText()).toBe(lotte.editor.getText());
    // Round 2: the same again. Once an item of one person sits inside the other's run,
    // Yjs orders the next concurrent inserts around it and the words visibly interleave.
    net.disconnect(karel);
    net.disconnect(lotte);
    net.type(karel, 'ronde2 herstart: Karel. ');
    net.type(lotte, 'ronde2 herstart: Lotte. ');
    net.reconnect(karel);
    net.reconnect(lotte);

    const text = karel.editor.getText();
    expect(lotte.editor.getText()).toBe(text);
    for (const s of net.sessions) expect(text).toContain(s.text);
    expect(splicedSessions(karel.doc, net.sessions)).toEqual([]);
  });

  it('keeps the caret behind one’s own words when the other’s sentence that starts the same way arrives first', () => {
    net = new Network();
    const karel = net.add('Karel', 1);
    net.type(karel, 'Verslag: ');
    const lotte = net.add('Lotte', 2);
    caretsAtEnd();

    net.disconnect(karel);
    net.disconnect(lotte);
    net.type(karel, 'ronde0 herstart, deel twee. ');
    net.type(lotte, 'ronde0 herstart');
    net.reconnect(karel);
    net.reconnect(lotte);
    // Karel's sentence sorts first, and Lotte's old text is a prefix of the merged one: her
    // caret must follow her own last letter, not stay at its old offset inside Karel's words.
    expect(lotte.editor.getText()).toBe('Verslag: ronde0 herstart, deel twee. ronde0 herstart');
    expect(lotte.editor.state.selection.head).toBe(lotte.editor.state.doc.content.child(0).nodeSize - 1);

    net.type(lotte, ': Lotte.');
    expect(karel.editor.getText()).toBe('Verslag: ronde0 herstart, deel twee. ronde0 herstart: Lotte.');
    expect(splicedSessions(karel.doc, net.sessions)).toEqual([]);
  });
});
