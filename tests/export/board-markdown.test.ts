/**
 * The board's Markdown export writes & < > * _ once: as the text reads, escaped only where
 * Markdown would take a character for syntax (it used to say `Zorg &amp; welzijn`).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { marked } from 'marked';
import { exportDocument } from '../../server/export/index';
import { call, createDocumentFor } from '../helpers/api';
import { connectClient, destroyAll, synced } from '../helpers/clients';
import { settled } from '../helpers/barrier';
import { startTestServer } from '../helpers/server';
import { rawBoard } from './raw-board';

const TITLE = 'Zorg & welzijn: 3 < 5 > 2 * _';
const CARD = 'Ruimte & verdichting <b>vet</b> > 2 *nu* _x_';

/** The board as `voter` writes it (a real server only takes cards by their own author). */
function board(voter: string, doc?: Y.Doc): Y.Doc {
  return rawBoard(
    {
      columns: [{ id: 'c', title: TITLE }],
      cards: [
        { id: 'k1', columnId: 'c', text: CARD, createdAt: 1, authorId: voter, votes: { [voter]: 1 } },
        // Hostile: text that is already an entity, and a line that starts like a quote.
        { id: 'k2', columnId: 'c', text: '> geen citaat &amp; &#60;b&#62;', createdAt: 2, authorId: voter, votes: {} },
      ],
    },
    doc,
  );
}

const EXPECTED_LINES = [
  '## Zorg & welzijn: 3 < 5 > 2 \\* \\_',
  '',
  '- Ruimte & verdichting \\<b>vet\\</b> > 2 \\*nu\\* \\_x\\_ (1 stem)',
  '- \\> geen citaat \\&amp; \\&#60;b\\&#62; (0 stemmen)',
];

describe('board Markdown', () => {
  const markdown = () => exportDocument({ doc: board('u-anna'), kind: 'board', title: 'Atelier & co', format: 'markdown', memberIds: new Set(['u-anna']) }).body;

  it('reads as the text does, escaping only what Markdown would take for syntax', () => {
    expect(markdown()).toBe(['# Atelier & co', '', ...EXPECTED_LINES, ''].join('\n'));
  });

  it('renders (CommonMark) to exactly the typed text: no markup, no entity decoded or doubled', () => {
    const html = marked.parse(markdown(), { async: false });
    expect(html).toContain('<h2>Zorg &amp; welzijn: 3 &lt; 5 &gt; 2 * _</h2>');
    expect(html).toContain('<li>Ruimte &amp; verdichting &lt;b&gt;vet&lt;/b&gt; &gt; 2 *nu* _x_ (1 stem)</li>');
    expect(html).toContain('<li>&gt; geen citaat &amp;amp; &amp;#60;b&amp;#62; (0 stemmen)</li>');
    expect(html).not.toMatch(/<b>|<em>|<strong>|<blockquote>/);
  });
});

describe('board Markdown through the API', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  beforeAll(async () => (server = await startTestServer()));
  afterAll(() => server?.close());

  it('is the same download, once escaped', async () => {
    const owner = await createDocumentFor(server.url, { kind: 'board', title: 'Atelier & co' });
    const client = connectClient(server.url.replace('http', 'ws') + '/sync', owner.documentId, { token: owner.token });
    await synced(client.provider);
    board(owner.userId, client.doc);
    await settled(client.provider);
    destroyAll(client.provider);
    const res = await call(server.url, 'GET', `/api/documents/${owner.documentId}/export?format=markdown`, { token: owner.token });
    expect(res.status).toBe(200);
    expect(res.body).toBe(['# Atelier & co', '', ...EXPECTED_LINES, ''].join('\n'));
  });
});
