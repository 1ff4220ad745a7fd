import { describe, expect, it } from 'vitest';
import { marked } from 'marked';
import { exportDocument } from '../../server/export/index';
import { el, rawDoc, txt } from './raw-yjs';

const SCRIPT = '<script>alert(1)</script>';

/** Text a participant could type (or a raw client could write) to try to become markup. */
function hostileNote() {
  return rawDoc([
    el('heading', { level: 2 }, [txt('Kop eindigt op #')]),
    el('paragraph', [txt(`${SCRIPT} **x** _y_ [a](b) ~~z~~ & &amp;`)]),
    el('paragraph', [
      txt('# geen kop'),
      el('hardBreak'),
      txt('1. geen lijst\n- geen punt\n===\n    geen code\n> geen citaat'),
    ]),
    el('paragraph', [
      txt(
        ['a`b', { code: {} }],
        ' ',
        ['`<img src=x onerror=alert(1)>', { code: {} }],
        ' ',
        ['klik', { link: { href: 'javascript:alert(1)' } }],
        ' ',
        ['haakjes', { link: { href: 'https://example.be/a (b)', title: 'zeg "hallo"' } }],
      ),
    ]),
    el('codeBlock', { language: 'html\n<script>' }, [txt('```\n<script>alert(1)</script>\n```')]),
  ]);
}

function render(format: 'markdown' | 'html', title = 'Nota <b>vet</b>') {
  return exportDocument({ doc: hostileNote(), kind: 'note', title, format, memberIds: new Set() }).body;
}

describe('escaping in exports', () => {
  it('writes Markdown in which typed text stays text', () => {
    expect(render('markdown')).toBe(
      [
        '# Nota \\<b>vet\\</b>',
        '',
        '## Kop eindigt op \\#',
        '',
        // Escaped only where Markdown would read syntax: a bare & stays, one that starts an entity does not.
        '\\<script>alert(1)\\</script> \\*\\*x\\*\\* \\_y\\_ \\[a\\](b) \\~\\~z\\~\\~ & \\&amp;',
        '',
        '\\# geen kop  ',
        '1\\. geen lijst  ',
        '\\- geen punt  ',
        '\\===  ',
        'geen code  ',
        '\\> geen citaat',
        '',
        '``a`b`` `` `<img src=x onerror=alert(1)> `` klik [haakjes](https://example.be/a%20%28b%29 "zeg \\"hallo\\"")',
        '',
        '````',
        '```',
        SCRIPT,
        '```',
        '````',
        '',
      ].join('\n'),
    );
  });

  it('yields Markdown that a CommonMark parser turns into the typed text, not into markup', () => {
    const html = marked.parse(render('markdown'), { async: false });
    expect(html).toBe(
      [
        '<h1>Nota &lt;b&gt;vet&lt;/b&gt;</h1>',
        '<h2>Kop eindigt op #</h2>',
        '<p>&lt;script&gt;alert(1)&lt;/script&gt; **x** _y_ [a](b) ~~z~~ &amp; &amp;amp;</p>',
        '<p># geen kop<br>1. geen lijst<br>- geen punt<br>===<br>geen code<br>&gt; geen citaat</p>',
        '<p><code>a`b</code> <code>`&lt;img src=x onerror=alert(1)&gt;</code> klik ' +
          '<a href="https://example.be/a%20%28b%29" title="zeg &quot;hallo&quot;">haakjes</a></p>',
        '<pre><code>```',
        '&lt;script&gt;alert(1)&lt;/script&gt;',
        '```',
        '</code></pre>',
        '',
      ].join('\n'),
    );
  });

  it('writes HTML with every text and attribute escaped and no javascript: link', () => {
    const html = render('html');
    expect(html).toContain('<title>Nota &lt;b&gt;vet&lt;/b&gt;</title>');
    expect(html).toContain('<h1>Nota &lt;b&gt;vet&lt;/b&gt;</h1>');
    expect(html).toContain('<p>&lt;script&gt;alert(1)&lt;/script&gt; **x** _y_ [a](b) ~~z~~ &amp; &amp;amp;</p>');
    expect(html).toContain('<code>`&lt;img src=x onerror=alert(1)&gt;</code>');
    // A refused target loses its link mark; its text stays.
    expect(html).toContain('</code> klik <a ');
    expect(html).toContain('href="https://example.be/a (b)" title="zeg &quot;hallo&quot;"');
    expect(html).toContain('<pre><code class="language-html\n&lt;script&gt;">```\n&lt;script&gt;alert(1)&lt;/script&gt;\n```</code></pre>');
    expect(html).not.toMatch(/<script|<img|javascript:/i);
  });

  it('escapes quotes and apostrophes of the title in HTML', () => {
    const html = render('html', `"Stad" & 'rand'`);
    expect(html).toContain('<title>&quot;Stad&quot; &amp; &#39;rand&#39;</title>');
    expect(html).toContain('<h1>&quot;Stad&quot; &amp; &#39;rand&#39;</h1>');
  });
});
