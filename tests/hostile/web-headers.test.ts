import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createDocumentFor } from '../helpers/api';
import { startTestServer } from '../helpers/server';
import { appendParagraph, writeContent } from './fixtures/web-content';
import { ensureClientBuilt } from '../e2e/helpers/build-client';

type Server = Awaited<ReturnType<typeof startTestServer>>;

function expectBrowserDefences(headers: Headers, what: string): void {
  const csp = headers.get('content-security-policy') ?? '';
  expect(csp, what).toContain("default-src 'self'");
  expect(csp, what).toContain("script-src 'self'");
  expect(csp, what).not.toMatch(/script-src[^;]*unsafe-inline/);
  expect(csp, what).toContain("frame-ancestors 'none'");
  expect(headers.get('x-content-type-options'), what).toBe('nosniff');
  expect(headers.get('referrer-policy'), what).toBe('same-origin');
  expect(headers.get('x-frame-options'), what).toBe('DENY');
}

describe('security headers on every page and API answer', () => {
  let server: Server;
  let secure: Server;
  beforeAll(async () => {
    await ensureClientBuilt();
    server = await startTestServer();
    secure = await startTestServer({ PUBLIC_ORIGIN: 'https://stadskamer.example.be' });
  });
  afterAll(async () => {
    await server?.close();
    await secure?.close();
  });

  it('pages, assets, API answers, errors and health all carry them; HSTS only behind https', async () => {
    const owner = await createDocumentFor(server.url);
    const index = await fetch(`${server.url}/`);
    const html = await index.text();
    const asset = html.match(/src="(\/assets\/[^"]+\.js)"/)?.[1];
    expect(asset).toBeDefined();
    const answers: [string, Response][] = [
      ['index', index],
      ['client route', await fetch(`${server.url}/w/nope`)],
      ['asset', await fetch(`${server.url}${asset}`)],
      ['api 200', await fetch(`${server.url}/api/workspaces`, { headers: { authorization: `Bearer ${owner.token}` } })],
      ['api 401', await fetch(`${server.url}/api/me`)],
      ['api 404', await fetch(`${server.url}/api/documents/nope`, { headers: { authorization: `Bearer ${owner.token}` } })],
      ['api 400', await fetch(`${server.url}/api/auth/login`, { method: 'POST', body: '{', headers: { 'content-type': 'application/json' } })],
      ['unknown', await fetch(`${server.url}/api/nothing-here`)],
      ['health', await fetch(`${server.url}/healthz`)],
    ];
    for (const [what, res] of answers) {
      expectBrowserDefences(res.headers, what);
      expect(res.headers.get('strict-transport-security'), what).toBeNull();
    }
    const behindHttps = await fetch(`${secure.url}/healthz`);
    expectBrowserDefences(behindHttps.headers, 'https origin');
    expect(behindHttps.headers.get('strict-transport-security')).toMatch(/^max-age=\d{7,}/);
  });

  it('serves HTML and Markdown exports as sandboxed attachments, JSON as data', async () => {
    const { token, documentId } = await createDocumentFor(server.url, { title: 'Nota "verlichting"/../x' });
    await writeContent(server.url.replace('http', 'ws') + '/sync', token, documentId, (doc) =>
      appendParagraph(doc, '<script>alert(1)</script>'),
    );
    for (const format of ['html', 'markdown'] as const) {
      const res = await call(server.url, 'GET', `/api/documents/${documentId}/export?format=${format}`, { token });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="Nota-verlichting-x\.(html|md)"$/);
      expect(res.headers.get('content-security-policy')).toMatch(/^sandbox;/);
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      // HTML: no markup at all; Markdown: only as a backslash-escaped literal, which every
      // Markdown renderer shows as text.
      expect(String(res.body)).not.toMatch(/(^|[^\\])<script>/);
      if (format === 'html') expect(String(res.body)).not.toContain('<script>');
      else expect(String(res.body)).toContain('\\<script>');
    }
    const json = await call(server.url, 'GET', `/api/documents/${documentId}/export?format=json`, { token });
    expect(json.headers.get('content-disposition')).toBeNull();
    expect(json.headers.get('content-type')).toMatch(/^application\/json/);
  });
});
