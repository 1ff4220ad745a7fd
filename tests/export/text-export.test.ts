import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { marked } from 'marked';
import { exportDocument } from '../../server/export/index';
import { el, rawDoc, txt } from './raw-yjs';

const KVS = 'https://www.kenniscentrumvlaamsesteden.be/';

/** A recommendation as a raw Yjs client writes it: every node and mark the contract names. */
function recommendation(): Y.Doc {
  return rawDoc([
    el('heading', { level: 1 }, [txt('Aanbevelingen aan de steden')]),
    el('paragraph', [
      txt(
        'Gent en ',
        ['Mechelen', { bold: {} }],
        ' werken ',
        ['samen', { italic: {} }],
        ', ',
        ['niet', { strike: {} }],
        ' via ',
        ['npm run seed', { code: {} }],
        ' en ',
        ['het Kenniscentrum', { link: { href: KVS } }],
        '.',
      ),
    ]),
    el('heading', { level: 2 }, [txt('Hoeken van de dag')]),
    el('bulletList', [
      el('listItem', [
        el('paragraph', [txt('Interne organisatie')]),
        el('orderedList', { start: 1 }, [
          el('listItem', [el('paragraph', [txt('Personeel')])]),
          el('listItem', [el('paragraph', [txt('Financiën ', ['nu', { bold: {}, italic: {} }])])]),
        ]),
      ]),
      el('listItem', [el('paragraph', [txt('Netwerkbestuur')])]),
    ]),
    el('orderedList', { start: 3 }, [
      el('listItem', [
        el('paragraph', [txt('Derde')]),
        el('bulletList', [el('listItem', [el('paragraph', [txt('diep')])])]),
      ]),
    ]),
    el('blockquote', [el('paragraph', [txt('De stad is een netwerk.')])]),
    el('codeBlock', { language: 'ts' }, [txt("const stad = 'Gent';\nconsole.log(stad < 2);")]),
    el('horizontalRule'),
    el('paragraph', [txt('Regel een'), el('hardBreak'), txt('regel twee')]),
  ]);
}

function render(doc: Y.Doc, format: 'markdown' | 'html' | 'json', title = 'Atelier') {
  return exportDocument({ doc, kind: 'recommendation', title, format, memberIds: new Set() });
}

const EXPECTED_MARKDOWN = `# Atelier

# Aanbevelingen aan de steden

Gent en **Mechelen** werken *samen*, ~~niet~~ via \`npm run seed\` en [het Kenniscentrum](${KVS}).

## Hoeken van de dag

- Interne organisatie
  1. Personeel
  2. Financiën ***nu***
- Netwerkbestuur

3. Derde
   - diep

> De stad is een netwerk.

\`\`\`ts
const stad = 'Gent';
console.log(stad < 2);
\`\`\`

---

Regel een  
regel twee
`;

const LINK_ATTRS = 'target="_blank" rel="noopener noreferrer nofollow"';

const EXPECTED_BODY =
  '<h1>Aanbevelingen aan de steden</h1>' +
  '<p>Gent en <strong>Mechelen</strong> werken <em>samen</em>, <s>niet</s> via <code>npm run seed</code> en ' +
  `<a ${LINK_ATTRS} href="${KVS}">het Kenniscentrum</a>.</p>` +
  '<h2>Hoeken van de dag</h2>' +
  '<ul><li><p>Interne organisatie</p><ol><li><p>Personeel</p></li><li><p>Financiën <em><strong>nu</strong></em></p></li></ol></li>' +
  '<li><p>Netwerkbestuur</p></li></ul>' +
  '<ol start="3"><li><p>Derde</p><ul><li><p>diep</p></li></ul></li></ol>' +
  '<blockquote><p>De stad is een netwerk.</p></blockquote>' +
  `<pre><code class="language-ts">const stad = 'Gent';\nconsole.log(stad &lt; 2);</code></pre>` +
  '<hr/>' +
  '<p>Regel een<br/>regel twee</p>';

describe('text document export', () => {
  it('renders headings, nested lists, marks, a link, a quote and a code block as Markdown', () => {
    const result = render(recommendation(), 'markdown');
    expect(result.contentType).toBe('text/markdown; charset=utf-8');
    expect(result.body).toBe(EXPECTED_MARKDOWN);
  });

  it('produces Markdown that a CommonMark parser reads back into the same structure', () => {
    // Paragraph tags and newlines only say whether marked thinks a list is "loose".
    const html = marked
      .parse(render(recommendation(), 'markdown').body, { async: false })
      .replace(/\n/g, '')
      .replace(/<\/?p>/g, '');
    expect(html).toBe(
      '<h1>Atelier</h1><h1>Aanbevelingen aan de steden</h1>' +
        'Gent en <strong>Mechelen</strong> werken <em>samen</em>, <del>niet</del> via <code>npm run seed</code> en ' +
        `<a href="${KVS}">het Kenniscentrum</a>.` +
        '<h2>Hoeken van de dag</h2>' +
        '<ul><li>Interne organisatie<ol><li>Personeel</li><li>Financiën <em><strong>nu</strong></em></li></ol></li>' +
        '<li>Netwerkbestuur</li></ul>' +
        '<ol start="3"><li>Derde<ul><li>diep</li></ul></li></ol>' +
        '<blockquote>De stad is een netwerk.</blockquote>' +
        '<pre><code class="language-ts">const stad = &#39;Gent&#39;;console.log(stad &lt; 2);</code></pre>' +
        '<hr>Regel een<br>regel twee',
    );
  });

  it('renders a complete HTML document with the editor markup', () => {
    const result = render(recommendation(), 'html');
    expect(result.contentType).toBe('text/html; charset=utf-8');
    expect(result.body).toBe(
      [
        '<!DOCTYPE html>',
        '<html lang="nl">',
        '<head>',
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        '<title>Atelier</title>',
        '</head>',
        '<body>',
        '<h1>Atelier</h1>',
        EXPECTED_BODY,
        '</body>',
        '</html>',
        '',
      ].join('\n'),
    );
  });

  it('exports the ProseMirror JSON with the title', () => {
    const result = render(recommendation(), 'json');
    expect(result.contentType).toBe('application/json; charset=utf-8');
    const parsed = JSON.parse(result.body) as { title: string; type: string; content: { type: string }[] };
    expect(parsed.title).toBe('Atelier');
    expect(parsed.type).toBe('doc');
    expect(parsed.content.map((node) => node.type)).toEqual([
      'heading', 'paragraph', 'heading', 'bulletList', 'orderedList', 'blockquote', 'codeBlock', 'horizontalRule', 'paragraph',
    ]);
    expect(parsed.content[0]).toEqual({
      type: 'heading',
      attrs: { level: 1 },
      content: [{ type: 'text', text: 'Aanbevelingen aan de steden' }],
    });
    expect(JSON.stringify(parsed.content[1])).toContain(`{"type":"link","attrs":{"href":"${KVS}"`);
  });

  it('leaves the live document untouched, even where it holds what the schema rejects', () => {
    const doc = rawDoc([
      el('paragraph', [txt('voor')]),
      el('iframe', { src: 'https://evil.example' }, [txt('weg')]),
      el('paragraph', [txt('na')]),
    ]);
    const before = Y.encodeStateAsUpdate(doc);
    const result = render(doc, 'markdown', 'Nota');
    expect(result.body).toBe('# Nota\n\nvoor\n\nna\n');
    // y-tiptap deletes rejected nodes from the Y.Doc it converts: that must be a copy.
    expect(Y.encodeStateAsUpdate(doc)).toEqual(before);
    expect(doc.getXmlFragment('default').length).toBe(3);
  });

  it('exports an empty document as just its title, and a blank title as "Zonder titel"', () => {
    expect(render(new Y.Doc(), 'markdown', 'Leeg').body).toBe('# Leeg\n');
    expect(render(new Y.Doc(), 'markdown', '   ').body).toBe('# Zonder titel\n');
    expect(JSON.parse(render(new Y.Doc(), 'json', 'Leeg').body)).toEqual({ title: 'Leeg', type: 'doc', content: [] });
  });
});
